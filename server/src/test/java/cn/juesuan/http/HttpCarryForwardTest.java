package cn.juesuan.http;

import cn.juesuan.archive.Archive;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static cn.juesuan.http.HttpApiTest.assertError;
import static cn.juesuan.http.HttpApiTest.json;
import static cn.juesuan.http.HttpApiTest.post;
import static cn.juesuan.http.HttpFillReadTest.assertXlsx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /api/archive and /api/carry-forward. */
class HttpCarryForwardTest {
    private static final ProfileRegistry REGISTRY = Fixtures.registry();
    private static final ServerConfig CONFIG = ServerConfig.defaults(REGISTRY);
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);
    private static final String UNIT = "泸州市科技创新服务中心";
    private static final String UNIT_Q = URLEncoder.encode(UNIT, StandardCharsets.UTF_8);

    @TempDir
    Path root;

    static byte[] seed000() {
        return new Filler(REGISTRY).fill(Fixtures.seed(Fixtures.SEED_000));
    }

    static BigDecimal opening(byte[] xlsx) {
        ReportData d = new WorkbookReader(REGISTRY).read(xlsx, null).data();
        assertEquals(2021, d.year());
        assertEquals(UNIT, d.unit().name());
        return d.table("income_expense_summary").value("opening_balance", "amount");
    }

    @Test
    void archiveThenCarryForwardFromTheArchive() {
        byte[] last = seed000();
        JavalinTest.test(HttpApp.create(CONFIG, new Archive(root)), (server, client) -> {
            assertEquals("[ ]", client.get(HttpApp.ARCHIVE).body().string());
            Response stored = post(client, HttpApp.ARCHIVE, last, XLSX);
            String body = stored.body().string();
            assertEquals(201, stored.code(), body);
            JsonNode entry = Json.MAPPER.readTree(body);
            assertEquals(UNIT, entry.get("unit").asText());
            assertEquals(2020, entry.get("year").asInt());
            assertEquals(last.length, entry.get("size").asLong());

            JsonNode list = json(client.get(HttpApp.ARCHIVE));
            assertEquals(1, list.size());
            assertEquals(UNIT, list.get(0).get("unit").asText());
            assertEquals(1, json(client.get(HttpApp.ARCHIVE + "?unit=" + UNIT_Q)).size());
            assertEquals(0, json(client.get(HttpApp.ARCHIVE + "?year=2019")).size());
            assertArrayEquals(last, assertXlsx(client.get(HttpApp.ARCHIVE + "?unit=" + UNIT_Q + "&year=2020"),
                    UNIT + "2020年度部门决算.xlsx"));
            assertError(client.get(HttpApp.ARCHIVE + "?unit=" + UNIT_Q + "&year=2019"), 404, "not_archived");

            byte[] carried = assertXlsx(post(client, HttpApp.CARRY_FORWARD + "?unit=" + UNIT_Q + "&year=2021", new byte[0], XLSX),
                    UNIT + "2021年度部门决算（从上年填充）.xlsx");
            assertEquals(0, new BigDecimal("15.36").compareTo(opening(carried)));
            assertError(post(client, HttpApp.CARRY_FORWARD + "?unit=" + UNIT_Q + "&year=2022", new byte[0], XLSX), 404, "not_archived");
            assertError(post(client, HttpApp.CARRY_FORWARD + "?unit=" + UNIT_Q, new byte[0], XLSX), 400, "missing_parameter");
        });
    }

    @Test
    void carryForwardFromAnUploadAsWorkbookOrAsCellWrites() {
        byte[] last = seed000();
        JavalinTest.test(HttpApp.create(CONFIG, new Archive(root)), (server, client) -> {
            byte[] raw = assertXlsx(post(client, HttpApp.CARRY_FORWARD + "?year=2021", last, XLSX),
                    UNIT + "2021年度部门决算（从上年填充）.xlsx");
            assertEquals(0, new BigDecimal("15.36").compareTo(opening(raw)));
            // year left out: last year's + 1
            assertEquals(0, new BigDecimal("15.36").compareTo(opening(assertXlsx(post(client, HttpApp.CARRY_FORWARD, last, XLSX),
                    UNIT + "2021年度部门决算（从上年填充）.xlsx"))));
            // last year's data as JSON
            byte[] data = Json.MAPPER.writeValueAsBytes(Fixtures.seed(Fixtures.SEED_000));
            assertEquals(0, new BigDecimal("15.36").compareTo(opening(assertXlsx(post(client, HttpApp.CARRY_FORWARD,
                    data, MediaType.get("application/json")), UNIT + "2021年度部门决算（从上年填充）.xlsx"))));

            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "上年.xlsx", RequestBody.create(last, XLSX))
                    .addFormDataPart("current", "打开的.xlsx", RequestBody.create(last, XLSX)).build();
            Response w = client.request(HttpApp.CARRY_FORWARD + "?year=2021&format=writes", b -> b.post(mp));
            assertEquals(200, w.code());
            JsonNode writes = json(w);
            assertEquals("current", writes.get("base").asText());
            assertTrue(writes.get("writes").size() > 10, writes.toString());
            assertTrue(writes.get("operations").toString().contains("上年数"));

            JsonNode fromBlank = json(post(client, HttpApp.CARRY_FORWARD + "?format=writes", last, XLSX));
            assertEquals("blank", fromBlank.get("base").asText());
            boolean opening = false;
            for (JsonNode x : fromBlank.get("writes")) {
                opening |= x.get("sheet").asText().startsWith("表1") && x.path("value").isNumber()
                        && x.get("value").decimalValue().compareTo(new BigDecimal("15.36")) == 0;
            }
            assertTrue(opening, "the 年初 write of 表1");
        });
    }

    @Test
    void validateWithLastYearUploadedOrFromTheArchive() {
        byte[] last = seed000();
        JavalinTest.test(HttpApp.create(CONFIG, new Archive(root)), (server, client) -> {
            byte[] now = assertXlsx(post(client, HttpApp.CARRY_FORWARD + "?year=2021", last, XLSX),
                    UNIT + "2021年度部门决算（从上年填充）.xlsx");
            byte[] changed = edit(now, "表1 收入支出决算总表", "opening_balance", 16);
            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "2021.xlsx", RequestBody.create(changed, XLSX))
                    .addFormDataPart("previous", "2020.xlsx", RequestBody.create(last, XLSX)).build();
            JsonNode report = json(client.request(HttpApp.VALIDATE, b -> b.post(mp)));
            assertTrue(report.toString().contains("\"Y1\""), report.toString());
            assertTrue(!json(post(client, HttpApp.VALIDATE, changed, XLSX)).toString().contains("\"Y1\""),
                    "no cross-year rule without last year");

            assertError(post(client, HttpApp.VALIDATE + "?previous=archive", changed, XLSX), 404, "not_archived");
            assertEquals(201, post(client, HttpApp.ARCHIVE, last, XLSX).code());
            JsonNode fromArchive = json(post(client, HttpApp.VALIDATE + "?previous=archive", changed, XLSX));
            assertTrue(fromArchive.toString().contains("\"Y1\""), fromArchive.toString());
            Response annotated = post(client, HttpApp.VALIDATE_ANNOTATED + "?previous=archive", changed, XLSX);
            assertEquals(200, annotated.code());
            assertError(post(client, HttpApp.VALIDATE + "?previous=file", changed, XLSX), 400, "invalid_parameter");
            assertError(post(client, HttpApp.VALIDATE + "?previous=archive", last, XLSX), 404, "not_archived");
        });
    }

    /** The workbook with one fixed amount cell of a table changed. */
    static byte[] edit(byte[] xlsx, String sheet, String row, double value) throws Exception {
        var loc = new WorkbookReader(REGISTRY).read(xlsx, null).map().tables().values().stream()
                .filter(t -> t.sheet().equals(sheet)).findFirst().orElseThrow().cell(row, "amount");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet(sheet).getRow(loc.row()).getCell(loc.col()).setCellValue(value);
            wb.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anArchiveThatCannotBeWrittenIsA500ThatDoesNotNameServerPaths() throws IOException {
        Path notAFolder = Files.writeString(root.resolve("archive"), "not a folder");
        byte[] last = seed000();
        JavalinTest.test(HttpApp.create(CONFIG, new Archive(notAFolder)), (server, client) -> {
            Response r = post(client, HttpApp.ARCHIVE, last, XLSX);
            String body = r.body().string();
            assertEquals(500, r.code(), body);
            assertTrue(body.contains("\"archive_io\"") && body.contains("服务器日志"), body);
            assertFalse(body.contains(root.toString()), body);
            assertEquals(200, client.get("/health").code());
        });
    }

    @Test
    void badRequestsGetClearChineseErrors() {
        byte[] last = seed000();
        JavalinTest.test(HttpApp.create(CONFIG, new Archive(root)), (server, client) -> {
            assertError(post(client, HttpApp.CARRY_FORWARD, new byte[0], XLSX), 400, "missing_file");
            assertError(post(client, HttpApp.CARRY_FORWARD + "?year=2025", last, XLSX), 400, "bad_target_year");
            assertError(post(client, HttpApp.CARRY_FORWARD + "?format=pdf", last, XLSX), 400, "invalid_parameter");
            assertError(post(client, HttpApp.CARRY_FORWARD + "?profile=nope", last, XLSX), 400, "unknown_profile");
            assertError(post(client, HttpApp.CARRY_FORWARD, "not a workbook".getBytes(StandardCharsets.UTF_8), XLSX), 415, "not_xlsx");
            assertError(post(client, HttpApp.CARRY_FORWARD, "{\"year\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                    MediaType.get("application/json")), 400, "invalid_field");
            assertError(client.get(HttpApp.ARCHIVE + "?year=20x0"), 400, "invalid_parameter");
            assertError(client.get(HttpApp.ARCHIVE + "?unit=" + URLEncoder.encode("../../etc", StandardCharsets.UTF_8) + "&year=2020"),
                    400, "bad_unit");

            byte[] noUnit = new Filler(REGISTRY).blank("sichuan-2020", 2020, "", null);
            assertError(post(client, HttpApp.ARCHIVE, noUnit, XLSX), 422, "no_unit");
            byte[] escaping = new Filler(REGISTRY).blank("sichuan-2020", 2020, "../../etc", null);
            assertError(post(client, HttpApp.ARCHIVE, escaping, XLSX), 400, "bad_unit");
            assertError(post(client, HttpApp.ARCHIVE, new byte[0], XLSX), 400, "missing_file");
            assertEquals(0, json(client.get(HttpApp.ARCHIVE)).size());
        });
    }
}
