package cn.juesuan.addin;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the add-in's icons with Java2D (shapes only, no fonts): the product logo (a red ledger sheet with a check) and
 * one icon per ribbon button. Run main() to rewrite server/src/main/resources/addin/assets/; AddinIconsTest checks
 * that the committed PNGs are what this draws.
 */
public final class IconPainter {
    static final Path ASSETS = Path.of("server/src/main/resources/addin/assets");
    static final Color RED = new Color(0xB8, 0x32, 0x2A);
    static final Color GREEN = new Color(0x1E, 0x7B, 0x45);
    static final Color BLUE = new Color(0x1F, 0x5F, 0xA8);
    static final Color INK = new Color(0x44, 0x4B, 0x55);
    static final Color GRID = new Color(0xB7, 0xBE, 0xC7);
    static final Color PAPER = Color.WHITE;

    interface Drawing {
        void draw(Graphics2D g, int size);
    }

    /** File stem → drawing; sizes per stem are in {@link #sizes(String)}. */
    static final Map<String, Drawing> ICONS = new LinkedHashMap<>();

    static {
        ICONS.put("logo", IconPainter::logo);
        ICONS.put("validate", IconPainter::validate);
        ICONS.put("fill", IconPainter::fill);
        ICONS.put("blank", IconPainter::blank);
        ICONS.put("pane", IconPainter::pane);
    }

    private IconPainter() {
    }

    static List<Integer> sizes(String stem) {
        return stem.equals("logo") ? List.of(16, 32, 64, 80) : List.of(16, 32, 80);
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(ASSETS);
        for (var e : ICONS.entrySet()) {
            for (int size : sizes(e.getKey())) {
                ImageIO.write(paint(e.getValue(), size), "png", ASSETS.resolve(e.getKey() + "-" + size + ".png").toFile());
            }
        }
    }

    static BufferedImage paint(Drawing d, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 32.0, size / 32.0); // every drawing is in a 32×32 grid
        d.draw(g, size);
        g.dispose();
        return img;
    }

    /** A stroke about w grid units wide but never thinner than one device pixel. */
    private static BasicStroke stroke(float w, int size) {
        return new BasicStroke(Math.max(w, 32f / size), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** A sheet of paper with ruled rows and, above 16 px, a column rule: the 附表. */
    private static void sheet(Graphics2D g, int size, double x, double y, double w, double h, Color frame) {
        g.setColor(PAPER);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, 3, 3));
        g.setColor(GRID);
        g.setStroke(stroke(1f, size));
        int rows = size <= 16 ? 2 : 4;
        for (int i = 1; i <= rows; i++) {
            double ry = y + h * i / (rows + 1);
            g.draw(new Line2D.Double(x + 2.5, ry, x + w - 2.5, ry));
        }
        if (size > 16) {
            g.draw(new Line2D.Double(x + w * 0.38, y + h / (rows + 1), x + w * 0.38, y + h - 2.5));
        }
        g.setColor(frame);
        g.setStroke(stroke(1.6f, size));
        g.draw(new RoundRectangle2D.Double(x, y, w, h, 3, 3));
    }

    private static void check(Graphics2D g, int size, double cx, double cy, double r, Color c) {
        g.setColor(c);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        Path2D.Double tick = new Path2D.Double();
        tick.moveTo(cx - r * 0.5, cy + r * 0.02);
        tick.lineTo(cx - r * 0.12, cy + r * 0.42);
        tick.lineTo(cx + r * 0.52, cy - r * 0.36);
        g.setColor(PAPER);
        g.setStroke(stroke((float) (r * 0.32), size));
        g.draw(tick);
    }

    private static void logo(Graphics2D g, int size) {
        g.setColor(RED);
        g.fill(new RoundRectangle2D.Double(1, 1, 30, 30, 8, 8));
        sheet(g, size, 7, 5, 18, 22, PAPER);
        check(g, size, 22.5, 22.5, 7, GREEN);
    }

    private static void validate(Graphics2D g, int size) {
        sheet(g, size, 3, 2, 20, 26, INK);
        check(g, size, 22, 22, 8, GREEN);
    }

    private static void fill(Graphics2D g, int size) {
        sheet(g, size, 2, 2, 15, 20, GRID.darker());
        sheet(g, size, 13, 9, 16, 21, INK);
        Path2D.Double arrow = new Path2D.Double(); // from last year's sheet into this year's
        arrow.moveTo(8, 24);
        arrow.quadTo(8, 29, 15.5, 29);
        g.setColor(BLUE);
        g.setStroke(stroke(2.4f, size));
        g.draw(arrow);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(13.5, 25.5);
        head.lineTo(18.5, 29);
        head.lineTo(13.5, 32);
        head.closePath();
        g.fill(head);
    }

    private static void blank(Graphics2D g, int size) {
        sheet(g, size, 3, 2, 20, 26, INK);
        g.setColor(BLUE);
        g.fill(new Ellipse2D.Double(14, 14, 16, 16));
        g.setColor(PAPER);
        g.setStroke(stroke(2.6f, size));
        g.draw(new Line2D.Double(22, 17.5, 22, 26.5));
        g.draw(new Line2D.Double(17.5, 22, 26.5, 22));
    }

    private static void pane(Graphics2D g, int size) {
        g.setColor(PAPER);
        g.fill(new RoundRectangle2D.Double(2, 4, 28, 24, 3, 3));
        g.setColor(RED);
        g.fill(new RoundRectangle2D.Double(19, 4, 11, 24, 3, 3));
        g.setColor(GRID);
        g.setStroke(stroke(1f, size));
        for (int i = 1; i <= 3; i++) {
            g.draw(new Line2D.Double(4.5, 4 + 6 * i, 16.5, 4 + 6 * i));
        }
        g.setColor(PAPER);
        g.setStroke(stroke(1.6f, size));
        for (int i = 1; i <= 3; i++) {
            g.draw(new Line2D.Double(21.5, 4 + 5.5 * i, 27.5, 4 + 5.5 * i));
        }
        g.setColor(INK);
        g.setStroke(stroke(1.6f, size));
        g.draw(new RoundRectangle2D.Double(2, 4, 28, 24, 3, 3));
    }
}
