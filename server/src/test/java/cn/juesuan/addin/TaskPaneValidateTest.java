package cn.juesuan.addin;

import cn.juesuan.http.HttpApp;
import cn.juesuan.model.Json;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import cn.juesuan.support.Fixtures;
import cn.juesuan.support.UsedRanges;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.Download;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task pane in headless Chromium: 校验, go to a cell, 标注 / 清除标注, 校验结果 sheet (see PaneHarness). */
class TaskPaneValidateTest extends PaneHarness {
    // --- 校验 -----------------------------------------------------------------------------------------------

    /** The wrongly typed total and the 科目 name of the workbook with known errors. */
    record KnownErrors(byte[] xlsx, CellLoc total, CellLoc name) {
    }

    /**
     * Seed 004 filled, then two errors an accountant makes: 本年收入合计 of 表1 typed over with a number 1.00 too big, and
     * the 科目 name of 2060101 (行政运行) misspelt in 表2.
     */
    static KnownErrors workbookWithKnownErrors() throws IOException {
        byte[] filled = new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004));
        ReadResult read = new WorkbookReader(Fixtures.registry()).read(filled, null);
        CellLoc total = read.map().table("income_expense_summary").cell("total_income", "amount");
        CellLoc name = null;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            Cell t = wb.getSheet(total.sheet()).getRow(total.row()).getCell(total.col());
            double right = wb.getCreationHelper().createFormulaEvaluator().evaluate(t).getNumberValue();
            t.setBlank();
            t.setCellValue(right + 1.00);
            Sheet income = wb.getSheet(read.map().table("income").sheet());
            for (Row row : income) {
                for (Cell c : row) {
                    if (name == null && c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals("行政运行")) {
                        c.setCellValue("行政运转");
                        name = new CellLoc(income.getSheetName(), c.getRowIndex(), c.getColumnIndex());
                    }
                }
            }
            assertNotNull(name, "no 行政运行 in 表2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return new KnownErrors(out.toByteArray(), total, name);
        }
    }

    /** POST /api/validate of the same body, straight to the server: what the pane must list. */
    static JsonNode validateDirectly(byte[] body, String contentType) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/validate"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** "ruleId sheet!cell" of each finding, as the pane shows it (first cell, resolved to its sheet). */
    static List<String> expectedItems(JsonNode report) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : report.get("findings")) {
            String[] ref = firstCell(f);
            out.add(f.get("ruleId").asText() + " " + (ref == null ? "" : ref[0] + "!" + ref[1]));
        }
        out.sort(null);
        return out;
    }

    static String[] firstCell(JsonNode f) {
        JsonNode cells = f.get("cells");
        if (cells == null || cells.isEmpty()) {
            return null;
        }
        return cellRef(f.get("sheet").asText(), cells.get(0).asText());
    }

    /** "B7" on the finding's sheet, or "'表 2'!B7". */
    static String[] cellRef(String sheet, String cell) {
        int bang = cell.lastIndexOf('!');
        if (bang < 0) {
            return new String[]{sheet, cell};
        }
        String s = cell.substring(0, bang);
        if (s.startsWith("'") && s.endsWith("'")) {
            s = s.substring(1, s.length() - 1).replace("''", "'");
        }
        return new String[]{s, cell.substring(bang + 1)};
    }

    static List<String> paneItems(Page page) {
        List<String> out = new ArrayList<>();
        for (var li : page.querySelectorAll("li.finding")) {
            String sheet = li.getAttribute("data-sheet");
            out.add(li.getAttribute("data-rule") + " " + (sheet == null ? "" : sheet + "!" + li.getAttribute("data-cell")));
        }
        out.sort(null);
        return out;
    }

    /** The workbook with known errors, the server's report on it, and the pane after 校验 from the ribbon. */
    record Validated(KnownErrors wb, JsonNode report, Page page) {
    }

    Validated validateInPane(Map<String, Object> sets, Map<String, Object> extra) throws Exception {
        KnownErrors wb = workbookWithKnownErrors();
        JsonNode report = validateDirectly(wb.xlsx(), HttpApp.XLSX);
        return new Validated(wb, report, validated(wb, sets, extra));
    }

    Page validated(KnownErrors wb, Map<String, Object> sets, Map<String, Object> extra) throws IOException {
        Map<String, Object> fake = excelWith(wb.xlsx(), sets);
        fake.putAll(extra);
        Page page = open(fake, "?action=validate&_host_Info=Excel$Win32$16.01$zh-CN$$$$0");
        waitFor(page, "!document.getElementById('result').hidden || !document.getElementById('error').hidden");
        waitIdle(page);
        assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
        return page;
    }

    @Test
    void validateListsExactlyTheServersFindingsAndJumpsToTheCell() throws Exception {
        Validated v = validateInPane(Map.of("ExcelApi", "1.9", "CompressedFile", true), Map.of());
        KnownErrors wb = v.wb();
        JsonNode report = v.report();
        Page page = v.page();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("taskpane-findings.png")).setFullPage(true));

        // one click on the ribbon: the whole file went to the validator, and the pane lists what the validator found
        assertFalse(calls(page, op("getFileAsync")).isEmpty());
        assertEquals(1, calls(page, op("closeFile")).size());
        assertEquals(expectedItems(report), paneItems(page));
        assertTrue(paneItems(page).stream().anyMatch(i -> i.endsWith(" " + wb.total().sheet() + "!" + wb.total().a1())),
                "the wrong total " + wb.total().full() + " is not listed: " + paneItems(page));
        // the misspelt 科目 name: a finding on its row (the code or the name cell)
        assertTrue(paneItems(page).stream().anyMatch(i -> i.matches(".*" + java.util.regex.Pattern.quote(" " + wb.name().sheet() + "!")
                        + "[A-Z]+" + (wb.name().row() + 1))),
                "the misspelt name " + wb.name().full() + " is not listed: " + paneItems(page));
        JsonNode counts = report.get("counts");
        for (String sev : List.of("error", "warning", "info")) {
            assertTrue(page.textContent("[data-count=" + sev + "]").endsWith(" " + counts.get(sev).asInt()), sev);
        }
        assertTrue(counts.get("error").asInt() >= 1);
        // grouped by severity, then by table, with counts
        List<String> severities = texts(page, "h2.sev");
        assertTrue(severities.get(0).startsWith("错误（" + counts.get("error").asInt() + "）"), severities.toString());
        assertFalse(texts(page, "h3.table").isEmpty());
        // the numbers of the wrong total
        String totalItem = "li.finding[data-sheet='" + wb.total().sheet() + "'][data-cell='" + wb.total().a1() + "']";
        String text = page.textContent(totalItem);
        assertTrue(text.contains("相差 1.00") || text.contains("相差 -1.00"), text);

        // clicking a finding activates its sheet and selects its cell, in that order
        page.click(totalItem);
        waitFor(page, "window.__officeCalls.some(function (c) { return c.op === 'select'; })");
        List<Map<String, Object>> nav = calls(page, c -> "activate".equals(c.get("op")) || "select".equals(c.get("op")));
        assertEquals(List.of(Map.of("op", "activate", "sheet", wb.total().sheet()),
                Map.of("op", "select", "sheet", wb.total().sheet(), "address", wb.total().a1())), nav);
    }

    @Test
    void outsideExcelAChosenFileIsValidatedAndItsAnnotatedCopyDownloaded() throws Exception {
        KnownErrors wb = workbookWithKnownErrors();
        JsonNode report = validateDirectly(wb.xlsx(), HttpApp.XLSX);
        Map<String, Object> fake = new LinkedHashMap<>();
        fake.put("host", null);
        Page page = open(fake, "?action=validate");
        page.setInputFiles("#validate-file", new FilePayload("遂宁市科学技术局2024.xlsx", HttpApp.XLSX, wb.xlsx()));
        waitFor(page, "!document.getElementById('result').hidden || !document.getElementById('error').hidden");
        waitIdle(page);
        assertEquals(expectedItems(report), paneItems(page));
        assertFalse(page.isVisible("#mark"));
        Download d = page.waitForDownload(() -> page.click("#download-annotated"));
        try (XSSFWorkbook annotated = new XSSFWorkbook(Files.newInputStream(d.path()))) {
            assertEquals("校验结果", annotated.getSheetName(0));
            assertNotNull(annotated.getSheet(wb.total().sheet()));
        }
        assertTrue(d.suggestedFilename().endsWith(".xlsx"), d.suggestedFilename());
        assertTrue(calls(page).isEmpty(), "no Excel calls outside Excel");
    }

    /** sheet!address → colour the pane must give it: every cell of every finding, by its most serious finding. */
    static Map<String, String> expectedColours(JsonNode report) {
        Map<String, String> colour = Map.of("error", "#FFC7CE", "warning", "#FFEB9C", "info", "#DDEBF7");
        List<String> rank = List.of("error", "warning", "info");
        Map<String, String> severity = new LinkedHashMap<>();
        for (JsonNode f : report.get("findings")) {
            for (JsonNode c : f.get("cells")) {
                String[] ref = cellRef(f.get("sheet").asText(), c.asText());
                String key = ref[0] + "!" + ref[1];
                String sev = f.get("severity").asText();
                severity.merge(key, sev, (a, b) -> rank.indexOf(a) <= rank.indexOf(b) ? a : b);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        severity.forEach((k, v) -> out.put(k, colour.get(v)));
        return out;
    }

    /** sheet!address → colour from the recorded fill calls (RangeAreas addresses split). */
    static Map<String, String> recordedFills(List<Map<String, Object>> calls) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> c : calls) {
            if ("fill".equals(c.get("op")) || "clearFill".equals(c.get("op"))) {
                for (String a : ((String) c.get("address")).split(",")) {
                    out.put(c.get("sheet") + "!" + a, "fill".equals(c.get("op")) ? (String) c.get("color") : "none");
                }
            }
        }
        return out;
    }

    @Test
    void markColoursTheOffendingCellsAndClearRestoresTheOriginalFills() throws Exception {
        KnownErrors wb = workbookWithKnownErrors();
        JsonNode report = validateDirectly(wb.xlsx(), HttpApp.XLSX);
        // the wrong total already had a yellow fill of the accountant's own
        Map<String, Object> fills = Map.of("fills", Map.of(wb.total().sheet(), Map.of(wb.total().a1(), "#FFFF00")));
        Page page = validated(wb, Map.of("ExcelApi", "1.9", "CompressedFile", true), fills);
        int before = calls(page).size();
        page.click("#mark");
        waitIdle(page);
        List<Map<String, Object>> marking = calls(page).subList(before, calls(page).size());
        Map<String, String> expected = expectedColours(report);
        assertEquals(expected, recordedFills(marking));
        assertTrue(marking.stream().anyMatch(c -> "fill".equals(c.get("op")) && ((String) c.get("address")).contains(",")),
                "cells are coloured in batches (RangeAreas)");
        assertTrue(page.textContent("#notice").contains("已标注 " + expected.size() + " 个单元格"));

        int marked = calls(page).size();
        page.click("#unmark");
        waitIdle(page);
        Map<String, String> restored = recordedFills(calls(page).subList(marked, calls(page).size()));
        Map<String, String> original = new LinkedHashMap<>();
        expected.keySet().forEach(k -> original.put(k, "none"));
        original.put(wb.total().sheet() + "!" + wb.total().a1(), "#FFFF00");
        assertEquals(original, restored);
    }

    @Test
    void withExcelApi11EveryCellIsColouredSingly() throws Exception {
        Validated v = validateInPane(Map.of("ExcelApi", "1.1", "CompressedFile", true), Map.of());
        Page page = v.page();
        page.click("#mark");
        waitIdle(page);
        assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
        assertTrue(calls(page, op("syncFailed")).isEmpty());
        assertEquals(expectedColours(v.report()), recordedFills(calls(page)));
        assertTrue(calls(page, op("fill")).stream().noneMatch(c -> ((String) c.get("address")).contains(",")));
    }

    @Test
    void withoutCompressedFileTheUsedRangesAreSentAndGiveTheSameFindings() throws Exception {
        KnownErrors wb = workbookWithKnownErrors();
        byte[] json = Json.MAPPER.writeValueAsBytes(Map.of("sheets", UsedRanges.of(wb.xlsx())));
        JsonNode report = validateDirectly(json, "application/json");
        Page page = validated(wb, Map.of("ExcelApi", "1.9"), Map.of());
        assertTrue(calls(page, op("getFileAsync")).isEmpty());
        assertEquals(expectedItems(report), paneItems(page));
        assertTrue(paneItems(page).stream().anyMatch(i -> i.endsWith(" " + wb.total().sheet() + "!" + wb.total().a1())));
    }

    @Test
    void resultsSheetListsTheFindingsWithLinks() throws Exception {
        Validated v = validateInPane(Map.of("ExcelApi", "1.9", "CompressedFile", true), Map.of());
        KnownErrors wb = v.wb();
        JsonNode report = v.report();
        Page page = v.page();
        page.click("#write-sheet");
        waitIdle(page);
        assertEquals(1, calls(page, c -> "addSheet".equals(c.get("op")) && "校验结果".equals(c.get("name"))).size());
        Map<String, Object> formulas = calls(page, op("formulas")).get(0);
        @SuppressWarnings("unchecked")
        List<List<Object>> rows = (List<List<Object>>) formulas.get("value");
        assertEquals(report.get("findings").size() + 1, rows.size());
        assertEquals("严重程度", rows.get(0).get(1));
        Set<String> links = new TreeSet<>();
        for (List<Object> row : rows.subList(1, rows.size())) {
            links.add(String.valueOf(row.get(3)));
        }
        String sheet = wb.total().sheet().replace("'", "''");
        assertTrue(links.contains("=HYPERLINK(\"#'" + sheet + "'!" + wb.total().a1() + "\",\"" + wb.total().sheet() + "!"
                + wb.total().a1() + "\")"), links.toString());
    }

}
