package cn.juesuan.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate JVM that stores into an archive until it is killed (the parent sends SIGKILL).
 * Arguments: root unit year fileA fileB mode, mode "stall" (store A, then B up to half and wait) or "loop"
 * (store A and B in turn, for ever).
 */
public final class ArchiveChild {
    private ArchiveChild() {
    }

    public static void main(String[] args) throws Exception {
        Archive archive = new Archive(Path.of(args[0]));
        String unit = args[1];
        int year = Integer.parseInt(args[2]);
        byte[] a = Files.readAllBytes(Path.of(args[3]));
        byte[] b = Files.readAllBytes(Path.of(args[4]));
        if (args[5].equals("stall")) {
            archive.store(unit, null, year, a);
            System.out.println("stored A");
            System.out.flush();
            archive.store(unit, null, year, new Stalling(b));
            return;
        }
        System.out.println("looping");
        System.out.flush();
        for (long i = 0; ; i++) {
            archive.store(unit, null, year, i % 2 == 0 ? a : b);
        }
    }

    /** Gives the first half of the bytes, says so, then blocks: the store is caught mid-write. */
    private static final class Stalling extends InputStream {
        private final InputStream in;
        private final int half;
        private int given;

        Stalling(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
            this.half = bytes.length / 2;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (given >= half) {
                System.out.println("half of B written");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
            }
            int n = in.read(buf, off, Math.min(len, half - given));
            given += n;
            return n;
        }
    }
}
