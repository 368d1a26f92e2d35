package cn.juesuan.cli;

import cn.juesuan.http.Samples;
import cn.juesuan.model.Json;
import cn.juesuan.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Self-evaluation sheets through the same commands: profiles, blank --self-eval, fill, read. */
class CliSelfEvalTest {
    @TempDir
    Path dir;

    @Test
    void blankFillRead() throws Exception {
        Cli kinds = Cli.run("profiles");
        assertTrue(kinds.out().contains("sichuan_special_fund  专项资金绩效目标完成情况自评表"), kinds.toString());

        Path blank = dir.resolve("自评空表.xlsx");
        Cli b = Cli.run("blank", "--year", "2024", "--unit", Samples.UNIT, "--self-eval", "national_project,hunan_project", "-o", blank.toString());
        assertEquals(Main.OK, b.code(), b.toString());
        JsonNode read = CliFillReadTest.readJson(Cli.run("read", blank.toString()));
        assertEquals("national_project", read.at("/data/selfEvaluations/0/kind").asText());
        assertEquals("hunan_project", read.at("/data/selfEvaluations/1/kind").asText());

        Path json = dir.resolve("seed003.json");
        Files.write(json, Json.MAPPER.writeValueAsBytes(Fixtures.seed(Fixtures.EVAL_003)));
        Path out = dir.resolve("自评.xlsx");
        assertEquals(Main.OK, Cli.run("fill", json.toString(), "-o", out.toString()).code());
        Cli r = Cli.run("read", out.toString());
        assertEquals(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(Fixtures.seed(Fixtures.EVAL_003))),
                CliFillReadTest.readJson(r).get("data"));
        assertTrue(r.err().contains("绩效自评表 1 张"), r.err());

        Path seed004 = dir.resolve("seed004.json");
        Files.write(seed004, Json.MAPPER.writeValueAsBytes(Fixtures.seed(Fixtures.EVAL_004)));
        Path filled = dir.resolve("专项自评.xlsx");
        assertEquals(Main.OK, Cli.run("fill", seed004.toString(), "-o", filled.toString()).code());
        Cli v = Cli.run("validate", filled.toString());
        assertEquals(Main.FINDINGS, v.code(), v.toString());
        assertTrue(v.out().contains("[SE1]") && v.out().contains("绩效指标权重合计为 180，应为 90"), v.out());
        assertEquals(Main.OK, Cli.run("validate", out.toString()).code(), "seed 003 has no 错误");

        Cli bad = Cli.run("blank", "--year", "2024", "--unit", Samples.UNIT, "--self-eval", "nope", "-o", dir.resolve("x.xlsx").toString());
        assertEquals(Main.BAD_INPUT, bad.code());
        assertTrue(bad.err().contains("未知的绩效自评表种类"), bad.err());
        Cli empty = Cli.run("blank", "--year", "2024", "--unit", Samples.UNIT, "--self-eval", "", "-o", dir.resolve("x.xlsx").toString());
        assertEquals(Main.BAD_INPUT, empty.code(), empty.toString());
    }
}
