package cn.juesuan.template;

import cn.juesuan.support.Fixtures;
import cn.juesuan.support.LibreOffice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated workbooks open without repair in LibreOffice: converted headless to PDF, every table gives a page.
 * LibreOffice (libreoffice-calc-nogui) is installed by .ci/run; this test does not skip without it.
 */
class LibreOfficeRenderTest {

    @Test
    void blankAndFilledWorkbooksConvertToPdf(@TempDir Path dir) throws Exception {
        Filler filler = new Filler(Fixtures.registry());
        for (var p : Fixtures.registry().profiles()) {
            Files.write(dir.resolve("blank-" + p.id() + ".xlsx"), filler.blank(p.id(), 2024, "遂宁市科学技术局", null));
        }
        Files.write(dir.resolve("seed004.xlsx"), filler.fill(Fixtures.seed(Fixtures.SEED_004)));
        Files.write(dir.resolve("seed000.xlsx"), filler.fill(Fixtures.seed(Fixtures.SEED_000)));
        try (var files = Files.list(dir)) {
            for (Path xlsx : files.filter(f -> f.toString().endsWith(".xlsx")).toList()) {
                Path pdf = convert(dir, xlsx);
                String text = pdfText(pdf);
                assertTrue(text.contains("收入支出决算总表"), xlsx + " renders its first table");
                assertTrue(text.contains("单位：万元"), xlsx + " renders the unit line");
            }
        }
        String seed = pdfText(dir.resolve("seed004.pdf"));
        assertTrue(seed.contains("1,447.01"), "amounts render with #,##0.00");
        assertTrue(seed.contains("部门：遂宁市科学技术局"));
    }

    private static Path convert(Path dir, Path xlsx) throws Exception {
        return LibreOffice.toPdf(dir, xlsx);
    }

    private static String pdfText(Path pdf) throws Exception {
        return LibreOffice.pdfText(pdf);
    }
}
