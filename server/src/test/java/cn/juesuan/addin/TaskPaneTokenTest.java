package cn.juesuan.addin;

import cn.juesuan.http.HttpApp;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.model.Json;
import cn.juesuan.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task pane against a server with an access token: asked once in the pane, kept, sent, changed, forgotten. */
class TaskPaneTokenTest extends PaneHarness {
    static final String TOKEN = "pane-Token_0123456789abcdef";
    static Javalin guarded;
    static String guardedBase;
    static TaskPaneValidateTest.KnownErrors known;

    @BeforeAll
    static void startGuarded() throws Exception {
        guarded = HttpApp.create(ServerConfig.defaults(Fixtures.registry()).withAccessToken(TOKEN)).start("127.0.0.1", 0);
        guardedBase = "http://127.0.0.1:" + guarded.port();
        known = TaskPaneValidateTest.workbookWithKnownErrors();
    }

    @AfterAll
    static void stopGuarded() {
        if (guarded != null) {
            guarded.stop();
        }
    }

    String savedBase;

    /** The pane on the guarded server (for the rest of the test), in Excel with the workbook with known errors. */
    Page openGuarded(Map<String, Object> extra) throws Exception {
        savedBase = base;
        base = guardedBase; // the harness lets the page reach base only
        Map<String, Object> fake = excelWith(known.xlsx(), Map.of("ExcelApi", "1.9", "CompressedFile", true));
        fake.putAll(extra);
        return open(fake, "");
    }

    @AfterEach
    void restoreBase() {
        if (savedBase != null) {
            base = savedBase;
        }
    }

    static int findingsOnTheServer() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(guardedBase + HttpApp.VALIDATE))
                .header("Content-Type", HttpApp.XLSX).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(known.xlsx())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = Json.MAPPER.readTree(r.body());
        return report.get("findings").size();
    }

    static void validate(Page page, int expected) {
        page.click("#validate");
        waitFor(page, "!document.getElementById('result').hidden || !document.getElementById('error').hidden");
        waitIdle(page);
        assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
        assertEquals(expected, page.querySelectorAll("#findings li.finding").size());
    }

    @Test
    void thePaneAsksOnceKeepsTheTokenAndValidates() throws Exception {
        int expected = findingsOnTheServer();
        assertTrue(expected >= 2, "the workbook has known errors");
        Page page = openGuarded(Map.of());
        waitFor(page, "!document.getElementById('token-box').hidden");
        assertTrue(page.textContent("#token-text").contains("要求访问令牌"), page.textContent("#token-text"));
        assertTrue(page.textContent("#error").contains("访问令牌"), page.textContent("#error"));
        assertFalse(page.isVisible("#token-forget"));

        page.fill("#token-input", "  " + TOKEN + " ");
        page.click("#token-save");
        waitFor(page, "document.querySelectorAll('#blank-profile option').length > 1");
        assertTrue(page.isHidden("#token-box"));
        assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
        assertTrue(page.textContent("#notice").contains("已保存访问令牌"), page.textContent("#notice"));
        assertEquals(TOKEN, page.evaluate("localStorage.getItem('juesuan.accessToken')"));
        validate(page, expected);

        List<String> sent = new ArrayList<>();
        page.onRequest(r -> {
            if (r.url().contains("/api/")) {
                sent.add(r.headerValue("authorization"));
            }
        });
        page.reload();
        waitFor(page, "document.querySelectorAll('#blank-profile option').length > 1");
        assertTrue(page.isHidden("#token-box"), "asked only once");
        assertTrue(page.isVisible("#token-change"));
        validate(page, expected);
        assertTrue(sent.size() >= 2 && sent.stream().allMatch(("Bearer " + TOKEN)::equals), sent.toString());
    }

    @Test
    void aWrongTokenIsSaidToBeWrongAndCanBeChangedOrForgotten() throws Exception {
        Page page = openGuarded(Map.of());
        waitFor(page, "!document.getElementById('token-box').hidden");
        page.fill("#token-input", "wrong-token-0123456789");
        page.click("#token-save");
        waitFor(page, "document.getElementById('token-text').textContent.indexOf('不正确') >= 0");
        assertTrue(page.isVisible("#token-box"));
        assertTrue(page.textContent("#error").contains("访问令牌不正确"), page.textContent("#error"));
        page.click("#validate");
        waitFor(page, "!document.getElementById('error').hidden");
        waitIdle(page);
        assertTrue(page.textContent("#error").contains("访问令牌不正确"), page.textContent("#error"));
        assertTrue(page.isHidden("#result"));

        page.fill("#token-input", TOKEN);
        page.press("#token-input", "Enter");
        waitFor(page, "document.querySelectorAll('#blank-profile option').length > 1");
        validate(page, findingsOnTheServer());

        page.click("#token-change");
        assertTrue(page.isVisible("#token-box") && page.isVisible("#token-forget"));
        page.click("#token-forget");
        assertNull(page.evaluate("localStorage.getItem('juesuan.accessToken')"));
        assertTrue(page.isHidden("#token-change"));
        page.reload();
        waitFor(page, "!document.getElementById('token-box').hidden");
        assertTrue(page.textContent("#token-text").contains("要求访问令牌"));
    }

    @Test
    void whereOfficePartitionsStorageTheTokenIsKeptUnderThePartitionKey() throws Exception {
        Page page = openGuarded(Map.of("partitionKey", "pk-excel.cloud.microsoft:"));
        waitFor(page, "!document.getElementById('token-box').hidden");
        page.fill("#token-input", TOKEN);
        page.click("#token-save");
        waitFor(page, "document.querySelectorAll('#blank-profile option').length > 1");
        assertEquals(TOKEN, page.evaluate("localStorage.getItem('pk-excel.cloud.microsoft:juesuan.accessToken')"));
        assertNull(page.evaluate("localStorage.getItem('juesuan.accessToken')"));
    }

    @Test
    void withoutATokenOnTheServerThePaneIsAsBeforeAndInlineScriptsAreBlocked() throws Exception {
        List<String> sent = new ArrayList<>();
        Page page = open(excelWith(known.xlsx(), Map.of("ExcelApi", "1.9", "CompressedFile", true)), "");
        page.onRequest(r -> {
            if (r.url().contains("/api/")) {
                sent.add(String.valueOf(r.headerValue("authorization")));
            }
        });
        waitFor(page, "document.querySelectorAll('#blank-profile option').length > 1");
        page.click("#validate");
        waitFor(page, "!document.getElementById('result').hidden || !document.getElementById('error').hidden");
        waitIdle(page);
        assertTrue(page.isHidden("#error"), () -> page.textContent("#error"));
        assertTrue(page.isHidden("#token-box") && page.isHidden("#token-change"));
        assertEquals(List.of("null"), sent);

        // the pane's CSP blocks an injected inline script, and the harness sees the violation
        page.evaluate("var s = document.createElement('script'); s.textContent = 'window.__inline = 1;'; document.body.appendChild(s);");
        waitFor(page, "window.__cspViolations.length > 0");
        assertNull(page.evaluate("window.__inline"));
        assertTrue(String.valueOf(page.evaluate("window.__cspViolations[0]")).startsWith("script-src"),
                String.valueOf(page.evaluate("window.__cspViolations[0]")));
        page.evaluate("window.__cspViolations = [];");
    }
}
