package cn.juesuan.model;

import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/report-data.schema.json describes what fill takes and read gives. */
class DataSchemaTest {
    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(read(Path.of("docs/report-data.schema.json")));

    @Test
    void seedsAndReadBackMatchTheSchema() throws Exception {
        for (String seed : new String[]{Fixtures.SEED_000, Fixtures.SEED_004}) {
            ReportData data = Fixtures.seed(seed);
            assertValid(Json.MAPPER.valueToTree(data));
            byte[] xlsx = new Filler(Fixtures.registry()).fill(data);
            assertValid(Json.MAPPER.valueToTree(new WorkbookReader(Fixtures.registry()).read(xlsx, null).data()));
        }
        assertValid(read(Path.of("docs/examples/seed004-suining-keji-2024.json")));
    }

    @Test
    void selfEvaluationSeedsAndReadBackMatchTheSchema() {
        for (String seed : Fixtures.EVALS) {
            ReportData data = Fixtures.seed(seed);
            assertValid(Json.MAPPER.valueToTree(data));
            byte[] xlsx = new Filler(Fixtures.registry()).fill(data);
            assertValid(Json.MAPPER.valueToTree(new WorkbookReader(Fixtures.registry()).read(xlsx, null).data()));
        }
    }

    @Test
    void schemaRejectsWhatTheFillerRejects() throws Exception {
        assertFalse(schema.validate(Json.MAPPER.readTree("{\"year\":2024,\"selfEvaluations\":[{\"fields\":{}}]}")).isEmpty(), "kind required");
        assertFalse(schema.validate(Json.MAPPER.readTree(
                "{\"year\":2024,\"selfEvaluations\":[{\"kind\":\"x\",\"indicators\":[{\"weight\":\"9%\"}]}]}")).isEmpty());
        JsonNode bad = Json.MAPPER.readTree("{\"year\":2024,\"tables\":{\"income\":{\"rows\":[{\"code\":\"20x\"}]}}}");
        assertFalse(schema.validate(bad).isEmpty());
        assertFalse(schema.validate(Json.MAPPER.readTree("{\"year\":\"2024\"}")).isEmpty());
        assertFalse(schema.validate(Json.MAPPER.readTree("{\"year\":2024,\"moneyUnit\":\"千元\"}")).isEmpty());
    }

    private void assertValid(JsonNode node) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals(node.path("year").isInt(), true);
    }

    private static JsonNode read(Path p) {
        try {
            return Json.MAPPER.readTree(Files.readString(p));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
