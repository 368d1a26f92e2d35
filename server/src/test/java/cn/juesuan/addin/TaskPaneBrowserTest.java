package cn.juesuan.addin;

import cn.juesuan.http.HttpApp;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.template.Filler;
import cn.juesuan.support.Fixtures;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task pane in headless Chromium: 生成空白表, errors in Chinese, outside Excel (see PaneHarness). */
class TaskPaneBrowserTest extends PaneHarness {
    // --- 生成空白表 ------------------------------------------------------------------------------------------

    @Test
    void blankOpensANewWorkbookWithTheChosenProfileYearAndUnit() throws IOException {
        Page page = open(excelWith(null, Map.of("ExcelApi", "1.9")), "?action=blank&_host_Info=Excel$Win32$16.01$zh-CN");
        assertTrue(page.isVisible("#panel-blank"));
        assertFalse(page.isVisible("#panel-validate"));
        waitFor(page, "document.querySelectorAll('#blank-profile option').length > 3");
        page.fill("#blank-year", "2023");
        page.fill("#blank-unit", UNIT);
        page.fill("#blank-unit-code", "510900001");
        page.selectOption("#blank-profile", "national-9");
        page.click("#blank");
        waitFor(page, "window.__officeCalls.some(function (c) { return c.op === 'createWorkbook'; })");
        waitIdle(page);
        List<Map<String, Object>> created = calls(page, op("createWorkbook"));
        assertEquals(1, created.size());
        byte[] xlsx = Base64.getDecoder().decode((String) created.get(0).get("base64"));
        ReadResult r = new WorkbookReader(Fixtures.registry()).read(xlsx, null);
        assertEquals("national-9", r.data().profile());
        assertEquals(2023, r.data().year());
        assertEquals(UNIT, r.data().unit().name());
        assertEquals("510900001", r.data().unit().code());
        assertTrue(page.textContent("#blank-result").contains("已在新窗口打开"), page.textContent("#blank-result"));
    }

    @Test
    void blankIsDownloadedWhereExcelCannotCreateWorkbooks() throws IOException {
        Page page = open(excelWith(null, Map.of("ExcelApi", "1.7")), "?action=blank");
        page.fill("#blank-year", "2024");
        page.fill("#blank-unit", UNIT);
        Download d = page.waitForDownload(() -> page.click("#blank"));
        assertEquals(UNIT + "2024年度部门决算（空表）.xlsx", d.suggestedFilename());
        ReportData data = new WorkbookReader(Fixtures.registry()).read(Files.readAllBytes(d.path()), null).data();
        assertEquals(2024, data.year());
        assertEquals("sichuan-2024", data.profile()); // chosen by year on the server
        assertTrue(calls(page, op("createWorkbook")).isEmpty());
    }

    @Test
    void blankChecksItsInputAndExplainsAnUnreachableServer() throws IOException {
        Page page = open(excelWith(null, Map.of("ExcelApi", "1.9")), "?action=blank");
        page.fill("#blank-year", "20");
        page.fill("#blank-unit", UNIT);
        page.click("#blank");
        assertTrue(page.textContent("#error").contains("四位数的决算年度"), page.textContent("#error"));
        page.fill("#blank-year", "2024");
        page.route("**/api/templates/blank**", Route::abort);
        page.click("#blank");
        waitFor(page, "!document.getElementById('error').hidden && document.getElementById('error').textContent.indexOf('无法连接') >= 0");
        assertTrue(page.textContent("#error").contains("证书"), page.textContent("#error"));
        waitIdle(page);
        assertTrue(calls(page, op("createWorkbook")).isEmpty());
    }

    @Test
    void outsideExcelThePaneOffersAFileAndSaysWhatNeedsExcel() throws IOException {
        Map<String, Object> fake = new LinkedHashMap<>();
        fake.put("host", null);
        Page page = open(fake, "");
        assertEquals("浏览器模式", page.textContent("#mode"));
        assertFalse(page.isVisible("#validate"));
        assertTrue(page.isVisible("#validate-file-label"));
        assertTrue(page.textContent("#notice").contains("需在 Excel"), page.textContent("#notice"));
    }

    @Test
    void aWorkbookOverTheServersLimitIsExplained() throws Exception {
        Javalin small = HttpApp.create(ServerConfig.defaults(Fixtures.registry()).withMaxRequestBytes(4096)).start("127.0.0.1", 0);
        String saved = base;
        try {
            base = "http://127.0.0.1:" + small.port();
            byte[] blank = new Filler(Fixtures.registry()).blank("sichuan-2024", 2024, UNIT, null);
            Page page = open(excelWith(blank, Map.of("ExcelApi", "1.9", "CompressedFile", true)), "?action=fill");
            page.click("#fill");
            waitFor(page, "!document.getElementById('error').hidden");
            String error = page.textContent("#error");
            assertTrue(error.contains("工作簿太大") && error.contains("4096"), error);
            waitIdle(page);
            assertTrue(page.isEnabled("#fill"));
        } finally {
            base = saved;
            small.stop();
        }
    }

    @Test
    void serverErrorsAreShownInChinese() throws IOException {
        Page page = open(excelWith(null, Map.of("ExcelApi", "1.9")), "?action=blank");
        page.evaluate("var o = document.createElement('option'); o.value = 'no-such-profile'; o.text = 'x';"
                + "document.getElementById('blank-profile').appendChild(o);");
        page.fill("#blank-year", "2024");
        page.fill("#blank-unit", UNIT);
        page.selectOption("#blank-profile", "no-such-profile");
        page.click("#blank");
        waitFor(page, "!document.getElementById('error').hidden");
        String error = page.textContent("#error");
        assertTrue(error.contains("no-such-profile") && error.contains("表样"), error);
    }

}
