package cn.juesuan.batch;

import java.io.PrintStream;

/**
 * Progress on the terminal: a bar redrawn in place (at most ten times a second) when the output is a terminal,
 * otherwise a plain line at every tenth of the way, so logs stay readable.
 */
public final class TerminalProgress implements BatchRunner.Progress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean interactive;
    private int total;
    private long start;
    private long lastDraw;
    private int lastTenth;
    private int problems;

    public TerminalProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    @Override
    public synchronized void start(int total) {
        this.total = total;
        this.start = System.nanoTime();
        out.println("找到 " + total + " 个工作簿，开始校验……");
    }

    @Override
    public synchronized void done(FileResult file, int finished) {
        if (file.status() != FileResult.Status.PASSED) {
            problems++;
        }
        long now = System.nanoTime();
        if (interactive) {
            if (now - lastDraw > 100_000_000L || finished == total) {
                lastDraw = now;
                out.print("\r" + line(finished, now));
                out.flush();
            }
        } else {
            int tenth = total == 0 ? 10 : finished * 10 / total;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                out.println(line(finished, now));
            }
        }
    }

    @Override
    public synchronized void finish(BatchResult result) {
        if (interactive && total > 0) {
            out.println();
        }
        out.println(result.headline());
    }

    String line(int finished, long now) {
        double seconds = (now - start) / 1e9;
        double rate = seconds > 0 ? finished / seconds : 0;
        int filled = total == 0 ? WIDTH : finished * WIDTH / total;
        String eta = rate > 0 && finished < total ? String.format("  剩余约 %.0f 秒", (total - finished) / rate) : "";
        return String.format("[%s%s] %d/%d  %3d%%  %.1f 个/秒  有问题 %d%s  ", "#".repeat(filled),
                ".".repeat(WIDTH - filled), finished, total, total == 0 ? 100 : finished * 100 / total, rate, problems, eta);
    }
}
