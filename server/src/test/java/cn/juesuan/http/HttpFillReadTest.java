package cn.juesuan.http;

import cn.juesuan.layout.Profile;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static cn.juesuan.http.HttpApiTest.json;
import static cn.juesuan.http.HttpApiTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blank, fill and read over HTTP: needs the filler and the reader. */
class HttpFillReadTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults();
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);
    private static final String UNIT_Q = URLEncoder.encode(Samples.UNIT, StandardCharsets.UTF_8);

    static byte[] assertXlsx(Response r, String expectedName) throws Exception {
        byte[] body = r.body().bytes();
        assertEquals(200, r.code(), () -> new String(body, StandardCharsets.UTF_8));
        assertEquals(HttpApp.XLSX, r.header("Content-Type"));
        assertTrue(body.length > 1000 && body[0] == 'P' && body[1] == 'K');
        String cd = r.header("Content-Disposition", "");
        assertTrue(cd.contains("filename*=UTF-8''" + URLEncoder.encode(expectedName, StandardCharsets.UTF_8)
                .replace("+", "%20")), cd);
        return body;
    }

    @Test
    void blankReadsBackRawAndMultipart() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            byte[] xlsx = assertXlsx(client.get(HttpApp.BLANK + "?profile=sichuan-2020&year=2021&unit=" + UNIT_Q
                    + "&unitCode=123456"), Samples.UNIT + "2021年度部门决算（空表）.xlsx");

            Response raw = post(client, HttpApp.READ, xlsx, XLSX);
            assertEquals(200, raw.code());
            JsonNode a = json(raw);
            assertEquals("sichuan-2020", a.at("/data/profile").asText());
            assertEquals(2021, a.at("/data/year").asInt());
            assertEquals(Samples.UNIT, a.at("/data/unit/name").asText());
            assertTrue(a.get("notes").isArray());

            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "空表.xlsx", RequestBody.create(xlsx, XLSX)).build();
            Response multipart = client.request(HttpApp.READ + "?profile=sichuan-2020", b -> b.post(mp));
            assertEquals(200, multipart.code());
            assertEquals(a.get("data"), json(multipart).get("data"));
        });
    }

    @Test
    void blankWithoutProfileUsesTheYearsProfile() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            for (int year : new int[]{2021, 2024}) {
                byte[] xlsx = assertXlsx(client.get(HttpApp.BLANK + "?year=" + year + "&unit=" + UNIT_Q),
                        Samples.UNIT + year + "年度部门决算（空表）.xlsx");
                JsonNode read = json(post(client, HttpApp.READ, xlsx, XLSX));
                assertEquals(CONFIG.registry().forYear(year).id(), read.at("/data/profile").asText());
            }
        });
    }

    @Test
    void fillThenReadRoundTrips() throws Exception {
        for (Profile profile : CONFIG.registry().profiles()) {
            Samples.Cell c = Samples.cell(profile);
            int year = profile.fromYear();
            byte[] body = Json.MAPPER.writeValueAsBytes(Samples.data(profile, year));
            JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
                byte[] xlsx = assertXlsx(post(client, HttpApp.FILL, body, MediaType.get("application/json")),
                        Samples.UNIT + year + "年度部门决算.xlsx");
                Response r = post(client, HttpApp.READ + "?profile=" + profile.id(), xlsx, XLSX);
                assertEquals(200, r.code());
                JsonNode data = json(r).get("data");
                assertEquals(year, data.get("year").asInt());
                JsonNode v = data.path("tables").path(c.table()).path("values").path(c.row()).path(c.column());
                assertTrue(v.isNumber(), profile.id() + " " + c + " → " + data);
                assertEquals(0, Samples.AMOUNT.compareTo(new BigDecimal(v.asText())), profile.id() + " " + c);
            });
        }
    }

    @Test
    void notAWorkbookIs4xxJson() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = post(client, HttpApp.READ, "这不是工作簿".getBytes(StandardCharsets.UTF_8), XLSX);
            assertTrue(r.code() >= 400 && r.code() < 500, String.valueOf(r.code()));
            JsonNode j = json(r);
            assertTrue(j.has("code") && j.has("message"));
        });
    }
}
