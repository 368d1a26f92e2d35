package cn.juesuan.cli;

import cn.juesuan.batch.SummaryWorkbook;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.TableData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `batch DIR -o summary.xlsx --html summary.html` on a folder with good, bad and unreadable files. */
class BatchCommandTest {
    @TempDir
    static Path tmp;
    static Path folder;
    static Path out;
    static Path html;
    static Cli result;

    @BeforeAll
    static void runBatch() throws IOException {
        folder = Files.createDirectories(tmp.resolve("各单位 上报"));
        Path a = Files.createDirectories(folder.resolve("甲县"));
        Path b = Files.createDirectories(folder.resolve("乙县/二级"));
        Filler filler = new Filler(Fixtures.registry());
        ReportData seed4 = Fixtures.seed(Fixtures.SEED_004);
        Files.write(a.resolve("科技局.xlsx"), filler.fill(seed4));
        Files.write(a.resolve("创新中心.xlsx"), filler.fill(Fixtures.seed(Fixtures.SEED_000)));
        Files.write(b.resolve("改错了.xlsx"), filler.fill(withGpbIncome(seed4, new BigDecimal("9999.99"))));
        byte[] good = filler.fill(seed4);
        Files.write(b.resolve("半个文件.xlsx"), Arrays.copyOf(good, good.length / 20)); // a copy cut short
        byte[] ole2 = new byte[1024];
        System.arraycopy(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 0, ole2, 0, 8);
        Files.write(b.resolve("旧格式.xls"), ole2);
        Files.writeString(folder.resolve("说明.txt"), "不是工作簿，应被忽略");
        Files.write(a.resolve("~$科技局.xlsx"), new byte[]{1, 2, 3}); // Excel's lock file: ignored
        out = tmp.resolve("汇总.xlsx");
        html = tmp.resolve("汇总.html");
        result = Cli.run(() -> Fixtures.registry(), "batch", folder.toString(), "-o", out.toString(), "--html", html.toString(),
                "--jobs", "2");
    }

    /** seed 004 with another 一般公共预算财政拨款收入 in 表1: the 合计 and the cross-table checks break. */
    private static ReportData withGpbIncome(ReportData d, BigDecimal amount) {
        TableData t = d.table("income_expense_summary");
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>(t.values());
        values.put("gpb", Map.of("amount", amount));
        Map<String, TableData> tables = new LinkedHashMap<>(d.tables());
        tables.put("income_expense_summary", new TableData(values, t.rows(), t.note()));
        return new ReportData(d.profile(), d.year(), d.unit(), d.moneyUnit(), tables);
    }

    @Test
    void exitCodeSaysThatSomeFilesNeedWork() {
        assertEquals(Main.FINDINGS, result.code(), result.toString());
        assertTrue(result.out().contains("已写入汇总工作簿"), result.toString());
        assertTrue(result.out().contains("已写入汇总网页"), result.toString());
        assertTrue(result.err().contains("共 5 个文件：通过 2，有错误 1，无法读取 2"), result.toString());
    }

    @Test
    void summarySheetHasARowPerFileWithItsOutcome() throws IOException {
        try (XSSFWorkbook wb = open(out)) {
            Map<String, Row> rows = fileRows(wb.getSheet(SummaryWorkbook.SUMMARY));
            assertEquals(List.of("乙县/二级/半个文件.xlsx", "乙县/二级/改错了.xlsx", "乙县/二级/旧格式.xls",
                    "甲县/创新中心.xlsx", "甲县/科技局.xlsx"), List.copyOf(rows.keySet()));

            Row good = rows.get("甲县/科技局.xlsx");
            assertEquals("遂宁市科学技术局", text(good, 2));
            assertEquals("2024", text(good, 3));
            assertEquals("通过", text(good, 8));
            assertEquals("0", text(good, 5));
            Row good2 = rows.get("甲县/创新中心.xlsx");
            assertEquals("泸州市科技创新服务中心", text(good2, 2));
            assertEquals("通过", text(good2, 8));
            assertTrue(text(good2, 4).contains("14张表"), text(good2, 4));

            Row bad = rows.get("乙县/二级/改错了.xlsx");
            assertEquals("有错误", text(bad, 8));
            assertTrue(Integer.parseInt(text(bad, 5)) > 0);

            Row half = rows.get("乙县/二级/半个文件.xlsx");
            assertEquals("无法读取", text(half, 8));
            assertTrue(text(half, 9).contains("损坏"), text(half, 9));
            assertEquals("", text(half, 5), "no counts for a file that was not checked");
            Row xls = rows.get("乙县/二级/旧格式.xls");
            assertEquals("无法读取", text(xls, 8));
            assertTrue(text(xls, 9).contains(".xls"), text(xls, 9));
        }
    }

