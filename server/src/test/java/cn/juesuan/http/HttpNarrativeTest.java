package cn.juesuan.http;

import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static cn.juesuan.http.HttpApiTest.assertError;
import static cn.juesuan.http.HttpApiTest.json;
import static cn.juesuan.http.HttpApiTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The narrative over HTTP: generate (.docx), the chart workbook, check an existing narrative. */
class HttpNarrativeTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults();
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);
    private static final MediaType OCTET = MediaType.get("application/octet-stream");
    private static final byte[] WORKBOOK = new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004));

    private static final byte[] SEED_TEXT = read();

    private static byte[] read() {
        try {
            return Files.readAllBytes(Fixtures.sharedSeeds().resolve("004_317b39f2b5d89d6e.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RequestBody checkForm(byte[] narrative, String name) {
        return new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "决算.xlsx", RequestBody.create(WORKBOOK, XLSX))
                .addFormDataPart("narrative", name, RequestBody.create(narrative, OCTET)).build();
    }

    @Test
    void generatesTheDocxAndTheChartWorkbook() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = post(client, HttpApp.NARRATIVE, WORKBOOK, XLSX);
            byte[] docx = r.body().bytes();
            assertEquals(200, r.code(), () -> new String(docx, StandardCharsets.UTF_8));
            assertEquals(NarrativeHandlers.DOCX, r.header("Content-Type"));
            assertTrue(docx.length > 10_000 && docx[0] == 'P' && docx[1] == 'K');
            assertTrue(r.header("Content-Disposition", "").contains("filename*=UTF-8''"
                    + URLEncoder.encode("遂宁市科学技术局2024年度决算情况说明.docx", StandardCharsets.UTF_8)), r.header("Content-Disposition"));

            RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "决算.xlsx", RequestBody.create(WORKBOOK, XLSX)).build();
            Response wb = client.request(HttpApp.NARRATIVE_WORKBOOK, b -> b.post(form));
            HttpFillReadTest.assertXlsx(wb, "遂宁市科学技术局2024年度部门决算（含说明图表）.xlsx");

            // the docx checks clean against the same workbook
            Response check = client.request(HttpApp.NARRATIVE_CHECK, b -> b.post(checkForm(docx, "说明.docx")));
            assertEquals(200, check.code());
            JsonNode report = json(check);
            assertTrue(report.get("valid").asBoolean(), report.toString());
        });
    }

    @Test
    void checksAnExistingNarrativeAsJsonOrText() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.request(HttpApp.NARRATIVE_CHECK, b -> b.post(checkForm(SEED_TEXT, "004.txt")));
            assertEquals(200, r.code());
            JsonNode report = json(r);
            assertEquals(false, report.get("valid").asBoolean());
            assertEquals(1, report.at("/counts/error").asInt());
            JsonNode path = report.get("findings").findParents("ruleId").stream()
                    .filter(f -> f.get("ruleId").asText().equals("N-PATH")).findFirst().orElseThrow();
            assertEquals("错误", path.get("severityLabel").asText());
            assertTrue(path.get("quote").asText().contains("科技奖励（项）"));
            assertEquals(153, path.get("line").asInt());
            assertEquals("004.txt", report.get("source").asText());

            Response text = client.request(HttpApp.NARRATIVE_CHECK + "?format=text", b -> b.post(checkForm(SEED_TEXT, "004.txt")));
            assertEquals(200, text.code());
            assertTrue(text.header("Content-Type", "").startsWith("text/plain"));
            assertTrue(text.body().string().contains("决算情况说明核对结果"));
        });
    }

    @Test
    void badRequestsGetChineseErrors() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            assertError(post(client, HttpApp.NARRATIVE_CHECK, WORKBOOK, XLSX), 400, "multipart_required");
            RequestBody noNarrative = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "决算.xlsx", RequestBody.create(WORKBOOK, XLSX)).build();
            assertError(client.request(HttpApp.NARRATIVE_CHECK, b -> b.post(noNarrative)), 400, "missing_narrative");
            byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
            assertError(client.request(HttpApp.NARRATIVE_CHECK, b -> b.post(checkForm(doc, "说明.doc"))), 415, "legacy_doc");
            assertError(client.request(HttpApp.NARRATIVE_CHECK + "?format=xml", b -> b.post(checkForm(SEED_TEXT, "a.txt"))),
                    400, "invalid_parameter");
            assertError(post(client, HttpApp.NARRATIVE, "不是工作簿".getBytes(StandardCharsets.UTF_8), XLSX), 415, "not_xlsx");
            assertError(post(client, HttpApp.NARRATIVE, new byte[0], XLSX), 400, "missing_file");
        });
    }
}
