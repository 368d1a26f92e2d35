package cn.juesuan.rules;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Validator API: rule sets per profile, ReadResult input, untouched input, sorting, JSON and text outputs. */
class ValidatorTest {
    private static final Validator V = SeedValidationTest.VALIDATOR;

    @Test
    void everyProfileHasARuleSetWhoseFilesAreAllListed() throws IOException {
        for (String id : Fixtures.registry().ids()) {
            Path dir = Fixtures.templatesRoot().resolve(id).resolve("rules");
            JsonNode index = Json.MAPPER.readTree(dir.resolve("index.json").toFile());
            Set<String> listed = new TreeSet<>();
            index.path("files").forEach(f -> listed.add(f.asText()));
            Set<String> onDisk = new TreeSet<>();
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("index.json"))
                        .forEach(onDisk::add);
            }
            assertEquals(onDisk, listed, id);
            RuleSet rs = V.rules(Fixtures.registry().get(id));
            long fromFiles = rs.rules.stream().filter(r -> !r.kind().equals(RowSumRule.KIND)
                    && !r.kind().equals(ColumnSumRule.KIND)).count();
            System.out.println("rules " + id + ": " + rs.size() + " (" + fromFiles + " from rule files, "
                    + (rs.size() - fromFiles) + " derived from the descriptors' sums)");
            for (String must : List.of("R1.1", "R1.5", "R1.6", "R1.7", "R4.4", "R4.5", "R8.2", "R8.3", "R10.1f", "R10.2b",
                    "R11.2", "R13.2", "X1", "X9", "X20.1", "S1", "S2", "U1", "C1")) {
                assertTrue(rs.rule(must) != null, id + " lacks " + must);
            }
        }
    }

    @Test
    void theJarCopyHasTheSameRules() {
        Validator jar = new Validator(new ProfileRegistry(null), null);
        for (String id : Fixtures.registry().ids()) {
            assertEquals(V.ruleCount(id), jar.ruleCount(id), id);
        }
    }

    @Test
    void readResultInputGivesTheSameVerdict() {
        byte[] xlsx = Workbooks.fill(Fixtures.seed(Fixtures.SEED_004));
        ReadResult read = new WorkbookReader(Fixtures.registry()).read(xlsx, null);
        ValidationReport fromRead = V.validate(read);
        ValidationReport fromBytes = V.validate(xlsx, null);
        assertEquals(0, fromRead.counts().error(), fromRead::toText);
        assertEquals(fromBytes.counts(), fromRead.counts());
        assertEquals(fromBytes.rules(), fromRead.rules());
    }

    @Test
    void inputIsNotModifiedAndFindingsAreSorted() {
        byte[] xlsx = Workbooks.fill(Workbooks.set(Workbooks.full("sichuan-2020"), "income_expense_summary", "gpb",
                "amount", "1.00"));
        byte[] copy = Arrays.copyOf(xlsx, xlsx.length);
        ValidationReport r = V.validate(xlsx, null);
        assertArrayEquals(copy, xlsx);
        assertEquals("sichuan-2020", r.profile());
        assertTrue(r.counts().error() >= 3, r::toText);
        for (int i = 1; i < r.findings().size(); i++) {
            assertTrue(r.findings().get(i - 1).position().compareTo(r.findings().get(i).position()) <= 0);
        }
        String text = r.toText();
        assertTrue(text.contains("【错误】") && text.contains("《收入支出决算总表》") && text.contains("须改正后再公开"), text);
    }

    @Test
    void jsonMatchesTheDocumentedSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Json.MAPPER.readTree(Files.readString(Path.of("docs/validation-report.schema.json"))));
        List<ValidationReport> reports = new ArrayList<>();
        reports.add(SeedValidationTest.validateSeed(Fixtures.SEED_000));
        byte[] x = Workbooks.fill(Workbooks.set(Workbooks.full("sichuan-2024"), "fiscal_summary", "gpb", "amount", "-5"));
        byte[] broken = Workbooks.edit(x, wb -> wb.removeSheetAt(wb.getNumberOfSheets() - 1));
        reports.add(V.validate(broken, "sichuan-2024"));
        for (ValidationReport r : reports) {
            JsonNode json = Json.MAPPER.readTree(r.toJson());
            Set<ValidationMessage> errors = schema.validate(json);
            assertTrue(errors.isEmpty(), errors::toString);
            assertEquals(r.findings().size(), json.path("findings").size());
        }
        JsonNode f = Json.MAPPER.readTree(reports.get(1).toJson()).path("findings").get(0);
        assertTrue(f.path("severity").asText().matches("error|warning|info"));
        ObjectNode bad = (ObjectNode) Json.MAPPER.readTree(reports.get(1).toJson());
        ((ObjectNode) ((ArrayNode) bad.get("findings")).get(0)).put("severity", "fatal");
        assertTrue(!schema.validate(bad).isEmpty());
    }

    @Test
    void ruleFilesAreReloadedWhenChangedAndBrokenOnesAreNamed(@TempDir Path tmp) throws IOException {
        copy(Fixtures.templatesRoot(), tmp);
        Validator v = new Validator(new ProfileRegistry(tmp), null);
        int before = v.ruleCount("national-9");
        Path cross = tmp.resolve("national-9/rules/cross-table.json");
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(cross.toFile());
        ObjectNode extra = ((ArrayNode) doc.get("rules")).addObject();
        extra.put("id", "T-NEW").put("kind", "le").put("severity", "提示")
                .put("left", "three_public!amount.f_total").put("right", "three_public!amount.b_total");
        write(cross, doc);
        assertEquals(before + 1, v.ruleCount("national-9"));

        extra.put("kind", "approximately");
        write(cross, doc);
        JuesuanException e = assertThrows(JuesuanException.class, () -> v.ruleCount("national-9"));
        assertEquals("rules_broken", e.code());
        assertTrue(e.getMessage().contains("cross-table.json") && e.getMessage().contains("T-NEW")
                && e.getMessage().contains("approximately"), e.getMessage());

        extra.put("kind", "le").put("right", "three_public!amount.b_totl");
        write(cross, doc);
        e = assertThrows(JuesuanException.class, () -> v.ruleCount("national-9"));
        assertTrue(e.getMessage().contains("b_totl"), e.getMessage());

        extra.put("right", "three_public!amount.b_total").put("rigth", "x");
        write(cross, doc);
        e = assertThrows(JuesuanException.class, () -> v.ruleCount("national-9"));
        assertTrue(e.getMessage().contains("rigth"), e.getMessage());

        extra.remove("rigth");
        extra.put("kind", "row-sum");
        write(cross, doc);
        e = assertThrows(JuesuanException.class, () -> v.ruleCount("national-9"));
        assertTrue(e.getMessage().contains("自动生成"), e.getMessage());
    }

    @Test
    void severityCodesAndLabels() {
        assertEquals(Severity.ERROR, Severity.parse("错误"));
        assertEquals(Severity.WARNING, Severity.parse("warning"));
        assertEquals(Severity.INFO, Severity.parse("INFO"));
        assertThrows(IllegalArgumentException.class, () -> Severity.parse("严重"));
        assertEquals("\"error\"", Json.MAPPER.valueToTree(Severity.ERROR).toString());
    }

    private static void write(Path p, JsonNode doc) throws IOException {
        long before = p.toFile().lastModified();
        Files.writeString(p, Json.MAPPER.writeValueAsString(doc));
        p.toFile().setLastModified(before + 2000);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
