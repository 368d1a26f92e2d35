package cn.juesuan.narrative;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.List;

/** The narrative's charts on a sheet of the workbook, each beside the small table it is drawn from. */
final class ChartSheet {
    static final String SHEET = "决算说明图表";
    private static final int CHART_ROWS = 18;

    private ChartSheet() {
    }

    /** Adds (or replaces) the chart sheet. */
    static void add(XSSFWorkbook wb, List<ChartSpec> charts, String heading) {
        int old = wb.getSheetIndex(SHEET);
        if (old >= 0) {
            wb.removeSheetAt(old);
        }
        XSSFSheet sheet = wb.createSheet(SHEET);
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        CellStyle bold = wb.createCellStyle();
        Font f = wb.createFont();
        f.setBold(true);
        bold.setFont(f);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        Row top = sheet.createRow(0);
        top.createCell(0).setCellValue(heading);
        top.getCell(0).setCellStyle(bold);
        sheet.setColumnWidth(0, 26 * 256);
        for (int c = 1; c <= 3; c++) {
            sheet.setColumnWidth(c, 14 * 256);
        }
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int r = 2;
        for (ChartSpec spec : charts) {
            int n = spec.categories().size();
            Row cap = sheet.createRow(r);
            cap.createCell(0).setCellValue("图" + spec.number() + "：" + spec.title() + "（万元）");
            cap.getCell(0).setCellStyle(bold);
            Row head = sheet.createRow(r + 1);
            head.createCell(0).setCellValue("项目");
            for (int s = 0; s < spec.series().size(); s++) {
                head.createCell(s + 1).setCellValue(spec.series().get(s).name());
            }
            for (int i = 0; i < n; i++) {
                Row row = sheet.createRow(r + 2 + i);
                row.createCell(0).setCellValue(spec.categories().get(i));
                for (int s = 0; s < spec.series().size(); s++) {
                    var cell = row.createCell(s + 1);
                    cell.setCellValue(spec.series().get(s).values().get(i).doubleValue()); // a cell holds a double
                    cell.setCellStyle(money);
                }
            }
            if (!spec.isEmpty()) {
                XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 5, r, 13, r + CHART_ROWS);
                XSSFChart chart = drawing.createChart(anchor);
                int first = r + 2;
                int headRow = r + 1;
                ChartPlotter.plot(chart, spec, new ChartPlotter.Data() {
                    @Override
                    public XDDFDataSource<String> categories() {
                        return XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(first, first + n - 1, 0, 0));
                    }

                    @Override
                    public XDDFNumericalDataSource<? extends Number> values(int series) {
                        return XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                                new CellRangeAddress(first, first + n - 1, series + 1, series + 1));
                    }

                    @Override
                    public CellReference seriesTitle(int series) {
                        return new CellReference(SHEET, headRow, series + 1, true, true);
                    }
                });
            } else {
                sheet.createRow(r + 2 + n).createCell(0).setCellValue("本年度无数据，不作图。");
            }
            r += Math.max(CHART_ROWS + 2, n + 5);
        }
    }
}
