package cn.juesuan.http;

import cn.juesuan.model.Json;
import cn.juesuan.support.BadInputs;
import cn.juesuan.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.Response;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static cn.juesuan.http.HttpApiTest.assertError;
import static cn.juesuan.http.HttpApiTest.post;
import static cn.juesuan.http.HttpBadInputTest.assertHealthy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits of ServerConfig.Limits, made small: cells read, time per request, requests at once. */
class HttpLimitsTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults(Fixtures.registry());
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);
    private static final MediaType JSON = MediaType.get("application/json");

    /**
     * The valid workbook with count amount cells (numbers or blanks below the headers) given a formula that makes
     * POI visit about a million empty cells (about 0.25 s each here): a small upload that is slow to read.
     */
    static byte[] slowWorkbook(int count) {
        return slowWorkbook(count, "COUNTBLANK($AA$1:$BA$40000)");
    }

    static byte[] slowWorkbook(int count, String formula) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(BadInputs.valid()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int done = 0;
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        if (done < count && r.getRowNum() >= 6 && c.getColumnIndex() >= 2
                                && (c.getCellType() == CellType.NUMERIC || c.getCellType() == CellType.BLANK)) {
                            c.setCellFormula(formula);
                            done++;
                        }
                    }
                }
            }
            assertEquals(count, done, "amount cells to slow down");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Request workers still working (not idle in the pool). */
    static List<Thread> busyWorkers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("juesuan-work-") && t.getState() == Thread.State.RUNNABLE).toList();
    }

    static void awaitNoBusyWorkers(Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!busyWorkers().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), busyWorkers(), "no request worker left running");
    }

    @Test
    void cellsOverTheLimitAre413NamingTheLimit() {
        ServerConfig small = CONFIG.withLimits(CONFIG.limits().withMaxCells(100));
        JavalinTest.test(HttpApp.create(small), (server, client) -> {
            JsonNode j = assertError(post(client, HttpApp.VALIDATE, BadInputs.valid(), XLSX), 413, "too_many_cells");
            assertTrue(j.get("message").asText().contains("100 个") && j.get("message").asText().contains("--max-cells"), j.toString());
            byte[] data = Json.MAPPER.writeValueAsBytes(Fixtures.seed(Fixtures.SEED_004));
            assertError(post(client, HttpApp.FILL, data, JSON), 413, "too_many_cells");
            String values = "{\"sheets\":[{\"name\":\"表1\",\"address\":\"A1\",\"values\":[" + "[1,2,3,4,5,6,7,8,9,10],".repeat(200) + "[1]]}]}";
            assertError(post(client, HttpApp.VALIDATE, values.getBytes(StandardCharsets.UTF_8), JSON), 413, "too_many_cells");
            assertHealthy(client);
        });
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            try (Response r = post(client, HttpApp.VALIDATE, BadInputs.valid(), XLSX)) {
                assertEquals(200, r.code(), "the default limit lets a normal workbook through");
            }
        });
    }

    /** A request that would take about 15 s is answered 504 at the 1 s limit, and its worker stops soon after. */
    @Test
    void aSlowRequestIsStoppedAtTheTimeLimit() {
        byte[] slow = slowWorkbook(60);
        ServerConfig oneSecond = CONFIG.withLimits(CONFIG.limits().withRequestTimeout(Duration.ofSeconds(1)));
        JavalinTest.test(HttpApp.create(oneSecond), (server, client) -> {
            long t0 = System.nanoTime();
            JsonNode j = assertError(post(client, HttpApp.VALIDATE, slow, XLSX), 504, "timeout");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 4000, "answered after " + ms + " ms");
            assertTrue(j.get("message").asText().contains("1 秒") && j.get("message").asText().contains("--request-timeout"), j.toString());
            awaitNoBusyWorkers(Duration.ofSeconds(3));
            assertHealthy(client);
            try (Response r = post(client, HttpApp.READ, BadInputs.valid(), XLSX)) {
                assertEquals(200, r.code(), "the next request is served");
            }
        });
    }

    /** One formula that would visit 16 billion cells (hours in POI) is stopped inside the formula at the time limit. */
    @Test
    void oneHugeFormulaIsStoppedInsideTheFormula() {
        byte[] huge = slowWorkbook(1, "COUNTBLANK($A$1:$XFC$1000000)");
        ServerConfig oneSecond = CONFIG.withLimits(CONFIG.limits().withRequestTimeout(Duration.ofSeconds(1)));
        JavalinTest.test(HttpApp.create(oneSecond), (server, client) -> {
            assertError(post(client, HttpApp.VALIDATE, huge, XLSX), 504, "timeout");
            awaitNoBusyWorkers(Duration.ofSeconds(3));
            assertHealthy(client);
        });
    }

    /** With one request at a time, a second one is 503 busy with Retry-After while the first works; then it is served. */
    @Test
    void overTheConcurrencyCapIs503Busy() {
        byte[] slow = slowWorkbook(12);
        ServerConfig one = CONFIG.withLimits(CONFIG.limits().withMaxConcurrent(1));
        JavalinTest.test(HttpApp.create(one), (server, client) -> {
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
                try (Response r = post(client, HttpApp.VALIDATE, slow, XLSX)) {
                    return r.code();
                }
            });
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (busyWorkers().isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(1, busyWorkers().size(), "the first request is being worked on");
            Response busy = post(client, HttpApp.VALIDATE, BadInputs.valid(), XLSX);
            assertEquals(RequestGuard.RETRY_AFTER_SECONDS, busy.header("Retry-After"));
            JsonNode j = assertError(busy, 503, "busy");
            assertTrue(j.get("message").asText().contains("1 个"), j.toString());
            assertHealthy(client); // not an /api route: never refused
            assertEquals(200, first.get(60, TimeUnit.SECONDS));
            awaitNoBusyWorkers(Duration.ofSeconds(3));
            try (Response r = post(client, HttpApp.VALIDATE, BadInputs.valid(), XLSX)) {
                assertEquals(200, r.code(), "the permit came back");
            }
        });
    }
}
