package cn.juesuan.batch;

import cn.juesuan.core.JuesuanException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Checks every workbook below a folder on a fixed number of threads. A file that cannot be read or checked becomes a
 * result with its reason; the batch itself never stops for one file.
 */
public final class BatchRunner {
    /** Extensions picked up (lower case). .xls and .et are listed so that they get a row saying why they fail. */
    static final Set<String> EXTENSIONS = Set.of("xlsx", "xlsm", "xls", "et");
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final WorkbookCheck check;
    private final int jobs;
    private final Progress progress;

    /** Told about each file as it finishes (from worker threads, one call at a time). */
    public interface Progress {
        void start(int total);

        void done(FileResult file, int finished);

        void finish(BatchResult result);
    }

    public static final Progress SILENT = new Progress() {
        @Override
        public void start(int total) {
        }

        @Override
        public void done(FileResult file, int finished) {
        }

        @Override
        public void finish(BatchResult result) {
        }
    };

    public BatchRunner(WorkbookCheck check, int jobs, Progress progress) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
        this.check = check;
        this.jobs = jobs;
        this.progress = progress;
    }

    /**
     * @param dir     the folder (searched recursively)
     * @param exclude files never to check (the batch's own output files)
     */
    public BatchResult run(Path dir, Set<Path> exclude) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        List<Path> files = workbooks(root, exclude);
        long start = System.nanoTime();
        progress.start(files.size());
        FileResult[] results = new FileResult[files.size()];
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "juesuan-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                done.submit(() -> {
                    results[index] = checkOne(root, files.get(index));
                    return index;
                });
            }
            AtomicInteger finished = new AtomicInteger();
            for (int i = 0; i < files.size(); i++) {
                Future<Integer> f = done.take();
                int index = f.get();
                progress.done(results[index], finished.incrementAndGet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JuesuanException("interrupted", 500, "批量校验被中断。", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch task failed", e.getCause()); // checkOne catches everything it can
        } finally {
            pool.shutdownNow();
        }
        BatchResult result = new BatchResult(root, List.of(results), (System.nanoTime() - start) / 1_000_000, jobs);
        progress.finish(result);
        return result;
    }

    /** Workbook files below the folder in path order; lock files (~$…) and hidden files are left out. */
    public static List<Path> workbooks(Path root, Set<Path> exclude) throws IOException {
        if (!Files.isDirectory(root)) {
            throw JuesuanException.badRequest("not_a_folder", "不是文件夹或不存在：" + root);
        }
        List<Path> skip = exclude.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).filter(p -> isWorkbookName(p.getFileName().toString()))
                    .filter(p -> !skip.contains(p.toAbsolutePath().normalize())).sorted().forEach(out::add);
        }
        return out;
    }

    static boolean isWorkbookName(String name) {
        if (name.startsWith("~$") || name.startsWith(".")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private FileResult checkOne(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        long t0 = System.nanoTime();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                return FileResult.notChecked(file, relative, FileResult.Status.UNREADABLE,
                        "文件过大（" + size / (1024 * 1024) + " MB，上限 " + MAX_FILE_BYTES / (1024 * 1024) + " MB）。", ms(t0));
            }
            byte[] bytes = Files.readAllBytes(file);
            return FileResult.checked(file, relative, check.check(bytes), ms(t0));
        } catch (JuesuanException e) {
            FileResult.Status s = e.status() >= 500 ? FileResult.Status.FAILED : FileResult.Status.UNREADABLE;
            return FileResult.notChecked(file, relative, s, e.getMessage(), ms(t0));
        } catch (IOException e) {
            return FileResult.notChecked(file, relative, FileResult.Status.UNREADABLE, "无法读取文件：" + e.getMessage(), ms(t0));
        } catch (OutOfMemoryError e) {
            return FileResult.notChecked(file, relative, FileResult.Status.FAILED,
                    "内存不足，未能校验此文件（可用 -Xmx 加大内存或减少 --jobs）。", ms(t0));
        } catch (RuntimeException | StackOverflowError e) {
            return FileResult.notChecked(file, relative, FileResult.Status.FAILED,
                    "内部错误（程序缺陷）：" + e, ms(t0));
        }
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
