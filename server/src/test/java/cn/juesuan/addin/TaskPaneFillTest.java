package cn.juesuan.addin;

import cn.juesuan.archive.Archive;
import cn.juesuan.http.HttpApp;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task pane in headless Chromium: 从上年填充 (see PaneHarness). */
class TaskPaneFillTest extends PaneHarness {
    // --- 从上年填充 ------------------------------------------------------------------------------------------

    /** POST /api/carry-forward?format=writes with current and file, straight to the server: what the pane must apply. */
    static JsonNode carryForwardDirectly(byte[] current, byte[] previous, int year, String profile) throws Exception {
        String boundary = "juesuan-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (var part : List.of(Map.entry("current", current), Map.entry("file", previous))) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                    + part.getKey() + ".xlsx\"\r\nContent-Type: " + HttpApp.XLSX + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                        + "/api/carry-forward?format=writes&year=" + year + "&profile=" + profile))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    /** A cell's content as text: "=…" for a formula, "n:…" for a number, "t:…" for text, "" for cleared. */
    static String content(Object value, String formula) {
        if (formula != null) {
            return formula;
        }
        if (value == null || "".equals(value)) {
            return "";
        }
        if (value instanceof Number n) {
            return "n:" + new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return "b:" + b;
        }
        String text = value.toString();
        return text.startsWith("=") ? text : "t:" + (text.startsWith("'") ? text.substring(1) : text);
    }

    /** sheet!A1 → content of the writes the pane made: each formulas call over a row run, split into its cells. */
    static Map<String, String> recordedWrites(List<Map<String, Object>> calls) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> c : calls) {
            if (!"formulas".equals(c.get("op"))) {
                continue;
            }
            String address = (String) c.get("address");
            var first = new org.apache.poi.ss.util.CellReference(address.split(":")[0]);
            @SuppressWarnings("unchecked")
            List<List<Object>> rows = (List<List<Object>>) c.get("value");
            assertEquals(1, rows.size(), "one row per run: " + address);
            for (int i = 0; i < rows.get(0).size(); i++) {
                String a1 = new org.apache.poi.ss.util.CellReference(first.getRow(), first.getCol() + i).formatAsString();
                out.put(c.get("sheet") + "!" + a1, content(rows.get(0).get(i), null));
            }
        }
        return out;
    }

    static Map<String, String> expectedWrites(JsonNode answer) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode w : answer.get("writes")) {
            JsonNode v = w.get("value");
            Object value = v == null || v.isNull() ? null : v.isNumber() ? v.decimalValue() : v.isBoolean() ? v.asBoolean() : v.asText();
            out.put(w.get("sheet").asText() + "!" + w.get("address").asText(),
                    content(value, w.hasNonNull("formula") ? w.get("formula").asText() : null));
        }
        return out;
    }

    @Test
    void fillFromAChosenFileAppliesTheServersOperationsAndWrites() throws Exception {
        ReportData last = Fixtures.seed(Fixtures.SEED_000);
        byte[] previous = new Filler(Fixtures.registry()).fill(last);
        byte[] blank = new Filler(Fixtures.registry()).blank(last.profile(), last.year() + 1, last.unit().name(), null);
        JsonNode answer = carryForwardDirectly(blank, previous, last.year() + 1, last.profile());
        assertTrue(answer.get("writes").size() > 10, answer.toString());

        Page page = open(excelWith(blank, Map.of("ExcelApi", "1.9", "CompressedFile", true)), "?action=fill");
        assertTrue(page.isVisible("#panel-fill"));
        page.check("input[name=fill-source][value=file]");
        page.setInputFiles("#fill-file", new FilePayload("上年决算.xlsx", HttpApp.XLSX, previous));
        page.click("#fill");
        waitFor(page, "!document.getElementById('fill-result').hidden || !document.getElementById('error').hidden");
        waitIdle(page);
        assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
        List<Map<String, Object>> calls = calls(page);
        assertTrue(calls.stream().noneMatch(op("syncFailed")), calls.toString());

        // the operations, in order, then every write at its address
        List<String> expectedOps = new ArrayList<>();
        for (JsonNode o : answer.get("operations")) {
            String kind = o.get("op").asText();
            expectedOps.add(kind.equals("addSheet") ? "addSheet " + o.get("sheet").asText()
                    : (kind.equals("insertRows") ? "insert Down " : "delete Up ") + o.get("sheet").asText() + " "
                    + o.get("row").asInt() + ":" + (o.get("row").asInt() + o.get("count").asInt() - 1));
        }
        List<String> recordedOps = new ArrayList<>();
        for (Map<String, Object> c : calls) {
            if ("addSheet".equals(c.get("op"))) {
                recordedOps.add("addSheet " + c.get("name"));
            } else if ("insert".equals(c.get("op")) || "delete".equals(c.get("op"))) {
                recordedOps.add(c.get("op") + " " + c.get("shift") + " " + c.get("sheet") + " " + c.get("address"));
            }
        }
        assertEquals(expectedOps, recordedOps);
        assertEquals(expectedWrites(answer), recordedWrites(calls));
        // 年初结转和结余 of 2021 = 2020's 年末: 15.36 = 104.58 − 89.22
        assertTrue(recordedWrites(calls).containsValue("n:15.36"), recordedWrites(calls).toString());
        // in large batches: row runs, not one call per cell
        assertTrue(calls(page, op("formulas")).size() < answer.get("writes").size());
        assertTrue(page.textContent("#fill-result").contains("填充 " + answer.get("writes").size() + " 个单元格"),
                page.textContent("#fill-result"));
    }


    @Test
    void fillFromTheArchiveFindsLastYearByTheOpenWorkbooksUnitAndYear(@TempDir Path archiveDir) throws Exception {
        ReportData last = Fixtures.seed(Fixtures.SEED_000);
        byte[] previous = new Filler(Fixtures.registry()).fill(last);
        byte[] blank = new Filler(Fixtures.registry()).blank(last.profile(), last.year() + 1, last.unit().name(), null);
        Archive archive = new Archive(archiveDir);
        archive.store(last.unit().name(), null, last.year(), previous);
        Javalin withArchive = HttpApp.create(ServerConfig.defaults(Fixtures.registry()), archive).start("127.0.0.1", 0);
        String saved = base;
        try {
            base = "http://127.0.0.1:" + withArchive.port();
            JsonNode expected = carryForwardDirectly(blank, previous, last.year() + 1, last.profile());
            Page page = open(excelWith(blank, Map.of("ExcelApi", "1.9", "CompressedFile", true)), "?action=fill");
            assertTrue(page.isChecked("input[name=fill-source][value=archive]"));
            page.click("#fill");
            waitFor(page, "!document.getElementById('fill-result').hidden || !document.getElementById('error').hidden");
            waitIdle(page);
            assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
            assertEquals(expectedWrites(expected), recordedWrites(calls(page)));
            assertTrue(page.textContent("#fill-result").contains("服务器存档的 " + last.unit().name() + " " + last.year() + " 年度决算"),
                    page.textContent("#fill-result"));
        } finally {
            base = saved;
            withArchive.stop();
        }
    }
}
