package cn.juesuan.cli;

import cn.juesuan.model.Json;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliValidateTest {

    @Test
    void exitCodesFormatsAndAnnotation(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.xlsx");
        Files.write(good, new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_000)));
        Cli ok = Cli.run("validate", good.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("尾差") || ok.out().contains("信息"), ok::toString);

        Path bad = dir.resolve("bad.xlsx");
        Files.write(bad, cn.juesuan.rules.AnnotatedWorkbookTestAccess.withTypo());
        Path annotated = dir.resolve("标注.xlsx");
        Cli errors = Cli.run("validate", bad.toString(), "--format", "json", "--annotate", annotated.toString());
        assertEquals(1, errors.code(), errors::toString);
        assertTrue(Json.MAPPER.readTree(errors.outBytes()).path("counts").path("error").asInt() > 0);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(annotated)))) {
            assertEquals("校验结果", wb.getSheetName(0));
        }

        Path notXlsx = dir.resolve("x.xlsx");
        Files.writeString(notXlsx, "hello");
        assertEquals(2, Cli.run("validate", notXlsx.toString()).code());
        assertEquals(2, Cli.run("validate", good.toString(), "--format", "xml").code());
        assertEquals(2, Cli.run("validate", dir.resolve("missing.xlsx").toString()).code());
    }
}
