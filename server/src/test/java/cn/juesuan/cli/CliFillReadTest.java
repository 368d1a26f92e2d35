package cn.juesuan.cli;

import cn.juesuan.http.Samples;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** blank, fill, read and templates from the command line: needs the filler, reader and template generator. */
class CliFillReadTest {
    @TempDir
    Path dir;

    static void assertXlsx(Path p) throws Exception {
        byte[] b = Files.readAllBytes(p);
        assertTrue(b.length > 1000 && b[0] == 'P' && b[1] == 'K', p.toString());
    }

    static JsonNode readJson(Cli r) throws Exception {
        assertEquals(Main.OK, r.code(), r.toString());
        return Json.MAPPER.readTree(r.outBytes());
    }

    @Test
    void blankThenRead() throws Exception {
        Path out = dir.resolve("空表.xlsx");
        Cli b = Cli.run("blank", "--profile", "sichuan-2020", "--year", "2021", "--unit", Samples.UNIT,
                "--unit-code", "123456", "-o", out.toString());
        assertEquals(Main.OK, b.code(), b.toString());
        assertXlsx(out);

        Cli r = Cli.run("read", out.toString());
        JsonNode j = readJson(r);
        assertEquals("sichuan-2020", j.at("/data/profile").asText());
        assertEquals(2021, j.at("/data/year").asInt());
        assertEquals(Samples.UNIT, j.at("/data/unit/name").asText());
        assertTrue(j.get("notes").isArray());
        assertTrue(r.err().contains("已读取"), r.toString());
    }

    @Test
    void fillThenReadRoundTrips() throws Exception {
        Profile profile = ProfileRegistry.fromEnvironment().get("sichuan-2020");
        Samples.Cell c = Samples.cell(profile);
        Path json = dir.resolve("data.json");
        Files.write(json, Json.MAPPER.writeValueAsBytes(Samples.data(profile, 2021)));
        Path out = dir.resolve("决算.xlsx");
        Files.writeString(out, "old content is replaced");

        Cli f = Cli.run("fill", json.toString(), "-o", out.toString());
        assertEquals(Main.OK, f.code(), f.toString());
        assertXlsx(out);

        JsonNode data = readJson(Cli.run("read", out.toString(), "--profile", "sichuan-2020")).get("data");
        JsonNode v = data.path("tables").path(c.table()).path("values").path(c.row()).path(c.column());
        assertEquals(0, Samples.AMOUNT.compareTo(new BigDecimal(v.asText())), data.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp file left");
        }
    }

    @Test
    void templatesRegeneratesIntoTheTemplatesFolder() throws Exception {
        Path copy = dir.resolve("templates");
        Path source = Path.of("templates");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.deleteIfExists(copy.resolve("sichuan-2020/template.xlsx"));
        Cli r = Cli.run(() -> new ProfileRegistry(copy), "templates", "--profile", "sichuan-2020");
        assertEquals(Main.OK, r.code(), r.toString());
        assertXlsx(copy.resolve("sichuan-2020/template.xlsx"));
        assertTrue(r.out().contains("已生成"), r.toString());
    }
}
