package cn.juesuan.narrative;

import cn.juesuan.narrative.NarrativeDoc.Block;
import cn.juesuan.narrative.NarrativeDoc.Chart;
import cn.juesuan.narrative.NarrativeDoc.Heading;
import cn.juesuan.narrative.NarrativeDoc.Para;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the narrative as a .docx (A4, Chinese fonts), charts as real Word charts, blanks 【…】 highlighted. */
final class DocxWriter {
    private static final Pattern BLANK = Pattern.compile("【[^【】]*(?:【[^【】]*】[^【】]*)*】");
    private static final int EMU_PER_CM = 360_000;
    private static final String BODY_FONT = "仿宋";
    private static final String HEADING_FONT = "黑体";
    private static final String SUBHEADING_FONT = "楷体";

    private DocxWriter() {
    }

    static byte[] write(NarrativeDoc doc) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            pageSetup(d);
            XWPFParagraph title = d.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingAfter(240);
            outline(title, 0);
            run(title, doc.title(), HEADING_FONT, 16, true, false);
            for (Block b : doc.blocks()) {
                if (b instanceof Heading h) {
                    XWPFParagraph p = d.createParagraph();
                    p.setSpacingBefore(h.level() == 1 ? 240 : 120);
                    p.setIndentationFirstLine(480);
                    outline(p, h.level());
                    run(p, h.text(), h.level() == 1 ? HEADING_FONT : SUBHEADING_FONT, h.level() == 1 ? 14 : 12, true, false);
                } else if (b instanceof Para para) {
                    body(d.createParagraph(), para.text());
                } else {
                    chart(d, (Chart) b);
                }
            }
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("chart part", e);
        }
    }

    private static void pageSetup(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().isSetSectPr() ? d.getDocument().getBody().getSectPr()
                : d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906)); // A4 in twips
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1440));
        mar.setBottom(BigInteger.valueOf(1440));
        mar.setLeft(BigInteger.valueOf(1588));
        mar.setRight(BigInteger.valueOf(1474));
    }

    /** Outline level, so Word's navigation pane and table of contents see the headings. */
    private static void outline(XWPFParagraph p, int level) {
        var ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level));
    }

    /** A body paragraph: first-line indent of two characters, 1.5 line spacing, blanks highlighted. */
    private static void body(XWPFParagraph p, String text) {
        p.setIndentationFirstLine(480);
        p.setSpacingBetween(1.5);
        Matcher m = BLANK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                run(p, text.substring(at, m.start()), BODY_FONT, 12, false, false);
            }
            run(p, m.group(), BODY_FONT, 12, false, true);
            at = m.end();
        }
        if (at < text.length()) {
            run(p, text.substring(at), BODY_FONT, 12, false, false);
        }
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold, boolean blank) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        if (blank) {
            r.setTextHighlightColor("yellow");
        }
    }

    private static void chart(XWPFDocument d, Chart c) throws IOException, InvalidFormatException {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        XWPFChart chart = d.createChart(p.createRun(), 15 * EMU_PER_CM, 8 * EMU_PER_CM);
        ChartSpec spec = c.spec();
        int n = spec.categories().size();
        ChartPlotter.plot(chart, spec, new ChartPlotter.Data() {
            @Override
            public XDDFDataSource<String> categories() {
                return XDDFDataSourcesFactory.fromArray(spec.categories().toArray(new String[0]),
                        chart.formatRange(new CellRangeAddress(1, n, 0, 0)), 0);
            }

            @Override
            public XDDFNumericalDataSource<? extends Number> values(int series) {
                return XDDFDataSourcesFactory.fromArray(spec.series().get(series).values().toArray(new BigDecimal[0]),
                        chart.formatRange(new CellRangeAddress(1, n, series + 1, series + 1)), series + 1);
            }

            @Override
            public CellReference seriesTitle(int series) {
                return chart.setSheetTitle(spec.series().get(series).name(), series + 1);
            }
        });
        XWPFParagraph caption = d.createParagraph();
        caption.setAlignment(ParagraphAlignment.CENTER);
        caption.setSpacingAfter(200);
        run(caption, c.caption(), BODY_FONT, 10, false, false);
    }
}
