package cn.juesuan.addin;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed icons are the ones IconPainter draws, at the sizes Office asks for. */
class AddinIconsTest {
    @Test
    void committedIconsMatchThePainter() throws Exception {
        System.setProperty("java.awt.headless", "true");
        int files = 0;
        for (var e : IconPainter.ICONS.entrySet()) {
            for (int size : IconPainter.sizes(e.getKey())) {
                Path file = IconPainter.ASSETS.resolve(e.getKey() + "-" + size + ".png");
                assertTrue(Files.isRegularFile(file), file + " missing: run IconPainter.main");
                BufferedImage committed = ImageIO.read(file.toFile());
                assertEquals(size, committed.getWidth(), file.toString());
                assertEquals(size, committed.getHeight(), file.toString());
                BufferedImage drawn = IconPainter.paint(e.getValue(), size);
                double diff = meanDifference(committed, drawn);
                // anti-aliasing may differ a little between JDKs; a different drawing differs a lot
                assertTrue(diff < 3.0, file + " differs from IconPainter by " + diff + " per channel");
                assertTrue(opaqueShare(committed) > 0.3, file + " is mostly empty");
                files++;
            }
        }
        assertEquals(16, files);
    }

    static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    sum += Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff));
                }
            }
        }
        return sum / (4.0 * a.getWidth() * a.getHeight());
    }

    static double opaqueShare(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    n++;
                }
            }
        }
        return n / (double) (img.getWidth() * img.getHeight());
    }
}