    @Test
    void linksLeadToTheFileAndToItsFindings() throws IOException {
        try (XSSFWorkbook wb = open(out)) {
            Row bad = fileRows(wb.getSheet(SummaryWorkbook.SUMMARY)).get("乙县/二级/改错了.xlsx");
            Hyperlink toFile = bad.getCell(1).getHyperlink();
            assertNotNull(toFile);
            assertEquals(HyperlinkType.FILE, toFile.getType());
            assertEquals("各单位%20上报/乙县/二级/改错了.xlsx", toFile.getAddress());
            assertTrue(Files.isRegularFile(out.getParent().resolve(toFile.getAddress().replace("%20", " "))));

            Hyperlink toFindings = bad.getCell(10).getHyperlink();
            assertEquals(HyperlinkType.DOCUMENT, toFindings.getType());
            String target = toFindings.getAddress();
            assertTrue(target.startsWith("'" + SummaryWorkbook.FINDINGS + "'!A"), target);
            int row = Integer.parseInt(target.substring(target.indexOf("!A") + 2)) - 1;
            Sheet details = wb.getSheet(SummaryWorkbook.FINDINGS);
            assertEquals("乙县/二级/改错了.xlsx", text(details.getRow(row), 0));
            assertFalse(text(details.getRow(row - 1), 0).equals("乙县/二级/改错了.xlsx"), "the link goes to the file's first finding");
            Hyperlink back = details.getRow(row).getCell(0).getHyperlink();
            assertEquals("'" + SummaryWorkbook.SUMMARY + "'!B" + (bad.getRowNum() + 1), back.getAddress());
        }
    }

    @Test
    void findingsSheetListsEveryFindingOfEachFile() throws IOException {
        try (XSSFWorkbook wb = open(out)) {
            Sheet details = wb.getSheet(SummaryWorkbook.FINDINGS);
            Map<String, Integer> perFile = new HashMap<>();
            int errorsOfBad = 0;
            for (int r = 1; r <= details.getLastRowNum(); r++) {
                Row row = details.getRow(r);
                perFile.merge(text(row, 0), 1, Integer::sum);
                if (text(row, 0).equals("乙县/二级/改错了.xlsx") && text(row, 2).equals("错误")) {
                    errorsOfBad++;
                    assertFalse(text(row, 7).isBlank());
                }
            }
            Map<String, Row> rows = fileRows(wb.getSheet(SummaryWorkbook.SUMMARY));
            for (Map.Entry<String, Row> e : rows.entrySet()) {
                int listed = perFile.getOrDefault(e.getKey(), 0);
                int counted = sum(e.getValue());
                assertEquals(counted, listed, e.getKey());
            }
            assertEquals(Integer.parseInt(text(rows.get("乙县/二级/改错了.xlsx"), 5)), errorsOfBad);
        }
    }

