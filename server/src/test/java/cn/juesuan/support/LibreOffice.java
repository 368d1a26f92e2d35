package cn.juesuan.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless LibreOffice and poppler for rendering tests (installed by .ci/run: libreoffice-calc-nogui and
 * libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk). Tests using it do not skip without them.
 */
public final class LibreOffice {
    private LibreOffice() {
    }

    /** Converts an xlsx or docx in dir to PDF (a private LibreOffice profile in dir); returns the PDF. */
    public static Path toPdf(Path dir, Path file) throws Exception {
        Process p = new ProcessBuilder("libreoffice", "--headless", "-env:UserInstallation=file://" + dir.resolve("lo-profile"),
                "--convert-to", "pdf", "--outdir", dir.toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "libreoffice timed out");
        assertEquals(0, p.exitValue(), out);
        String name = file.getFileName().toString();
        Path pdf = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
        assertTrue(Files.exists(pdf) && Files.size(pdf) > 1000, "pdf written for " + file + ": " + out);
        return pdf;
    }

    /** The PDF's text (pdftotext -layout). */
    public static String pdfText(Path pdf) throws Exception {
        Process p = new ProcessBuilder("pdftotext", "-layout", pdf.toString(), "-").start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return text;
    }

    /** Renders one page to PNG (pdftoppm); returns the image file. */
    public static Path pagePng(Path pdf, int page, Path outPrefix) throws Exception {
        Process p = new ProcessBuilder("pdftoppm", "-r", "60", "-png", "-f", String.valueOf(page), "-l", String.valueOf(page),
                "-singlefile", pdf.toString(), outPrefix.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Path png = Path.of(outPrefix + ".png");
        assertTrue(Files.size(png) > 1000, "png rendered: " + out);
        return png;
    }
}
