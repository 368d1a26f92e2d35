package cn.juesuan.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Replaces a file so that a crash at any moment leaves the old content or the new, never a mix: the bytes go to a
 * staging file in the same folder, are forced to disk, the staging file is renamed over the target, and the folder
 * entry is forced too.
 */
public final class DurableFiles {
    public static final String STAGING_SUFFIX = ".tmp";

    private DurableFiles() {
    }

    /** @return bytes written */
    public static long replace(Path target, InputStream content) throws IOException {
        Path dir = target.getParent();
        Path staging = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + STAGING_SUFFIX);
        long written = 0;
        try {
            try (FileChannel ch = FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buf = new byte[64 * 1024];
                for (int n; (n = content.read(buf)) > 0; ) {
                    ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                    while (b.hasRemaining()) {
                        written += ch.write(b);
                    }
                }
                ch.force(true);
            }
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(dir);
            return written;
        } finally {
            Files.deleteIfExists(staging);
        }
    }

    /**
     * Makes a rename in the folder durable. Where folders cannot be opened (Windows) it returns false: the rename
     * itself is still atomic there.
     */
    public static boolean forceFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Staging files a crashed writer of this target left behind. */
    public static void removeLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (var files = Files.list(target.getParent())) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)
                    && f.getFileName().toString().endsWith(STAGING_SUFFIX)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
