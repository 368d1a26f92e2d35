package cn.juesuan.http;

import cn.juesuan.model.Json;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpValidateTest {
    private final byte[] seed = new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004));

    @Test
    void validateAnswersTheReportAndTheAnnotatedCopy() {
        JavalinTest.test(HttpApp.create(ServerConfig.defaults(Fixtures.registry())), (server, client) -> {
            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "决算.xlsx", RequestBody.create(seed, MediaType.get(HttpApp.XLSX))).build();
            try (Response r = client.request(HttpApp.VALIDATE, b -> b.post(mp))) {
                assertEquals(200, r.code());
                JsonNode report = Json.MAPPER.readTree(r.body().string());
                assertEquals("sichuan-2024", report.path("profile").asText());
                assertEquals(0, report.path("counts").path("error").asInt(), report.toPrettyString());
            }
            try (Response r = client.request(HttpApp.VALIDATE_ANNOTATED + "?profile=sichuan-2024",
                    b -> b.post(RequestBody.create(seed, MediaType.get(HttpApp.XLSX))))) {
                assertEquals(200, r.code());
                assertEquals("0", r.header("X-Juesuan-Errors"));
                try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body().bytes()))) {
                    assertEquals("校验结果", wb.getSheetName(0));
                }
            }
            try (Response r = client.request(HttpApp.VALIDATE + "?profile=nowhere",
                    b -> b.post(RequestBody.create(seed, MediaType.get(HttpApp.XLSX))))) {
                assertEquals(400, r.code());
                assertEquals("unknown_profile", Json.MAPPER.readTree(r.body().string()).path("code").asText());
            }
            try (Response r = client.request(HttpApp.VALIDATE,
                    b -> b.post(RequestBody.create("not a workbook".getBytes(), MediaType.get(HttpApp.XLSX))))) {
                assertEquals(415, r.code());
                assertTrue(Json.MAPPER.readTree(r.body().string()).path("message").asText().contains("xlsx"));
            }
        });
    }
}
