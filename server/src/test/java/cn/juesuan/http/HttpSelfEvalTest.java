package cn.juesuan.http;

import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import okhttp3.MediaType;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static cn.juesuan.http.HttpApiTest.json;
import static cn.juesuan.http.HttpApiTest.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Self-evaluation sheets over the same HTTP interface: kinds, blank, fill and read. */
class HttpSelfEvalTest {
    private static final ServerConfig CONFIG = ServerConfig.defaults();
    private static final MediaType XLSX = MediaType.get(HttpApp.XLSX);
    private static final String UNIT_Q = URLEncoder.encode(Samples.UNIT, StandardCharsets.UTF_8);

    @Test
    void kindsListTheirValues() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            Response r = client.get(HttpApp.SELF_EVALUATION_KINDS);
            assertEquals(200, r.code());
            JsonNode kinds = json(r);
            assertEquals(8, kinds.size());
            JsonNode special = null;
            for (JsonNode k : kinds) {
                if (k.get("key").asText().equals("sichuan_special_fund")) {
                    special = k;
                }
            }
            assertEquals("专项资金绩效目标完成情况自评表", special.get("title").asText());
            assertTrue(special.get("values").toString().contains("\"path\":\"funds.total.amount\""), special.toString());
            assertTrue(special.at("/lists/indicators").toString().contains("\"weight\""));
            assertTrue(special.get("uncertain").size() > 0);
        });
    }

    /** Annex tables and self-evaluation sheets validated together: the annex tables of seed 004 are clean, its sheets are not. */
    @Test
    void validateAWorkbookWithTablesAndSelfEvaluations() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            ReportData data = Fixtures.seed(Fixtures.SEED_004).withSelfEvaluations(Fixtures.seed(Fixtures.EVAL_004).selfEvaluations());
            byte[] xlsx = new cn.juesuan.template.Filler(Fixtures.registry()).fill(data);
            JsonNode report = json(post(client, HttpApp.VALIDATE, xlsx, XLSX));
            assertEquals(3, report.at("/counts/error").asInt(), report.toString());
            for (JsonNode f : report.get("findings")) {
                if (f.get("severity").asText().equals("error")) {
                    assertTrue(f.get("ruleId").asText().startsWith("SE"), f.toString());
                    assertEquals("sichuan_special_fund", f.get("table").asText());
                }
            }
            Response annotated = post(client, HttpApp.VALIDATE_ANNOTATED, xlsx, XLSX);
            assertEquals(200, annotated.code());
            assertEquals("3", annotated.header("X-Juesuan-Errors"));
        });
    }

    @Test
    void blankFillAndRead() {
        JavalinTest.test(HttpApp.create(CONFIG), (server, client) -> {
            byte[] blank = HttpFillReadTest.assertXlsx(client.get(HttpApp.BLANK + "?year=2024&unit=" + UNIT_Q
                    + "&selfEval=sichuan_special_fund,sichuan_department"), Samples.UNIT + "2024年度绩效自评表（空表）.xlsx");
            JsonNode read = json(post(client, HttpApp.READ, blank, XLSX));
            assertEquals(2, read.at("/data/selfEvaluations").size());
            assertEquals(Samples.UNIT, read.at("/data/selfEvaluations/0/fields/budgetUnit").asText());

            ReportData data = Fixtures.seed(Fixtures.EVAL_004);
            byte[] filled = HttpFillReadTest.assertXlsx(post(client, HttpApp.FILL, Json.MAPPER.writeValueAsBytes(data),
                    MediaType.get("application/json")), "遂宁市科学技术局2024年度部门决算.xlsx");
            JsonNode back = json(post(client, HttpApp.READ, filled, XLSX));
            assertEquals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(data)), back.get("data"));

            Response bad = client.get(HttpApp.BLANK + "?year=2024&unit=" + UNIT_Q + "&selfEval=no_such_sheet");
            assertEquals(400, bad.code());
            assertEquals("unknown_self_evaluation_kind", json(bad).get("code").asText());
        });
    }
}
