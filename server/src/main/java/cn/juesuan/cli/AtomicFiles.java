package cn.juesuan.cli;

import cn.juesuan.core.JuesuanException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/** Writes a file through a temp file in the same folder and a move, so a failure never leaves half a file. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path target, byte[] bytes) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw JuesuanException.badRequest("no_such_dir", "输出目录不存在：" + dir);
        }
        if (Files.isDirectory(abs)) {
            throw JuesuanException.badRequest("output_is_dir", "输出路径是一个目录：" + abs);
        }
        // not Files.createTempFile: that would leave the result readable by its owner only
        Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
