package cn.juesuan.narrative;

import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Inputs of the narrative tests: the seeds' workbooks and published texts, last year's figures, 全年预算. */
final class NarrativeFixtures {
    static final String TEXT_000 = "000_6870ebe70feb14dc.txt";
    static final String TEXT_004 = "004_317b39f2b5d89d6e.txt";
    /**
     * 2023 figures of 遂宁市科学技术局, synthetic: built so that the changes seed 004's narrative states (收支总计 −131.49,
     * “三公” +2.39, 公务用车 +0.16, 公务接待 −1.02, 机关运行经费 −5.63) hold.
     */
    static final String PREVIOUS_004 = "narrative/seed004-previous-2023.json";
    /** Seed 004's 全年预算 by 项, derived as 决算 ÷ the completion rate its narrative publishes; 合计 from its 附件1. */
    static final Map<String, String> BUDGETS_004 = budgets004();
    static final String BUDGET_TOTAL_004 = "1511.2";

    private static final Pattern PART2 = Pattern.compile("(?m)^[^\\n.…]*?第二部分[^.…\\n]*情况说明\\s*$");
    private static final Pattern PART3 = Pattern.compile("(?m)^[#\\s\\[\\]a-zA-Z:_0-9]*第三部分");

    private NarrativeFixtures() {
    }

    static NarrativeService service() {
        return new NarrativeService(Fixtures.registry());
    }

    private static final Map<String, byte[]> FILLED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The seed's tables as a filled workbook (filled once per test run). */
    static byte[] workbook(String seed) {
        return FILLED.computeIfAbsent(seed, s -> new Filler(Fixtures.registry()).fill(Fixtures.seed(s))).clone();
    }

    static byte[] previous004Workbook() {
        return FILLED.computeIfAbsent(PREVIOUS_004, s -> new Filler(Fixtures.registry()).fill(previous004())).clone();
    }

    static ReportData previous004() {
        try (InputStream in = NarrativeFixtures.class.getClassLoader().getResourceAsStream(PREVIOUS_004)) {
            return Json.MAPPER.readValue(in, ReportData.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The published text of a seed. */
    static byte[] seedText(String file) {
        try {
            return Files.readAllBytes(Fixtures.sharedSeeds().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The seed's 第二部分 (决算情况说明) only, from its heading in the body (not the table of contents) to 第三部分. */
    static String part2(String file) {
        String text = new String(seedText(file), StandardCharsets.UTF_8);
        Matcher start = PART2.matcher(text);
        if (!start.find()) {
            throw new IllegalStateException("no 第二部分 in " + file);
        }
        Matcher end = PART3.matcher(text);
        if (!end.find(start.end())) {
            throw new IllegalStateException("no 第三部分 in " + file);
        }
        return text.substring(start.start(), end.start());
    }

    /** A copy of the workbook with a “全年预算” sheet holding the given budgets (code → 万元) and 合计. */
    static byte[] withBudgets(byte[] xlsx, Map<String, String> budgets, String total) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet(Budgets.SHEET);
            Row head = s.createRow(0);
            head.createCell(0).setCellValue("科目编码");
            head.createCell(1).setCellValue("科目名称");
            head.createCell(2).setCellValue("全年预算数");
            int r = 1;
            for (Map.Entry<String, String> e : budgets.entrySet()) {
                Row row = s.createRow(r++);
                row.createCell(0).setCellValue(e.getKey());
                row.createCell(2).setCellValue(Double.parseDouble(e.getValue()));
            }
            if (total != null) {
                Row row = s.createRow(r);
                row.createCell(0).setCellValue("合计");
                row.createCell(2).setCellValue(Double.parseDouble(total));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> budgets004() {
        Map<String, String> m = new LinkedHashMap<>();
        String[] rows = {"2011308=5.00", "2060101=346.76", "2060102=7.47", "2060199=52.73", "2060201=176.12",
                "2060206=243.00", "2060404=254.03", "2060502=35.00", "2060899=30.00", "2069901=195.00", "2080501=11.58",
                "2080502=4.09", "2080505=55.16", "2080801=24.24", "2101101=13.03", "2101102=10.43", "2210201=47.49"};
        for (String r : rows) {
            String[] kv = r.split("=");
            m.put(kv[0], kv[1]);
        }
        return m;
    }
}
