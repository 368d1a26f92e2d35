package cn.juesuan.cli;

import cn.juesuan.core.DurableFiles;
import cn.juesuan.core.JuesuanException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        DurableFiles.replace(abs, new ByteArrayInputStream(bytes));
    }
}
