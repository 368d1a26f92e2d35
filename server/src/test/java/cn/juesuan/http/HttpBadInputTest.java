package cn.juesuan.http;

import cn.juesuan.model.Json;
import cn.juesuan.support.BadInputs;
import cn.juesuan.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import java.util.Arrays;

import static cn.juesuan.http.HttpApiTest.assertError;
import static cn.juesuan.http.HttpApiTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bad-input corpus (support.BadInputs) over HTTP: each a clean 4xx with a Chinese message, and the server goes on. */
class HttpBadInputTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults(Fixtures.registry());
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);

    static void assertHealthy(HttpClient client) throws IOException {
        try (Response r = client.get(HttpApp.HEALTH)) {
            assertEquals(200, r.code(), "the server still answers");
        }
    }

    @Test
    void everyBadUploadIsAClean4xxOnEveryWorkbookRoute() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            for (BadInputs.Case c : BadInputs.uploads()) {
                byte[] body = c.bytes().get();
                JsonNode j = assertError(post(client, HttpApp.VALIDATE, body, XLSX), c.status(), c.code());
                System.out.printf("bad input %-40s → %d %s: %s%n", c.name(), c.status(), c.code(), j.get("message").asText());
                RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                        .addFormDataPart("file", "上传.xlsx", RequestBody.create(body, XLSX)).build();
                assertError(client.request(HttpApp.READ, b -> b.post(mp)), c.status(), c.code());
                assertError(post(client, HttpApp.NARRATIVE, body, XLSX), c.status(), c.code());
                assertError(post(client, HttpApp.ARCHIVE, body, XLSX), c.status(), c.code());
                assertHealthy(client);
            }
        });
    }

    @Test
    void emptyBodyIsMissingFile() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            for (String path : new String[]{HttpApp.VALIDATE, HttpApp.READ, HttpApp.VALIDATE_ANNOTATED, HttpApp.NARRATIVE}) {
                assertError(post(client, path, new byte[0], XLSX), 400, "missing_file");
            }
            assertHealthy(client);
        });
    }

    /** 60 MB against the 30 MB default: refused by its Content-Length, and when sent chunked (no length) while reading. */
    @Test
    void sixtyMegabytesIs413WithOrWithoutContentLength() {
        byte[] big = Arrays.copyOf(BadInputs.valid(), 60 * 1024 * 1024);
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            JsonNode j = assertError(post(client, HttpApp.VALIDATE, big, XLSX), 413, "too_large");
            assertTrue(j.get("message").asText().contains("30 MB"), j.toString());
            RequestBody chunked = new RequestBody() {
                @Override
                public MediaType contentType() {
                    return XLSX;
                }

                @Override
                public long contentLength() {
                    return -1;
                }

                @Override
                public void writeTo(BufferedSink sink) throws IOException {
                    for (int off = 0; off < big.length; off += 1 << 20) {
                        sink.write(big, off, Math.min(1 << 20, big.length - off));
                    }
                }
            };
            Response r;
            try {
                r = client.request(HttpApp.VALIDATE, b -> b.post(chunked));
            } catch (RuntimeException e) {
                r = null; // the server may close the connection while the client still writes: refused all the same
            }
            if (r != null) {
                assertError(r, 413, "too_large");
            }
            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "大.xlsx", RequestBody.create(big, XLSX)).build();
            assertError(client.request(HttpApp.VALIDATE, b -> b.post(mp)), 413, "too_large");
            assertHealthy(client);
        });
    }

    @Test
    void theLimitIsConfigurable() {
        byte[] body = BadInputs.valid();
        JavalinTest.test(HttpApp.create(CONFIG.withMaxRequestBytes(body.length - 1)), (server, client) -> {
            JsonNode j = assertError(post(client, HttpApp.VALIDATE, body, XLSX), 413, "too_large");
            assertTrue(j.get("message").asText().contains("字节"), j.toString());
        });
        JavalinTest.test(HttpApp.create(CONFIG.withMaxRequestBytes(body.length)), (server, client) -> {
            try (Response r = post(client, HttpApp.VALIDATE, body, XLSX)) {
                assertEquals(200, r.code());
                assertEquals("sichuan-2024", Json.MAPPER.readTree(r.body().string()).path("profile").asText());
            }
        });
    }

    /**
     * Bad data in a workbook that opens is not an error of the upload: the report names the cell. Formulas with #REF!
     * and #DIV/0!, two amount cells merged, a date in an amount cell, a sheet renamed, a sheet missing.
     */
    @Test
    void badDataIsReportedAtItsCell() throws IOException {
        byte[] edited = edit(BadInputs.valid(), wb -> {
            Sheet s = wb.getSheetAt(0);
            List<Cell> amounts = new ArrayList<>();
            for (Row r : s) {
                for (Cell c : r) {
                    if (c.getCellType() == CellType.NUMERIC && r.getRowNum() >= 6) {
                        amounts.add(c);
                    }
                }
            }
            amounts.get(0).setCellFormula("1/0");
            amounts.get(1).setCellFormula("SUM(#REF!)");
            Cell date = amounts.get(2);
            date.setCellValue(java.time.LocalDate.of(2024, 3, 1));
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            date.setCellStyle(dateStyle);
            Cell merged = amounts.get(3);
            s.addMergedRegion(new CellRangeAddress(merged.getRowIndex(), merged.getRowIndex() + 1,
                    merged.getColumnIndex(), merged.getColumnIndex()));
            wb.setSheetName(0, "Sheet1"); // renamed: found by its title
            wb.removeSheetAt(1); // 表2 收入决算表 missing
        });
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            try (Response r = post(client, HttpApp.VALIDATE, edited, XLSX)) {
                assertEquals(200, r.code());
                JsonNode report = Json.MAPPER.readTree(r.body().string());
                Set<String> rules = new TreeSet<>();
                report.path("findings").forEach(f -> rules.add(f.path("ruleId").asText()
                        + (f.path("sheet").asText().equals("Sheet1") ? "@Sheet1" : "")));
                assertTrue(rules.contains("READ-formula_error@Sheet1"), rules.toString());
                assertTrue(rules.contains("READ-date_in_amount@Sheet1"), rules.toString());
                assertTrue(report.toString().contains("#DIV/0!") && report.toString().contains("#REF!"), report.toString());
                assertTrue(report.toString().contains("收入决算表"), "the missing table is named: " + rules);
            }
            assertHealthy(client);
        });
    }

    static byte[] edit(byte[] xlsx, Consumer<Workbook> change) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            change.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }
}
