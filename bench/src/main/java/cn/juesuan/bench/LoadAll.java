package cn.juesuan.bench;

import cn.juesuan.batch.BatchRunner;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The batch baseline: a bare POI XSSFWorkbook load of every workbook below a folder, on the same number of
 * threads as the batch; prints files per second. Files POI cannot open are counted, not fatal.
 * <pre>  java -cp bench/target/benchmarks.jar cn.juesuan.bench.LoadAll DIR [jobs]</pre>
 */
public final class LoadAll {
    private LoadAll() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int jobs = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<Path> files = BatchRunner.workbooks(dir.toAbsolutePath().normalize(), Set.of());
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        long t0 = System.nanoTime();
        List<Future<?>> all = files.stream().<Future<?>>map(f -> pool.submit(() -> {
            try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(f)))) {
                return wb.getNumberOfSheets();
            } catch (Exception | OutOfMemoryError e) {
                failed.incrementAndGet();
                return -1;
            }
        })).toList();
        for (Future<?> f : all) {
            f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("bare XSSF load: %d files (%d not loadable) in %.1f s = %.1f files/s on %d threads%n",
                files.size(), failed.get(), seconds, files.size() / seconds, jobs);
    }
}
