package cn.juesuan.http;

import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP behaviour that does not need the filler or reader: routing, parameters, errors, limits, openapi. */
class HttpApiTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults();
    private static final MediaType JSON = MediaType.get("application/json");

    static JsonNode json(Response r) throws IOException {
        assertTrue(r.header("Content-Type", "").startsWith("application/json"), r.header("Content-Type"));
        return Json.MAPPER.readTree(r.body().string());
    }

    static Response post(HttpClient c, String path, byte[] body, MediaType type) {
        return c.request(path, b -> b.post(RequestBody.create(body, type)));
    }

    /** An error response: the status, JSON {code, message} with a Chinese message and no stack trace. */
    static JsonNode assertError(Response r, int status, String code) throws IOException {
        String body = r.body().string();
        assertEquals(status, r.code(), body);
        assertTrue(r.header("Content-Type", "").startsWith("application/json"), r.header("Content-Type"));
        JsonNode j = Json.MAPPER.readTree(body);
        assertEquals(Set.of("code", "message"), fieldNames(j), j.toString());
        assertEquals(code, j.get("code").asText(), j.toString());
        String m = j.get("message").asText();
        assertTrue(m.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), m);
        assertFalse(m.contains("Exception") || m.contains("\tat ") || m.contains("cn.juesuan."), m);
        return j;
    }

    static Set<String> fieldNames(JsonNode j) {
        Set<String> s = new TreeSet<>();
        j.fieldNames().forEachRemaining(s::add);
        return s;
    }

    @Test
    void health() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get(HttpApp.HEALTH);
            assertEquals(200, r.code());
            JsonNode j = json(r);
            assertEquals("ok", j.get("status").asText());
            assertFalse(j.get("version").asText().isBlank());
        });
    }

    @Test
    void profilesListEveryProfileWithTables() {
        ProfileRegistry registry = CONFIG.registry();
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get(HttpApp.PROFILES);
            assertEquals(200, r.code());
            JsonNode list = json(r);
            assertTrue(list.isArray());
            List<String> ids = new java.util.ArrayList<>();
            int defaults = 0;
            for (JsonNode p : list) {
                ids.add(p.get("id").asText());
                assertEquals(Set.of("id", "name", "province", "fromYear", "toYear", "moneyUnit", "default", "tables"),
                        fieldNames(p));
                defaults += p.get("default").asBoolean() ? 1 : 0;
                assertTrue(p.get("tables").size() > 0, p.get("id").asText());
                for (JsonNode t : p.get("tables")) {
                    assertEquals(Set.of("key", "number", "title"), fieldNames(t));
                }
            }
            assertEquals(registry.ids(), ids);
            assertEquals(1, defaults);
        });
    }

    @Test
    void unknownProfileIs400() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            JsonNode j = assertError(client.get(HttpApp.BLANK + "?profile=nope&year=2024&unit=x"), 400, "unknown_profile");
            assertTrue(j.get("message").asText().contains("nope"));
            assertError(post(client, HttpApp.READ + "?profile=nope", new byte[]{'P', 'K'},
                    MediaType.get(HttpApp.XLSX)), 400, "unknown_profile");
        });
    }

    @Test
    void malformedJsonIs400WithFieldMessage() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            assertError(post(client, HttpApp.FILL, "{\"year\": ".getBytes(StandardCharsets.UTF_8), JSON), 400, "malformed_json");
            assertError(post(client, HttpApp.FILL, "{\"year\" 2024}".getBytes(StandardCharsets.UTF_8), JSON), 400, "malformed_json");
            assertError(post(client, HttpApp.FILL, new byte[0], JSON), 400, "empty_body");
            assertError(post(client, HttpApp.FILL, " \n ".getBytes(StandardCharsets.UTF_8), JSON), 400, "empty_body");
            JsonNode top = assertError(post(client, HttpApp.FILL, "[]".getBytes(StandardCharsets.UTF_8), JSON),
                    400, "invalid_field");
            assertTrue(top.get("message").asText().contains("顶层"), top.toString());

            JsonNode j = assertError(post(client, HttpApp.FILL, "{\"year\":\"abc\"}".getBytes(StandardCharsets.UTF_8), JSON),
                    400, "invalid_field");
            assertTrue(j.get("message").asText().contains("字段 year"), j.toString());

            String deep = "{\"tables\":{\"income\":{\"rows\":[{\"code\":\"201\",\"amounts\":{\"total\":\"x\"}}]}}}";
            j = assertError(post(client, HttpApp.FILL, deep.getBytes(StandardCharsets.UTF_8), JSON), 400, "invalid_field");
            assertTrue(j.get("message").asText().contains("tables.income.rows[0].amounts.total"), j.toString());

            j = assertError(post(client, HttpApp.FILL, "{\"unit\":[1]}".getBytes(StandardCharsets.UTF_8), JSON),
                    400, "invalid_field");
            assertTrue(j.get("message").asText().contains("字段 unit"), j.toString());

            j = assertError(post(client, HttpApp.FILL, "{\"yaer\":2024}".getBytes(StandardCharsets.UTF_8), JSON),
                    400, "invalid_field");
            assertTrue(j.get("message").asText().contains("yaer"), j.toString());
            assertTrue(j.get("message").asText().contains("year"), j.toString());
            assertTrue(assertError(post(client, HttpApp.FILL, "{\"unit\":[1]}".getBytes(StandardCharsets.UTF_8), JSON),
                    400, "invalid_field").get("message").asText().contains("收到的是数组"));

            j = assertError(post(client, HttpApp.FILL, "{\"profile\":\"nope\",\"year\":2024}".getBytes(StandardCharsets.UTF_8), JSON),
                    400, "unknown_profile");
            assertTrue(j.get("message").asText().contains("字段 profile") && j.get("message").asText().contains("sichuan-2024"), j.toString());
            j = assertError(post(client, HttpApp.FILL, "{\"profile\":\"sichuan-2020\",\"year\":2024,\"unit\":{\"name\":\"x\"}}"
                    .getBytes(StandardCharsets.UTF_8), JSON), 400, "invalid_field");
            assertTrue(j.get("message").asText().contains("字段 year") && j.get("message").asText().contains("2020–2022")
                    && j.get("message").asText().contains("sichuan-2024"), j.toString());
        });
    }

    @Test
    void blankParametersAreChecked() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            JsonNode j = assertError(client.get(HttpApp.BLANK + "?unit=x"), 400, "missing_parameter");
            assertTrue(j.get("message").asText().contains("year"));
            assertError(client.get(HttpApp.BLANK + "?year=abc&unit=x"), 400, "invalid_parameter");
            assertError(client.get(HttpApp.BLANK + "?year=1800&unit=x"), 400, "invalid_parameter");
            assertError(client.get(HttpApp.BLANK + "?year=2101&unit=x"), 400, "invalid_parameter");
            j = assertError(client.get(HttpApp.BLANK + "?year=2024"), 400, "missing_parameter");
            assertTrue(j.get("message").asText().contains("unit"));
            assertError(client.get(HttpApp.BLANK + "?year=2024&unit=%20"), 400, "missing_parameter");
        });
    }

    @Test
    void readWithoutWorkbookIs400() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            assertError(post(client, HttpApp.READ, new byte[0], MediaType.get(HttpApp.XLSX)), 400, "missing_file");
            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM).addFormDataPart("other", "x").build();
            assertError(client.request(HttpApp.READ, b -> b.post(mp)), 400, "missing_file");
        });
    }

    @Test
    void openApiDescribesExactlyTheRegisteredRoutes() {
        HttpApp http = new HttpApp(CONFIG);
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get(HttpApp.OPENAPI);
            assertEquals(200, r.code());
            JsonNode api = json(r);
            assertTrue(api.get("openapi").asText().startsWith("3.0"));
            Set<String> documented = fieldNames(api.get("paths"));
            Set<String> registered = new TreeSet<>();
            for (HttpApp.Route route : http.routes()) {
                String path = openApiPath(route.path());
                registered.add(path);
                String method = route.method().name().toLowerCase();
                assertTrue(api.get("paths").path(path).has(method), method + " " + path + " not in openapi.json");
            }
            assertEquals(registered, documented);
            // every route constant is registered
            Set<String> constants = new HashSet<>();
            for (var f : HttpApp.class.getFields()) {
                if (f.getType() == String.class && f.get(null) instanceof String s && s.startsWith("/")) {
                    constants.add(openApiPath(s));
                }
            }
            assertEquals(constants, registered);
            // every $ref resolves
            String text = api.toString();
            var m = java.util.regex.Pattern.compile("\"#/components/(\\w+)/(\\w+)\"").matcher(text);
            while (m.find()) {
                assertTrue(api.path("components").path(m.group(1)).has(m.group(2)), m.group());
            }
        });
    }

    /** Javalin's slash-spanning parameter &lt;name&gt; is written {name} in OpenAPI. */
    static String openApiPath(String javalinPath) {
        return javalinPath.replaceAll("<(\\w+)>", "{$1}");
    }

    @Test
    void oversizedBodyIs413() {
        ServerConfig small = CONFIG.withMaxRequestBytes(1024);
        byte[] big = new byte[4096];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        JavalinTest.test(HttpApp.create(small), (server, client) -> {
            assertError(post(client, HttpApp.FILL, big, JSON), 413, "too_large");
            assertError(post(client, HttpApp.READ, big, MediaType.get(HttpApp.XLSX)), 413, "too_large");
            RequestBody mp = new MultipartBody.Builder().setType(MultipartBody.FORM)
                    .addFormDataPart("file", "big.xlsx", RequestBody.create(big, MediaType.get(HttpApp.XLSX))).build();
            assertError(client.request(HttpApp.READ, b -> b.post(mp)), 413, "too_large");
        });
    }

    @Test
    void unknownPathIs404Json() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            assertError(client.get("/api/nothing"), 404, "not_found");
        });
    }

    @Test
    void internalErrorsHideDetails() {
        ServerConfig broken = CONFIG.withRegistry(new ProfileRegistry(Path.of("target/no-such-templates")));
        JavalinTest.test(HttpApp.create(broken), (server, client) -> {
            JsonNode j = assertError(client.get(HttpApp.PROFILES), 500, "internal_error");
            assertFalse(j.get("message").asText().contains("no-such-templates"));
        });
    }

    @Test
    void homePageLinksToOpenApi() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get(HttpApp.HOME);
            assertEquals(200, r.code());
            assertTrue(r.header("Content-Type", "").startsWith("text/html"));
            String html = r.body().string();
            assertTrue(html.contains("href=\"/openapi.json\""));
            assertTrue(html.contains("决算助手"));
        });
    }

    @Test
    void contentDispositionCarriesChineseNameAsRfc5987() {
        String name = HttpApp.fileName("遂宁市科学技术局", 2024, "部门决算");
        assertEquals("遂宁市科学技术局2024年度部门决算.xlsx", name);
        String h = HttpApp.contentDisposition(name);
        assertTrue(h.startsWith("attachment; filename=\"juesuan-2024.xlsx\"; "), h);
        assertTrue(h.contains("filename*=UTF-8''%E9%81%82%E5%AE%81"), h);
        assertTrue(h.chars().allMatch(ch -> ch < 128), h);
        assertEquals("a_b_2024年度部门决算.xlsx", HttpApp.fileName("a/b:", 2024, "部门决算"));
    }
}
