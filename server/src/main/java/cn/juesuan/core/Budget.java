package cn.juesuan.core;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * How much work the current request may cause: the most cells read from one uploaded workbook, and a deadline. The
 * HTTP server sets one per request ({@link #call}); the command line and anything else runs under {@link #DEFAULT}
 * (the cell limit, no deadline). Long loops call {@link #checkTime()} so that a request past its deadline stops at
 * the next check instead of holding a thread: POI itself cannot be interrupted.
 */
public final class Budget {
    public static final long DEFAULT_MAX_CELLS = 2_000_000;
    /** The cell limit, no deadline. */
    public static final Budget DEFAULT = new Budget(DEFAULT_MAX_CELLS, null);

    private static final ThreadLocal<Budget> CURRENT = new ThreadLocal<>();

    private final long maxCells;
    private final Duration timeout;
    private final long deadlineNanos;
    private volatile boolean cancelled;

    /** @param timeout time from now, or null for none */
    public Budget(long maxCells, Duration timeout) {
        if (maxCells <= 0) {
            throw new IllegalArgumentException("maxCells " + maxCells);
        }
        this.maxCells = maxCells;
        this.timeout = timeout;
        this.deadlineNanos = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
    }

    /** The budget of the work running on this thread. */
    public static Budget current() {
        Budget b = CURRENT.get();
        return b == null ? DEFAULT : b;
    }

    /** Runs work on this thread under the budget. */
    public static <T> T call(Budget budget, Callable<T> work) throws Exception {
        Budget before = CURRENT.get();
        CURRENT.set(budget);
        try {
            return work.call();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    public long maxCells() {
        return maxCells;
    }

    /** Makes every later {@link #checkTime()} fail: the request has already been answered. */
    public void cancel() {
        cancelled = true;
    }

    /** @throws JuesuanException (504 timeout) once the deadline has passed or the request was given up */
    public void checkTime() {
        if (cancelled || timeout != null && System.nanoTime() - deadlineNanos > 0) {
            throw timedOut();
        }
    }

    public JuesuanException timedOut() {
        long s = timeout == null ? 0 : Math.max(1, timeout.toSeconds());
        return new JuesuanException("timeout", 504, "处理超时：本次请求超过了 " + s + " 秒的处理时限，已停止。"
                + "工作簿可能过大，或公式引用的区域过大；请精简后再试。服务管理员可用 --request-timeout 调整时限。");
    }

    /** The 413 for a workbook with more cells (and rows) than the limit; counted is how many were seen before stopping. */
    public JuesuanException tooManyCells(long counted) {
        return new JuesuanException("too_many_cells", 413, String.format(
                "工作簿过大：单元格（含行）超过 %,d 个的上限（已数到 %,d 个）。请删去多余的空行、空列或把工作簿拆开；"
                        + "服务管理员可用 --max-cells 调整上限。", maxCells, counted));
    }
}
