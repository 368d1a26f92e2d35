package cn.juesuan.cli;

import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliCarryForwardTest {
    @TempDir
    Path dir;

    private Path lastYear() throws Exception {
        Path last = dir.resolve("2020.xlsx");
        Files.write(last, new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_000)));
        return last;
    }

    @Test
    void carryForwardWritesTheNewYearsWorkbook() throws Exception {
        Path out = dir.resolve("2021.xlsx");
        Cli r = Cli.run("carry-forward", lastYear().toString(), "--year", "2021", "-o", out.toString());
        assertEquals(Main.OK, r.code(), r.toString());
        ReportData d = new WorkbookReader(Fixtures.registry()).read(Files.readAllBytes(out), null).data();
        assertEquals(2021, d.year());
        assertEquals(0, new BigDecimal("15.36").compareTo(d.table("income_expense_summary").value("opening_balance", "amount")));
        assertEquals(18, d.table("expenditure").rows().size());

        Path json = dir.resolve("2020.json");
        Files.write(json, Json.MAPPER.writeValueAsBytes(Fixtures.seed(Fixtures.SEED_000)));
        Path fromJson = dir.resolve("2023.xlsx");
        Cli p = Cli.run("carry-forward", json.toString(), "--year", "2021", "--profile", "sichuan-2024", "-o", fromJson.toString());
        assertEquals(Main.OK, p.code(), p.toString());
        assertEquals("sichuan-2024", new WorkbookReader(Fixtures.registry()).read(Files.readAllBytes(fromJson), null).data().profile());
    }

    @Test
    void validateWithLastYearAddsTheCrossYearChecks() throws Exception {
        Path last = lastYear();
        Path now = dir.resolve("2021.xlsx");
        assertEquals(Main.OK, Cli.run("carry-forward", last.toString(), "--year", "2021", "-o", now.toString()).code());
        Cli matched = Cli.run("validate", now.toString(), "--previous", last.toString(), "--format", "json");
        JsonNode report = Json.MAPPER.readTree(matched.outBytes());
        assertFalse(report.toString().contains("\"ruleId\" : \"Y"), matched.toString());

        // last year's workbook said 年末 20.00, not the 15.36 this year opens with
        ReportData seed = Fixtures.seed(Fixtures.SEED_000);
        var tables = new java.util.LinkedHashMap<>(seed.tables());
        var summary = new java.util.LinkedHashMap<>(seed.table("income_expense_summary").values());
        summary.put("closing_balance", java.util.Map.of("amount", new BigDecimal("20")));
        tables.put("income_expense_summary", new cn.juesuan.model.TableData(summary, null, null));
        Path other = dir.resolve("2020-other.xlsx");
        Files.write(other, new Filler(Fixtures.registry()).fill(
                new ReportData(seed.profile(), seed.year(), seed.unit(), seed.moneyUnit(), tables)));
        Cli mismatched = Cli.run("validate", now.toString(), "--previous", other.toString());
        // cross-year findings are 提示: the exit code stays what this year's own errors make it
        assertEquals(Cli.run("validate", now.toString()).code(), mismatched.code(), mismatched.toString());
        assertTrue(mismatched.out().contains("[Y1]") && mismatched.out().contains("20.00"), mismatched.toString());

        Cli wrongYear = Cli.run("validate", now.toString(), "--previous", now.toString());
        assertEquals(Main.BAD_INPUT, wrongYear.code(), wrongYear.toString());
        assertTrue(wrongYear.err().contains("2020 年度"), wrongYear.toString());
    }

    @Test
    void cellWritesGoToStandardOutputAsJson() throws Exception {
        Cli r = Cli.run("carry-forward", lastYear().toString(), "--year", "2021", "--format", "writes");
        assertEquals(Main.OK, r.code(), r.toString());
        JsonNode w = Json.MAPPER.readTree(r.outBytes());
        assertEquals("blank", w.get("base").asText());
        assertTrue(w.get("writes").size() > 0);
    }

    @Test
    void badInputExitsTwoWithAChineseMessage() throws Exception {
        Path last = lastYear();
        Path out = dir.resolve("x.xlsx");
        for (String[] args : new String[][]{
                {"carry-forward", last.toString(), "--year", "2025", "-o", out.toString()},
                {"carry-forward", last.toString(), "-o", out.toString()},
                {"carry-forward", last.toString(), "--year", "2021"},
                {"carry-forward", last.toString(), "--year", "2021", "--format", "pdf", "-o", out.toString()},
                {"carry-forward", dir.resolve("missing.xlsx").toString(), "--year", "2021", "-o", out.toString()},
                {"carry-forward", "--year", "2021", "-o", out.toString()}}) {
            Cli r = Cli.run(args);
            assertEquals(Main.BAD_INPUT, r.code(), r.toString());
            assertTrue(r.err().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN), r.toString());
            assertFalse(r.err().contains("Exception"), r.toString());
        }
        assertFalse(Files.exists(out));
    }
}
