package cn.juesuan.addin;

import cn.juesuan.http.HttpApp;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.model.Json;
import cn.juesuan.support.Fixtures;
import cn.juesuan.support.UsedRanges;
import com.fasterxml.jackson.core.type.TypeReference;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Harness for the real task pane in headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the real server,
 * with a fake office.js (src/test/resources/addin/fake-office.js) that records the Excel calls. Only 127.0.0.1 is
 * reached: every other request, the office.js CDN included, is answered or aborted by the test.
 */
abstract class PaneHarness {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("server/target/screenshots");
    static final String UNIT = "遂宁市科学技术局";

    static Javalin app;
    static String base;
    static Playwright playwright;
    static Browser browser;
    static String fakeOffice;
    BrowserContext context;

    @BeforeAll
    static void start() throws IOException {
        // no skip: CI installs Debian's chromium (.ci/run)
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " missing: apt-get install chromium");
        try (InputStream in = PaneHarness.class.getResourceAsStream("/addin/fake-office.js")) {
            fakeOffice = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        app = HttpApp.create(ServerConfig.defaults(Fixtures.registry()).withPort(0)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    /** Every page the test opened ran under the pane's Content-Security-Policy without a violation. */
    @AfterEach
    void closeContext() {
        if (context != null) {
            try {
                for (Page p : context.pages()) {
                    assertEquals("[]", p.evaluate("JSON.stringify(window.__cspViolations || [])"), "CSP violations in " + p.url());
                }
            } finally {
                context.close();
            }
        }
    }

    /** The pane at /addin/taskpane.html + query, with the fake office.js configured by fake (window.__fakeOffice). */
    Page open(Map<String, Object> fake, String query) throws IOException {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(400, 1100).setLocale("zh-CN")
                .setAcceptDownloads(true));
        context.route(url -> !url.startsWith(base + "/"), Route::abort); // nothing leaves the machine
        context.route("**/office.js", r -> r.fulfill(new Route.FulfillOptions().setStatus(200)
                .setContentType("text/javascript; charset=utf-8").setBody(fakeOffice)));
        context.addInitScript("window.__fakeOffice = " + Json.MAPPER.writeValueAsString(fake) + ";"
                + "window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation', function (e) {"
                + "  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });");
        Page page = context.newPage();
        page.navigate(base + "/addin/taskpane.html" + query);
        waitFor(page, "document.querySelector('.tabs button.active') !== null");
        return page;
    }

    static Map<String, Object> excelWith(byte[] xlsx, Map<String, Object> sets) {
        Map<String, Object> fake = new LinkedHashMap<>();
        fake.put("sets", sets);
        if (xlsx != null) {
            fake.put("fileBase64", Base64.getEncoder().encodeToString(xlsx));
            fake.put("sheets", UsedRanges.of(xlsx));
        }
        return fake;
    }

    static List<Map<String, Object>> calls(Page page) throws IOException {
        String json = (String) page.evaluate("JSON.stringify(window.__officeCalls)");
        return Json.MAPPER.readValue(json, new TypeReference<>() {
        });
    }

    static List<Map<String, Object>> calls(Page page, Predicate<Map<String, Object>> which) throws IOException {
        return calls(page).stream().filter(which).toList();
    }

    static Predicate<Map<String, Object>> op(String name) {
        return c -> name.equals(c.get("op"));
    }

    static void waitIdle(Page page) {
        waitFor(page, "document.getElementById('busy').hidden");
    }

    /**
     * Waits until the expression is true in the page. Polls with evaluate: Playwright's waitForFunction builds its
     * predicate with eval, which the pane's Content-Security-Policy forbids, as it should.
     */
    static void waitFor(Page page, String expression) {
        long end = System.nanoTime() + 30_000_000_000L;
        while (!Boolean.TRUE.equals(page.evaluate("!!(" + expression + ")"))) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + expression);
            }
            page.waitForTimeout(20);
        }
    }

    static List<String> texts(Page page, String selector) {
        List<String> out = new ArrayList<>();
        for (var h : page.querySelectorAll(selector)) {
            out.add(h.textContent().strip());
        }
        return out;
    }
}
