package cn.juesuan.batch;

import cn.juesuan.core.JuesuanException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runner keeps going whatever one file does, and reports in path order whatever the finishing order. */
class BatchRunnerTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatBreaksTheCheckIsARowNotACrash() throws IOException {
        for (String name : List.of("a.xlsx", "b.xlsx", "c.xlsx", "d.XLSX", "sub/e.xlsm")) {
            Files.createDirectories(dir.resolve(name).getParent());
            Files.write(dir.resolve(name), name.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve(".hidden.xlsx"), new byte[]{1});
        AtomicInteger calls = new AtomicInteger();
        WorkbookCheck check = bytes -> {
            calls.incrementAndGet();
            String name = new String(bytes, StandardCharsets.UTF_8);
            return switch (name) {
                case "b.xlsx" -> throw new IllegalStateException("boom");
                case "c.xlsx" -> throw JuesuanException.unprocessable("no_tables", "工作簿中没有找到任何决算公开表。");
                case "d.XLSX" -> throw new OutOfMemoryError("test");
                default -> {
                    sleepLittle(name);
                    yield new WorkbookCheck.Checked("p", "表样", 2024, "单位" + name, List.of());
                }
            };
        };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BatchResult r = new BatchRunner(check, 3, new TerminalProgress(new PrintStream(log, true, StandardCharsets.UTF_8), false))
                .run(dir, Set.of());
        assertEquals(5, calls.get());
        assertEquals(List.of("a.xlsx", "b.xlsx", "c.xlsx", "d.XLSX", "sub/e.xlsm"), r.files().stream().map(FileResult::relative).toList());
        assertEquals(FileResult.Status.PASSED, r.files().get(0).status());
        assertEquals(FileResult.Status.FAILED, r.files().get(1).status());
        assertTrue(r.files().get(1).reason().contains("boom"));
        assertEquals(FileResult.Status.UNREADABLE, r.files().get(2).status());
        assertEquals("工作簿中没有找到任何决算公开表。", r.files().get(2).reason());
        assertEquals(FileResult.Status.FAILED, r.files().get(3).status());
        assertTrue(r.files().get(3).reason().contains("内存不足"));
        assertEquals("单位sub/e.xlsm", r.files().get(4).unit());
        String printed = log.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("找到 5 个工作簿"), printed);
        assertTrue(printed.contains("[##############################] 5/5  100%"), printed);
        assertTrue(printed.contains("共 5 个文件：通过 2，有错误 0，无法读取 1，校验出错 2"), printed);
    }

    @Test
    void lockAndOtherFilesAreNotWorkbooks() {
        assertTrue(BatchRunner.isWorkbookName("单位.xlsx"));
        assertTrue(BatchRunner.isWorkbookName("旧.XLS"));
        assertTrue(!BatchRunner.isWorkbookName("~$单位.xlsx"));
        assertTrue(!BatchRunner.isWorkbookName("说明.docx"));
        assertTrue(!BatchRunner.isWorkbookName("xlsx"));
    }

    @Test
    void linksAreRelativeToTheSummaryAndEscaped() {
        Path out = dir.resolve("汇总.xlsx");
        assertEquals("甲县/单位%201%23.xlsx", Links.relative(out, dir.resolve("甲县/单位 1#.xlsx")));
        assertEquals("../x.xlsx", Links.relative(dir.resolve("sub/汇总.html"), dir.resolve("x.xlsx")));
    }

    private static void sleepLittle(String name) {
        try {
            Thread.sleep(name.startsWith("a") ? 200 : 1); // a finishes last
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
