package cn.juesuan.http;

import cn.juesuan.archive.Archive;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import io.javalin.Javalin;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static cn.juesuan.http.HttpApiTest.assertError;
import static cn.juesuan.http.HttpApiTest.post;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Network safety: where the server may listen, the access token on /api, CORS refusals, security headers. */
class HttpSecurityTest {
    static final String TOKEN = "Zk3-q9_TestToken.0123456789";
    private static final ServerConfig CONFIG = ServerConfig.defaults(Fixtures.registry());
    private static final ServerConfig WITH_TOKEN = CONFIG.withAccessToken(TOKEN);
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);
    private static final Pattern SUGGESTED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String UNIT = "泸州市科技创新服务中心";

    // --- where the server listens ---------------------------------------------------------------------------

    @Test
    void loopbackAndWildcardAddresses() {
        for (String h : List.of("127.0.0.1", "127.0.0.2", "localhost", "::1", "[::1]", " 127.0.0.1 ")) {
            assertTrue(AccessToken.isLoopback(h), h);
        }
        for (String h : Stream.of("0.0.0.0", "::", "[::]", "10.1.2.3", "192.0.2.1", "2001:db8::1", "no-such-host.invalid", "", " ")
                .toList()) {
            assertFalse(AccessToken.isLoopback(h), h);
        }
        assertFalse(AccessToken.isLoopback(null));
    }

    @Test
    void startingOnANonLoopbackAddressWithoutATokenIsRefusedBeforeListening() throws IOException {
        int port = freePort();
        List<Consumer<Void>> starts = List.of(
                v -> HttpApp.create(CONFIG.withHost("0.0.0.0").withPort(port)).start(),
                v -> HttpApp.create(CONFIG).start("0.0.0.0", port),
                v -> HttpApp.create(CONFIG).start("::", port),
                v -> HttpApp.create(CONFIG.withHost("192.0.2.1").withPort(port)).start(),
                v -> HttpApp.create(CONFIG.withHost("no-such-host.invalid").withPort(port)).start());
        for (Consumer<Void> start : starts) {
            JuesuanException e = assertThrows(JuesuanException.class, () -> start.accept(null));
            assertEquals("token_required", e.code());
            assertTrue(e.getMessage().contains("拒绝启动") && e.getMessage().contains("--token"), e.getMessage());
            assertTrue(SUGGESTED.matcher(e.getMessage()).find(), e.getMessage());
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(), "nothing listens");
        }
    }

    @Test
    void aTokenLetsTheServerListenOnEveryInterfaceAndTheDefaultStartStaysOnLoopback() throws Exception {
        Javalin open = HttpApp.create(WITH_TOKEN).start("0.0.0.0", 0);
        try {
            assertEquals(200, get(open, HttpApp.PROFILES, TOKEN).code());
        } finally {
            open.stop();
        }
        Javalin local = HttpApp.create(CONFIG.withPort(0)).start(); // the config's host, not every interface
        try {
            String host = ((org.eclipse.jetty.server.NetworkConnector) local.jettyServer().server().getConnectors()[0]).getHost();
            assertEquals("127.0.0.1", host);
        } finally {
            local.stop();
        }
    }

    @Test
    void weakTokensAreRefusedWithASuggestionEvenOnLoopback() {
        for (String weak : List.of("short", "123456789012345", "a token with spaces 12345", "令牌令牌令牌令牌令牌令牌令牌令牌")) {
            JuesuanException e = assertThrows(JuesuanException.class,
                    () -> HttpApp.create(CONFIG.withAccessToken(weak).withPort(0)).start(), weak);
            assertEquals("weak_token", e.code(), weak);
            assertTrue(SUGGESTED.matcher(e.getMessage()).find(), e.getMessage());
        }
        String generated = AccessToken.generate();
        assertTrue(SUGGESTED.matcher(generated).matches(), generated);
        assertNotEquals(generated, AccessToken.generate());
        AccessToken.checkStrength(generated);
    }

    // --- the token on /api ----------------------------------------------------------------------------------

    @Test
    void everyApiRouteNeedsTheBearerToken() {
        HttpApp http = new HttpApp(WITH_TOKEN);
        JavalinTest.test(HttpApp.create(WITH_TOKEN), (server, client) -> {
            List<String> seen = new ArrayList<>();
            for (HttpApp.Route route : http.routes()) {
                if (!route.path().startsWith("/api/")) {
                    continue;
                }
                String method = route.method().name();
                Response none = call(client, method, route.path(), null);
                String body = assertUnauthorized(none, method + " " + route.path());
                for (String wrong : List.of("Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "Basic " + TOKEN, TOKEN,
                        "Bearer", "Bearer ", "Bearer " + TOKEN.toUpperCase())) {
                    assertEquals(body, assertUnauthorized(call(client, method, route.path(), wrong), wrong),
                            "a wrong token gets the same answer as none");
                }
                // after the upper-case variant on the same connection: Jetty's header cache must not mix them up
                int ok = call(client, method, route.path(), "Bearer " + TOKEN).code();
                assertNotEquals(401, ok, method + " " + route.path());
                assertNotEquals(401, call(client, method, route.path(), "bearer  " + TOKEN + " ").code(), "scheme in any case");
                seen.add(route.path());
            }
            assertTrue(seen.contains(HttpApp.ARCHIVE) && seen.contains(HttpApp.VALIDATE) && seen.size() >= 13, seen.toString());
            for (String method : List.of("PUT", "DELETE", "PATCH", "HEAD")) {
                assertEquals(401, call(client, method, HttpApp.PROFILES, null).code(), method);
            }
            assertUnauthorized(client.get("/api/nothing"), "unknown api path");
            assertEquals(404, call(client, "GET", "/api/nothing", "Bearer " + TOKEN).code());
        });
    }

    /** Routing matches the raw path as the token check does; /api/profiles/ (routed like /api/profiles) gets 401. */
    @Test
    void unusualSpellingsOfAnApiPathDoNotGetPastTheToken() throws IOException {
        Javalin app = HttpApp.create(WITH_TOKEN.withPort(0)).start();
        try {
            for (String target : List.of("/addin/../api/profiles", "/addin/%2e%2e/api/profiles", "//api/profiles", "/./api/profiles",
                    "/api/./profiles", "/api//profiles", "/%61pi/profiles", "/api/%70rofiles", "/API/profiles", "/api/profiles/",
                    "/api/profiles;x=1", "/addin/..%2Fapi/profiles", "/health/../api/profiles")) {
                String status = rawGet(app.port(), target);
                assertFalse(status.contains(" 200 "), target + " → " + status);
            }
            assertTrue(rawGet(app.port(), "/api/profiles").contains(" 401 "));
        } finally {
            app.stop();
        }
    }

    /** The status line of a GET sent as written (HTTP clients would tidy the path first). */
    static String rawGet(int port, String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, Math.max(0, response.indexOf("\r\n")));
        }
    }

    @Test
    void healthHomeOpenApiAndTheAddinFilesStayPublic() {
        JavalinTest.test(HttpApp.create(WITH_TOKEN), (server, client) -> {
            for (String path : List.of(HttpApp.HEALTH, HttpApp.HOME, HttpApp.OPENAPI, "/addin/taskpane.html", "/addin/help.html",
                    "/addin/taskpane.js", "/addin/assets/logo-32.png", HttpApp.ADDIN_MANIFEST + "?origin=https://juesuan.example:8443")) {
                assertEquals(200, client.get(path).code(), path);
            }
        });
    }

    @Test
    void theArchiveCannotBeReadOrWrittenWithoutTheToken(@TempDir Path root) {
        Archive archive = new Archive(root.resolve("archive"));
        byte[] last = new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_000));
        archive.store(UNIT, null, 2020, last);
        String unit = URLEncoder.encode(UNIT, StandardCharsets.UTF_8);
        JavalinTest.test(HttpApp.create(WITH_TOKEN, archive), (server, client) -> {
            assertUnauthorized(client.get(HttpApp.ARCHIVE), "list");
            assertUnauthorized(client.get(HttpApp.ARCHIVE + "?unit=" + unit + "&year=2020"), "get");
            assertUnauthorized(post(client, HttpApp.ARCHIVE, last, XLSX), "store");
            assertUnauthorized(post(client, HttpApp.CARRY_FORWARD + "?unit=" + unit + "&year=2021", new byte[0], XLSX), "carry");
            assertUnauthorized(post(client, HttpApp.VALIDATE + "?previous=archive", last, XLSX), "previous");
            assertUnauthorized(client.request(HttpApp.ARCHIVE, b -> b.header("Authorization", "Bearer wrong-token-000000000")
                    .post(RequestBody.create(new Filler(Fixtures.registry()).blank("sichuan-2020", 2021, "另一个单位", null), XLSX))),
                    "store with a wrong token");
            assertEquals(1, archive.list(null, null).size(), "nothing was stored");

            Response r = call(client, "GET", HttpApp.ARCHIVE + "?unit=" + unit + "&year=2020", "Bearer " + TOKEN);
            assertEquals(200, r.code());
            assertArrayEquals(last, r.body().bytes());
        });
    }

    @Test
    void noArchiveParameterLeadsOutOfTheArchive(@TempDir Path root) throws IOException {
        Archive archive = new Archive(root.resolve("archive"));
        Filler filler = new Filler(Fixtures.registry());
        byte[] last = filler.fill(Fixtures.seed(Fixtures.SEED_000));
        archive.store(UNIT, null, 2020, last);
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.write(outside.resolve("2020.xlsx"), last);
        Files.writeString(outside.resolve("unit.json"), "{\"name\":\"外单位\"}");
        JavalinTest.test(HttpApp.create(CONFIG, archive), (server, client) -> {
            // unit and year as query parameters: raw, URL-encoded, double-encoded, Windows separators, NUL, absolute
            for (String unit : List.of("../outside", "..%2Foutside", "%2e%2e%2foutside", "..%5Coutside", "..%5C..%5Cwindows",
                    "%2Fetc%2Fpasswd", "C:%5CWindows", "%00", "..%00", "%0A..")) {
                assertError(client.get(HttpApp.ARCHIVE + "?unit=" + unit + "&year=2020"), 400, "bad_unit");
                assertError(client.get(HttpApp.ARCHIVE + "?unit=" + unit), 400, "bad_unit");
                assertError(post(client, HttpApp.CARRY_FORWARD + "?unit=" + unit + "&year=2021", new byte[0], XLSX), 400, "bad_unit");
            }
            assertError(client.get(HttpApp.ARCHIVE + "?unit=%252e%252e%252foutside&year=2020"), 404, "not_archived");
            for (String year : List.of("..%2F2020", "2020%00", "2020.xlsx", "%2Fetc", "-1")) {
                Response r = client.get(HttpApp.ARCHIVE + "?unit=" + URLEncoder.encode(UNIT, StandardCharsets.UTF_8) + "&year=" + year);
                assertEquals(400, r.code(), year);
            }
            // the unit named in an uploaded workbook's header
            assertError(post(client, HttpApp.ARCHIVE, filler.blank("sichuan-2020", 2020, "../../outside", null), XLSX), 400, "bad_unit");
            assertError(post(client, HttpApp.ARCHIVE, filler.blank("sichuan-2020", 2020, "..\\..\\outside", null), XLSX), 400, "bad_unit");
            assertError(post(client, HttpApp.VALIDATE + "?previous=archive", filler.blank("sichuan-2020", 2021, "../outside", null), XLSX),
                    400, "bad_unit");
            Response odd = post(client, HttpApp.ARCHIVE, filler.blank("sichuan-2020", 2020, "．．／．．／outside", null), XLSX);
            assertEquals(201, odd.code(), odd.body().string());

            // a unit folder linked out of the archive is refused, not followed
            Path linked;
            try (Stream<Path> dirs = Files.list(archive.root())) {
                linked = dirs.filter(d -> d.getFileName().toString().startsWith(UNIT)).findFirst().orElseThrow();
            }
            Path moved = Files.move(linked, root.resolve("moved"));
            Files.createSymbolicLink(linked, outside);
            assertError(client.get(HttpApp.ARCHIVE + "?unit=" + URLEncoder.encode(UNIT, StandardCharsets.UTF_8) + "&year=2020"),
                    403, "archive_link");
            assertError(post(client, HttpApp.ARCHIVE, last, XLSX), 403, "archive_link");
            assertEquals(List.of("2020.xlsx", "unit.json"), names(outside));
            assertEquals(List.of("2020.xlsx", "unit.json"), names(moved));
        });
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).forEach(f -> assertTrue(f.startsWith(archive.root()) || f.startsWith(root.resolve("outside"))
                    || f.startsWith(root.resolve("moved")), f.toString()));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @Test
    void aTokenOnLoopbackIsEnforcedToo() {
        JavalinTest.test(HttpApp.create(WITH_TOKEN.withHost("127.0.0.1")), (server, client) ->
                assertUnauthorized(client.get(HttpApp.PROFILES), "loopback"));
    }

    @Test
    void openApiDocumentsTheTokenOnEveryApiOperationOnly() throws IOException {
        com.fasterxml.jackson.databind.JsonNode api;
        try (var in = HttpSecurityTest.class.getResourceAsStream("/openapi.json")) {
            api = cn.juesuan.model.Json.MAPPER.readTree(in);
        }
        assertEquals("bearer", api.at("/components/securitySchemes/bearerAuth/scheme").asText());
        int operations = 0;
        for (var path = api.get("paths").fields(); path.hasNext(); ) {
            var p = path.next();
            for (var op = p.getValue().fields(); op.hasNext(); ) {
                var o = op.next();
                String what = o.getKey() + " " + p.getKey();
                boolean isApi = p.getKey().startsWith("/api/");
                assertEquals(isApi, o.getValue().path("responses").has("401"), what);
                assertEquals(isApi, o.getValue().path("security").toString().contains("bearerAuth"), what);
                operations += isApi ? 1 : 0;
            }
        }
        assertEquals(13, operations);
    }

    @Test
    void tokenMatchingIsExact() {
        AccessToken t = AccessToken.of(WITH_TOKEN);
        assertTrue(t.matches("Bearer " + TOKEN));
        assertTrue(t.matches("BEARER " + TOKEN));
        for (String wrong : new String[]{null, "", "Bearer", "Bearer" + TOKEN, "Bearer " + TOKEN + "\u0000", "Token " + TOKEN,
                "Bearer " + TOKEN.substring(0, TOKEN.length() - 1)}) {
            assertFalse(t.matches(wrong), String.valueOf(wrong));
        }
        assertNull(AccessToken.of(CONFIG));
    }

    // --- CORS -----------------------------------------------------------------------------------------------

    @Test
    void aDisallowedOriginGetsAnEmpty403OnEveryRouteBeforeTheTokenIsAsked() {
        for (ServerConfig config : List.of(CONFIG, WITH_TOKEN)) {
            ServerConfig c = config.withAllowedOrigins(List.of("https://allowed.example"));
            JavalinTest.test(HttpApp.create(c), (server, client) -> {
                List<String> paths = new ArrayList<>();
                new HttpApp(c).routes().forEach(r -> paths.add(r.method().name() + " " + r.path().replace("<path>", "taskpane.html")));
                paths.add("GET /api/nothing");
                for (String route : paths) {
                    String method = route.substring(0, route.indexOf(' '));
                    String path = route.substring(route.indexOf(' ') + 1);
                    for (String m : List.of(method, "OPTIONS")) {
                        Response r = client.request(path, b -> {
                            b.header("Origin", "https://evil.example").header("Authorization", "Bearer " + TOKEN);
                            b.method(m, m.equals("POST") ? RequestBody.create(new byte[]{'{', '}'}, MediaType.get("application/json")) : null);
                            if (m.equals("OPTIONS")) {
                                b.header("Access-Control-Request-Method", method).header("Access-Control-Request-Headers", "authorization");
                            }
                        });
                        assertEquals(403, r.code(), m + " " + path);
                        assertEquals(0, r.body().bytes().length, m + " " + path);
                        assertNull(r.header("Access-Control-Allow-Origin"), m + " " + path);
                    }
                }
                // an allowed origin may ask (preflight) without the token, and must then send it
                Response pre = client.request(HttpApp.VALIDATE, b -> b.method("OPTIONS", null).header("Origin", "https://allowed.example")
                        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization"));
                assertEquals(204, pre.code());
                assertTrue(pre.header("Access-Control-Allow-Headers").contains("Authorization"));
                Response get = client.request(HttpApp.PROFILES, b -> b.header("Origin", "https://allowed.example"));
                assertEquals(c.accessToken() == null ? 200 : 401, get.code());
                assertEquals("https://allowed.example", get.header("Access-Control-Allow-Origin"));
            });
        }
    }

    // --- headers --------------------------------------------------------------------------------------------

    @Test
    void securityHeadersByPath() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            for (String path : List.of("/addin/taskpane.html", "/addin/help.html", "/addin/taskpane.js", "/addin/assets/logo-16.png",
                    HttpApp.ADDIN_MANIFEST + "?origin=https://juesuan.example:8443", "/addin/nothing.html")) {
                Response r = client.get(path);
                common(r, path);
                assertNull(r.header("X-Frame-Options"), "Office frames the pane: " + path);
                String csp = r.header("Content-Security-Policy");
                assertFalse(csp.contains("frame-ancestors"), csp);
                assertTrue(csp.contains("script-src 'self' https://appsforoffice.microsoft.com;"), csp);
                assertFalse(directive(csp, "script-src").contains("unsafe"), csp);
                assertTrue(csp.contains("object-src 'none'") && csp.contains("base-uri 'none'"), csp);
            }
            Response home = client.get(HttpApp.HOME);
            common(home, "/");
            assertEquals("DENY", home.header("X-Frame-Options"));
            assertTrue(home.header("Content-Security-Policy").startsWith("default-src 'none';"), "no scripts at all");
            assertTrue(home.header("Content-Security-Policy").contains("frame-ancestors 'none'"));

            Response blank = client.get(HttpApp.BLANK + "?year=2024&unit=x");
            assertEquals(200, blank.code());
            for (Response r : List.of(client.get(HttpApp.PROFILES), blank, client.get(HttpApp.BLANK + "?year=abc&unit=x"),
                    client.get("/api/nothing"), post(client, HttpApp.READ, new byte[]{'P', 'K'}, XLSX))) {
                String what = r.request().url().encodedPath() + " " + r.code();
                common(r, what);
                assertEquals("no-store", r.header("Cache-Control"), what);
                assertEquals("DENY", r.header("X-Frame-Options"), what);
                assertTrue(r.header("Content-Security-Policy").contains("frame-ancestors 'none'"), what);
            }
            for (String path : List.of(HttpApp.HEALTH, HttpApp.OPENAPI)) {
                common(client.get(path), path);
            }
        });
        JavalinTest.test(HttpApp.create(WITH_TOKEN), (server, client) -> {
            Response denied = client.get(HttpApp.PROFILES);
            assertEquals(401, denied.code());
            common(denied, "401");
            assertEquals("no-store", denied.header("Cache-Control"));
        });
    }

    @Test
    void withALocalOfficeJsThePaneLoadsScriptsOnlyFromThisServer(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("office.js"), "/* office */");
        JavalinTest.test(HttpApp.create(CONFIG.withOfficeJsDir(dir)), (server, client) -> {
            String csp = client.get("/addin/taskpane.html").header("Content-Security-Policy");
            assertEquals("'self'", directive(csp, "script-src"), csp);
            assertFalse(csp.contains("microsoft.com"), csp);
        });
    }

    @Test
    void pagesHaveNoInlineScripts() throws IOException {
        for (String page : List.of("/home.html", "/addin/taskpane.html", "/addin/help.html")) {
            String html;
            try (var in = HttpSecurityTest.class.getResourceAsStream(page)) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var scripts = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE).matcher(html);
            while (scripts.find()) {
                assertTrue(scripts.group(1).contains("src="), page + ": " + scripts.group());
            }
            assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(), page + ": event attribute");
            assertFalse(html.toLowerCase().contains("javascript:"), page);
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    static void common(Response r, String what) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", r.header("Referrer-Policy"), what);
        assertTrue(r.header("Content-Security-Policy") != null, what);
    }

    static String directive(String csp, String name) {
        for (String d : csp.split(";")) {
            String s = d.strip();
            if (s.startsWith(name + " ")) {
                return s.substring(name.length() + 1);
            }
        }
        return "";
    }

    /** 401 JSON {code, message} in Chinese with WWW-Authenticate: Bearer; returns the body. */
    static String assertUnauthorized(Response r, String what) throws IOException {
        assertTrue(r.header("WWW-Authenticate", "").startsWith("Bearer"), what);
        String body = r.peekBody(1 << 16).string();
        assertError(r, 401, "unauthorized");
        assertTrue(body.contains("访问令牌"), body);
        return body;
    }

    static Response call(HttpClient client, String method, String path, String authorization) {
        return client.request(path, b -> {
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            b.method(method, method.equals("POST") || method.equals("PUT") || method.equals("PATCH")
                    ? RequestBody.create(new byte[0], MediaType.get("application/json")) : null);
        });
    }

    static Response get(Javalin app, String path, String token) throws IOException {
        okhttp3.OkHttpClient c = new okhttp3.OkHttpClient();
        return c.newCall(new Request.Builder().url("http://127.0.0.1:" + app.port() + path)
                .header("Authorization", "Bearer " + token).build()).execute();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