    @Test
    void ruleSheetCountsFilesAndFindingsPerRule() throws IOException {
        try (XSSFWorkbook wb = open(out)) {
            Sheet details = wb.getSheet(SummaryWorkbook.FINDINGS);
            Map<String, Integer> findings = new HashMap<>();
            for (int r = 1; r <= details.getLastRowNum(); r++) {
                findings.merge(text(details.getRow(r), 3) + "|" + text(details.getRow(r), 2), 1, Integer::sum);
            }
            Sheet rules = wb.getSheet(SummaryWorkbook.RULES);
            int total = 0;
            boolean sawError = false;
            for (int r = 1; r <= rules.getLastRowNum(); r++) {
                Row row = rules.getRow(r);
                String key = text(row, 0) + "|" + text(row, 1);
                assertEquals(findings.get(key), Integer.valueOf(text(row, 4)), key);
                assertTrue(Integer.parseInt(text(row, 3)) >= 1 && Integer.parseInt(text(row, 3)) <= 3, key);
                total += Integer.parseInt(text(row, 4));
                sawError |= text(row, 1).equals("错误");
            }
            assertEquals(details.getLastRowNum(), total);
            assertTrue(sawError);
        }
    }

    @Test
    void htmlSummaryNamesEveryFileAndLinksToFindings() throws IOException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertTrue(page.contains("共 5 个文件：通过 2，有错误 1，无法读取 2"));
        for (String f : List.of("乙县/二级/半个文件.xlsx", "乙县/二级/改错了.xlsx", "乙县/二级/旧格式.xls", "甲县/创新中心.xlsx", "甲县/科技局.xlsx")) {
            assertTrue(page.contains(">" + f + "</a>"), f);
        }
        assertTrue(page.contains("href=\"各单位%20上报/乙县/二级/改错了.xlsx\""));
        assertTrue(page.contains("<a href=\"#f2\">有错误</a>") && page.contains("<h3 id=\"f2\">"), "the bad file links to its findings");
        assertFalse(page.contains("说明.txt"));
        assertFalse(page.contains("~$"));
    }

    @Test
    void allGoodFolderExitsZeroAndBadUsageExitsTwo(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.xlsx"), new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004)));
        Path summary = dir.resolve("s.xlsx");
        Cli ok = Cli.run(() -> Fixtures.registry(), "batch", dir.toString(), "-o", summary.toString());
        assertEquals(Main.OK, ok.code(), ok.toString());
        assertTrue(Files.isRegularFile(summary));
        Cli again = Cli.run(() -> Fixtures.registry(), "batch", dir.toString(), "-o", summary.toString());
        assertTrue(again.err().contains("共 1 个文件"), "the summary itself is not checked: " + again);

        assertBadInput(Cli.run("batch", dir.toString()), "-o");
        assertBadInput(Cli.run("batch", dir.resolve("无此目录").toString(), "-o", summary.toString()), "不是文件夹");
        assertBadInput(Cli.run("batch", dir.toString(), "-o", dir.resolve("s.csv").toString()), ".xlsx");
        assertBadInput(Cli.run("batch", dir.toString(), "-o", dir.resolve("无/s.xlsx").toString()), "输出目录不存在");
        assertBadInput(Cli.run("batch", dir.toString(), "-o", summary.toString(), "--jobs", "0"), "--jobs");
        assertBadInput(Cli.run("batch", dir.toString(), "-o", summary.toString(), "--profile", "nope"), "未知的表样");
        Path empty = Files.createDirectories(dir.resolve("空"));
        assertBadInput(Cli.run("batch", empty.toString(), "-o", summary.toString()), "没有工作簿");
    }

    private static void assertBadInput(Cli r, String part) {
        assertEquals(Main.BAD_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains(part), r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
    }

    private static int sum(Row r) {
        int s = 0;
        for (int c = 5; c <= 7; c++) {
            String t = text(r, c);
            s += t.isEmpty() ? 0 : Integer.parseInt(t);
        }
        return s;
    }

    private static XSSFWorkbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    private static Map<String, Row> fileRows(Sheet summary) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int r = SummaryWorkbook.FIRST_FILE_ROW; r <= summary.getLastRowNum(); r++) {
            rows.put(text(summary.getRow(r), 1), summary.getRow(r));
        }
        return rows;
    }

    private static String text(Row r, int c) {
        Cell cell = r == null ? null : r.getCell(c);
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }
}
