package cn.juesuan.cli;

import cn.juesuan.model.Json;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** narrative and check-narrative from the command line. */
class CliNarrativeTest {
    @TempDir
    static Path dir;
    static Path xlsx;
    static Path text;

    @BeforeAll
    static void inputs() throws Exception {
        xlsx = dir.resolve("2024决算.xlsx");
        Files.write(xlsx, new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004)));
        text = dir.resolve("004说明.txt");
        Files.copy(Fixtures.sharedSeeds().resolve("004_317b39f2b5d89d6e.txt"), text);
    }

    @Test
    void generatesTheDocxAndTheChartWorkbookThenChecksIt() throws Exception {
        Path docx = dir.resolve("说明.docx");
        Path charts = dir.resolve("图表.xlsx");
        Cli r = Cli.run("narrative", xlsx.toString(), "-o", docx.toString(), "--workbook", charts.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        assertTrue(r.out().contains("已写入 " + docx), r.toString());
        CliFillReadTest.assertXlsx(docx); // a zip package too
        CliFillReadTest.assertXlsx(charts);

        Cli check = Cli.run("check-narrative", xlsx.toString(), docx.toString(), "--format", "json");
        assertEquals(Main.OK, check.code(), "a generated narrative has no 错误: " + check);
        JsonNode report = Json.MAPPER.readTree(check.outBytes());
        assertTrue(report.get("valid").asBoolean());
        assertEquals("遂宁市科学技术局", report.get("unit").asText());
        assertTrue(report.get("checked").asInt() > 80);
    }

    @Test
    void checkingThePublishedTextExitsOneWithItsErrors() {
        Cli r = Cli.run("check-narrative", xlsx.toString(), text.toString());
        assertEquals(Main.FINDINGS, r.code(), r.toString());
        assertTrue(r.out().contains("[N-PATH]") && r.out().contains("科技重大项目（款）科技奖励（项）"), r.out());
        assertTrue(r.out().contains("结论：有 1 处与附表不符"), r.out());
    }

    @Test
    void badInputIsExitTwoWithAChineseMessage() throws Exception {
        Path later = dir.resolve("2025.xlsx");
        var seed = Fixtures.seed(Fixtures.SEED_004);
        Files.write(later, new Filler(Fixtures.registry()).fill(new cn.juesuan.model.ReportData(seed.profile(), 2025,
                seed.unit(), seed.moneyUnit(), seed.tables())));
        String[][] cases = {
                {"narrative", xlsx.toString()},                                                    // no -o
                {"narrative", dir.resolve("无此文件.xlsx").toString(), "-o", dir.resolve("a.docx").toString()},
                {"narrative", text.toString(), "-o", dir.resolve("b.docx").toString()},           // not a workbook
                {"narrative", xlsx.toString(), "--previous", later.toString(), "-o", dir.resolve("c.docx").toString()},
                {"check-narrative", xlsx.toString()},                                              // no narrative
                {"check-narrative", xlsx.toString(), text.toString(), "--format", "xml"},
                {"check-narrative", xlsx.toString(), xlsx.toString()},                            // a workbook as narrative
        };
        for (String[] c : cases) {
            Cli r = Cli.run(c);
            assertEquals(Main.BAD_INPUT, r.code(), String.join(" ", c) + "\n" + r);
            assertTrue(r.err().chars().anyMatch(ch -> ch >= 0x4E00), r.toString());
            assertFalse(r.err().contains("Exception"), r.toString());
        }
        assertFalse(Files.exists(dir.resolve("c.docx")), "nothing written on bad input");
    }
}
