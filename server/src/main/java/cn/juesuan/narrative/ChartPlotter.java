package cn.juesuan.narrative;

import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChart;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;

import java.util.List;

/** Draws a {@link ChartSpec} into a POI chart, the same way in a docx and on a worksheet. */
final class ChartPlotter {
    private static final byte[][] PALETTE = {
            rgb(0x44, 0x72, 0xC4), rgb(0xED, 0x7D, 0x31), rgb(0xA5, 0xA5, 0xA5), rgb(0xFF, 0xC0, 0x00),
            rgb(0x5B, 0x9B, 0xD5), rgb(0x70, 0xAD, 0x47), rgb(0x26, 0x44, 0x78), rgb(0x9E, 0x48, 0x0E),
            rgb(0x63, 0x63, 0x63), rgb(0x99, 0x73, 0x00)};

    /** Where the chart's numbers live: an embedded workbook (docx) or the sheet's own cells (xlsx). */
    interface Data {
        XDDFDataSource<String> categories();

        XDDFNumericalDataSource<? extends Number> values(int series);

        CellReference seriesTitle(int series);
    }

    private ChartPlotter() {
    }

    static void plot(XDDFChart chart, ChartSpec spec, Data data) {
        chart.setTitleText(spec.title());
        chart.setTitleOverlay(false);
        chart.getTitle().getBody().getParagraphs().forEach(p -> p.getTextRuns().forEach(r -> r.setFontSize(12d)));
        chart.getOrAddLegend().setPosition(spec.kind() == ChartSpec.Kind.PIE ? LegendPosition.RIGHT : LegendPosition.BOTTOM);
        if (spec.kind() == ChartSpec.Kind.BAR) {
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            y.setCrossBetween(AxisCrossBetween.BETWEEN);
            y.setMinimum(0); // bars start at 0, so the change is not exaggerated
            XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            bars.setBarDirection(BarDirection.COL);
            bars.setVaryColors(false);
            for (int i = 0; i < spec.series().size(); i++) {
                XDDFChartData.Series s = bars.addSeries(data.categories(), data.values(i));
                s.setTitle(spec.series().get(i).name(), data.seriesTitle(i));
                s.setFillProperties(fill(i));
            }
            chart.plot(bars);
            chart.getCTChart().getPlotArea().getBarChartArray(0).getSerList()
                    .forEach(ser -> labels(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls(), false));
        } else {
            XDDFPieChartData pie = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
            pie.setVaryColors(true);
            XDDFChartData.Series s = pie.addSeries(data.categories(), data.values(0));
            s.setTitle(spec.series().get(0).name(), data.seriesTitle(0));
            chart.plot(pie);
            for (int i = 0; i < spec.categories().size(); i++) {
                s.getDataPoint(i).setFillProperties(fill(i));
            }
            List<org.openxmlformats.schemas.drawingml.x2006.chart.CTPieSer> sers =
                    chart.getCTChart().getPlotArea().getPieChartArray(0).getSerList();
            sers.forEach(ser -> labels(ser.isSetDLbls() ? ser.getDLbls() : ser.addNewDLbls(), true));
        }
    }

    /** Values on the bars; percentages (two decimals) on the slices. */
    private static void labels(CTDLbls l, boolean percent) {
        if (percent) {
            l.addNewNumFmt().setFormatCode("0.00%");
            l.getNumFmt().setSourceLinked(false);
        }
        l.addNewShowLegendKey().setVal(false);
        l.addNewShowVal().setVal(!percent);
        l.addNewShowCatName().setVal(false);
        l.addNewShowSerName().setVal(false);
        l.addNewShowPercent().setVal(percent);
        l.addNewShowBubbleSize().setVal(false);
    }

    private static XDDFSolidFillProperties fill(int i) {
        return new XDDFSolidFillProperties(XDDFColor.from(PALETTE[i % PALETTE.length]));
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[]{(byte) r, (byte) g, (byte) b};
    }
}
