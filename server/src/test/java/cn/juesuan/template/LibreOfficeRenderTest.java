package cn.juesuan.template;

import cn.juesuan.support.Fixtures;
import cn.juesuan.support.LibreOffice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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

    /** Self-evaluation sheets, blank and filled, open without repair: every kind's title and the seed's values render. */
    @Test
    void selfEvaluationSheetsConvertToPdf(@TempDir Path dir) throws Exception {
        Filler filler = new Filler(Fixtures.registry());
        var kinds = Fixtures.registry().evalSheets();
        Files.write(dir.resolve("selfeval-blank.xlsx"), filler.blankSelfEvaluations(
                kinds.stream().map(cn.juesuan.layout.EvalSheetLayout::key).toList(), 2024, "遂宁市科学技术局", null));
        Files.write(dir.resolve("selfeval-seed004.xlsx"), filler.fill(Fixtures.seed(Fixtures.SEED_004)
                .withSelfEvaluations(Fixtures.seed(Fixtures.EVAL_004).selfEvaluations())));
        String blank = pdfText(convert(dir, dir.resolve("selfeval-blank.xlsx")));
        for (var k : kinds) {
            assertTrue(blank.replace(" ", "").contains(k.title()), k.title() + " renders");
        }
        Path seedPdf = convert(dir, dir.resolve("selfeval-seed004.xlsx"));
        String seed = pdfText(seedPdf);
        assertTrue(seed.contains("收入支出决算总表") && seed.contains("专项资金绩效目标完成情况自评表"), "tables, then self-evaluations");
        assertTrue(seed.contains("591，230") && seed.contains("科技交流与合作"), "values render");
        Process png = new ProcessBuilder("pdftoppm", "-r", "50", "-png", "-f", "14", "-l", "14", seedPdf.toString(),
                dir.resolve("page").toString()).redirectErrorStream(true).start();
        assertTrue(png.waitFor(60, TimeUnit.SECONDS));
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("page") && f.toString().endsWith(".png")),
                    "the first self-evaluation page renders to PNG");
        }
    }

    private static Path convert(Path dir, Path xlsx) throws Exception {
        return LibreOffice.toPdf(dir, xlsx);
    }

    private static String pdfText(Path pdf) throws Exception {
        return LibreOffice.pdfText(pdf);
    }
}
