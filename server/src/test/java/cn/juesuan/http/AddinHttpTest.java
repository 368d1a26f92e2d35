package cn.juesuan.http;

import cn.juesuan.addin.AddinFiles;
import cn.juesuan.addin.ManifestLint;
import io.javalin.testtools.JavalinTest;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static cn.juesuan.http.HttpApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The add-in's HTTP side: manifest endpoint, task pane files and their headers, office.js source, origins (CORS). */
class AddinHttpTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults();

    @Test
    void manifestForTheGivenOrigin() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get(HttpApp.ADDIN_MANIFEST + "?origin=https://juesuan.example:8443");
            String xml = r.body().string();
            assertEquals(200, r.code(), xml);
            assertTrue(r.header("Content-Type").startsWith("application/xml"));
            assertTrue(r.header("Content-Disposition").contains("juesuan-manifest.xml"));
            assertTrue(xml.contains("<AppDomain>https://juesuan.example:8443</AppDomain>"));
            assertEquals(List.of(), ManifestLint.check(xml));
        });
    }

    @Test
    void manifestUsesTheConfiguredOrigin() {
        JavalinTest.test(HttpApp.create(CONFIG.withPublicOrigin("https://intranet.example:9443")), (server, client) -> {
            String xml = client.get(HttpApp.ADDIN_MANIFEST).body().string();
            assertTrue(xml.contains("<SourceLocation DefaultValue=\"https://intranet.example:9443/addin/taskpane.html\"/>"), xml);
        });
    }

    @Test
    void manifestOverPlainHttpWithoutOriginIsRefusedInChinese() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            assertError(client.get(HttpApp.ADDIN_MANIFEST), 400, "no_https_origin");
            assertError(client.get(HttpApp.ADDIN_MANIFEST + "?origin=http://localhost:8080"), 400, "invalid_parameter");
        });
    }

    @Test
    void taskPaneLoadsOfficeJsFromTheCdnByDefault() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get("/addin/taskpane.html");
            String html = r.body().string();
            assertEquals(200, r.code());
            assertTrue(r.header("Content-Type").replace(" ", "").equals("text/html;charset=utf-8"), r.header("Content-Type"));
            assertEquals("no-cache", r.header("Cache-Control"));
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertTrue(html.contains("<script src=\"" + AddinFiles.OFFICE_JS_CDN + "\"></script>"), html);
            assertTrue(html.contains("校验当前工作簿"));
            assertEquals(404, client.get("/addin/office-js/office.js").code());
        });
    }

    @Test
    void iconsAreCacheableImages() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            for (String icon : List.of("logo-16", "logo-32", "logo-64", "logo-80", "validate-80", "fill-16", "blank-32", "pane-80")) {
                Response r = client.get("/addin/assets/" + icon + ".png");
                byte[] png = r.body().bytes();
                assertEquals(200, r.code(), icon);
                assertEquals("image/png", r.header("Content-Type"));
                String cache = r.header("Cache-Control");
                assertTrue(cache.contains("max-age=86400") && !cache.contains("no-"), cache);
                assertEquals((byte) 0x89, png[0]);
                assertEquals('P', png[1]);
            }
        });
    }

    @Test
    void pathsOutsideTheAddinFolderAreNotServed() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            for (String p : List.of("/addin/%2e%2e/home.html", "/addin/..%2fhome.html",
                    "/addin/nothing.html", "/addin/assets/", "/addin/.hidden", "/addin/a//b")) {
                int code = client.get(p).code();
                assertTrue(code == 404 || code == 400, p + " → " + code);
            }
        });
    }

    @Test
    void localOfficeJsIsServedAndNamedInThePage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("office.js"), "/* office */");
        Files.createDirectories(dir.resolve("zh-cn"));
        Files.writeString(dir.resolve("zh-cn/office_strings.js"), "/* zh */");
        Files.writeString(dir.getParent().resolve("secret.txt"), "x");
        JavalinTest.test(HttpApp.create(CONFIG.withOfficeJsDir(dir)), (server, client) -> {
            String html = client.get("/addin/taskpane.html").body().string();
            assertTrue(html.contains("<script src=\"/addin/office-js/office.js\"></script>"), html);
            Response r = client.get("/addin/office-js/zh-cn/office_strings.js");
            assertEquals(200, r.code());
            assertEquals("/* zh */", r.body().string());
            assertTrue(r.header("Content-Type").startsWith("text/javascript"));
            assertEquals(404, client.get("/addin/office-js/../secret.txt").code());
            assertEquals(404, client.get("/addin/office-js/%2e%2e/secret.txt").code());
        });
    }

    // --- origins --------------------------------------------------------------------------------------------

    private static Response withOrigin(io.javalin.testtools.HttpClient client, String method, String path, String origin) {
        return client.request(path, b -> {
            b.header("Origin", origin);
            if (method.equals("POST")) {
                b.post(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), okhttp3.MediaType.get("application/json")));
            } else if (method.equals("OPTIONS")) {
                b.method("OPTIONS", null).header("Access-Control-Request-Method", "POST");
            }
        });
    }

    @Test
    void requestFromAnotherOriginIsNotServedAtAll() {
        JavalinTest.test(HttpApp.create(CONFIG.withAllowedOrigins(List.of("https://allowed.example"))), (server, client) -> {
            for (String origin : List.of("https://evil.example", "null", "http://allowed.example", "http://localhost:1")) {
                for (String method : List.of("GET", "POST", "OPTIONS")) {
                    String path = method.equals("GET") ? HttpApp.PROFILES : HttpApp.FILL;
                    Response r = withOrigin(client, method, path, origin);
                    assertEquals(403, r.code(), origin + " " + method);
                    assertEquals(0, r.body().bytes().length, origin + " " + method); // reading the body closes it
                    assertNull(r.header("Access-Control-Allow-Origin"));
                }
            }
        });
    }

    @Test
    void configuredOriginGetsCorsHeadersAndPreflight() {
        JavalinTest.test(HttpApp.create(CONFIG.withAllowedOrigins(List.of("https://allowed.example"))), (server, client) -> {
            Response pre = withOrigin(client, "OPTIONS", HttpApp.READ, "https://allowed.example");
            assertEquals(204, pre.code());
            assertEquals("https://allowed.example", pre.header("Access-Control-Allow-Origin"));
            assertTrue(pre.header("Access-Control-Allow-Methods").contains("POST"));
            Response get = withOrigin(client, "GET", HttpApp.PROFILES, "https://allowed.example");
            assertEquals(200, get.code());
            assertEquals("https://allowed.example", get.header("Access-Control-Allow-Origin"));
            assertEquals("Origin", get.header("Vary"));
        });
    }

    @Test
    void ownOriginAndRequestsWithoutOriginAreServed() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            assertEquals(200, withOrigin(client, "GET", HttpApp.PROFILES, "http://localhost:" + server.port()).code());
            assertEquals(200, withOrigin(client, "GET", HttpApp.PROFILES, "http://127.0.0.1:" + server.port()).code());
            assertEquals(403, withOrigin(client, "GET", HttpApp.PROFILES, "http://localhost:" + (server.port() + 1)).code());
            assertEquals(403, withOrigin(client, "GET", HttpApp.PROFILES, "http://rebound.example:" + server.port()).code());
            Response plain = client.get(HttpApp.PROFILES);
            assertEquals(200, plain.code());
            assertNull(plain.header("Access-Control-Allow-Origin"));
        });
    }

    @Test
    void refusedRequestDoesNotReachItsHandler() {
        // a blank workbook costs a fill; refused, the response is empty and comes back without one
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.request(HttpApp.BLANK + "?year=2024&unit=x", b -> b.header("Origin", "https://evil.example"));
            assertEquals(403, r.code());
            assertArrayEquals(new byte[0], r.body().bytes());
            assertFalse(r.header("Content-Type", "").contains("spreadsheet"));
        });
    }
}
