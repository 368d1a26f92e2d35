package cn.juesuan.narrative;

import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import cn.juesuan.support.LibreOffice;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The .docx with its charts, the chart sheet and the 全年预算 sheet of the workbook; rendered by LibreOffice. */
class NarrativeDocxTest {
    private static final NarrativeService SERVICE = NarrativeFixtures.service();

    @Test
    void docxHasRealChartsWithTheTablesNumbersAndHighlightedBlanks() throws Exception {
        byte[] docx = SERVICE.docx(NarrativeFixtures.workbook(Fixtures.SEED_004), NarrativeFixtures.previous004Workbook());
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertEquals("第二部分 2024年度部门决算情况说明", d.getParagraphs().get(0).getText());
            List<XWPFChart> charts = d.getCharts();
            assertEquals(7, charts.size());
            assertEquals("收、支决算总计变动情况", charts.get(0).getTitle().getBody().getParagraph(0).getText());
            XDDFChartData.Series bars = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertEquals("2023年度", bars.getCategoryData().getPointAt(0));
            assertEquals(1578.50, bars.getValuesData().getPointAt(0).doubleValue(), 1e-9);
            assertEquals(1447.01, bars.getValuesData().getPointAt(1).doubleValue(), 1e-9);
            XDDFChartData.Series pie = charts.get(2).getChartSeries().get(0).getSeries(0); // 图3 支出决算结构
            assertEquals(2, pie.getCategoryData().getPointCount());
            assertEquals("基本支出", pie.getCategoryData().getPointAt(0));
            assertEquals(708.77, pie.getValuesData().getPointAt(0).doubleValue(), 1e-9);
            assertEquals(738.24, pie.getValuesData().getPointAt(1).doubleValue(), 1e-9);
            XDDFChartData.Series three = charts.get(6).getChartSeries().get(0).getSeries(0); // 图7: the non-zero items
            assertEquals(List.of("因公出国（境）费", "公务用车购置及运行维护费"),
                    List.of(three.getCategoryData().getPointAt(0), three.getCategoryData().getPointAt(1)));
            assertNotNull(charts.get(0).getWorkbook().getSheetAt(0).getRow(1), "the chart's data is embedded for editing in Word");

            boolean highlighted = false;
            for (XWPFParagraph p : d.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    if (r.text().startsWith("【")) {
                        assertTrue(r.isHighlighted(), "blank " + r.text() + " highlighted");
                        highlighted = true;
                    }
                }
            }
            assertTrue(highlighted);
        }
    }

    @Test
    void libreOfficeRendersTheDocxWithItsCharts(@TempDir Path dir) throws Exception {
        Path docx = dir.resolve("seed004-narrative.docx");
        Files.write(docx, SERVICE.docx(NarrativeFixtures.workbook(Fixtures.SEED_004), NarrativeFixtures.previous004Workbook()));
        Path pdf = LibreOffice.toPdf(dir, docx);
        String text = LibreOffice.pdfText(pdf).replaceAll("\\s+", ""); // LibreOffice spaces Latin and CJK apart
        assertTrue(text.contains("第二部分2024年度部门决算情况说明"), text);
        assertTrue(text.contains("十、其他重要事项的情况说明"));
        assertTrue(text.contains("图7：“三公”经费财政拨款支出结构"), text);
        // chart titles and data labels are drawn, not only the captions
        assertTrue(count(text, "收、支决算总计变动情况") >= 2, "chart title and caption");
        assertTrue(text.contains("48.98%") && text.contains("1578.5"), "pie percentages and bar values: " + text);
        Path out = Files.createDirectories(Path.of("server/target/narrative-render").toAbsolutePath());
        Files.copy(pdf, out.resolve("seed004-narrative.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path png = LibreOffice.pagePng(pdf, 1, out.resolve("seed004-page1"));
        assertTrue(Files.size(png) > 10_000, "page 1 with 图1 rendered to " + png);
    }

    @Test
    void workbookGetsTheChartSheetAndABudgetSheetThatFeedsTheCompletionRates(@TempDir Path dir) throws Exception {
        byte[] xlsx = NarrativeFixtures.workbook(Fixtures.SEED_004);
        byte[] withCharts = SERVICE.workbook(xlsx, null);
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(withCharts))) {
            Sheet charts = wb.getSheet(ChartSheet.SHEET);
            assertNotNull(charts);
            assertEquals(7, ((XSSFDrawing) charts.getDrawingPatriarch()).getCharts().size());
            Sheet budgets = wb.getSheet(Budgets.SHEET);
            assertEquals("科目编码", budgets.getRow(1).getCell(0).getStringCellValue());
            assertEquals(17 + 3, budgets.getPhysicalNumberOfRows(), "title, header, 17 项, 合计");
            assertEquals("2060101", budgets.getRow(3).getCell(0).getStringCellValue());
            assertEquals(329.53, budgets.getRow(3).getCell(2).getNumericCellValue(), 1e-9);
            // the accountant types the 全年预算数
            for (Row row : budgets) {
                String code = row.getCell(0) == null ? "" : row.getCell(0).toString();
                String b = NarrativeFixtures.BUDGETS_004.get(code);
                if (b != null) {
                    row.getCell(3).setCellValue(Double.parseDouble(b));
                } else if (code.equals("合计")) {
                    row.getCell(3).setCellValue(1511.2);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            filled = out.toByteArray();
        }
        assertEquals(new WorkbookReader(Fixtures.registry()).read(xlsx, null).data(),
                new WorkbookReader(Fixtures.registry()).read(filled, null).data(), "the tables are untouched");
        String text = SERVICE.document(filled, null).plainText();
        assertTrue(text.contains("决算数为1447.01万元，完成预算95.75%。"), text);
        assertTrue(text.contains("行政运行（项）：支出决算为329.53万元，完成预算95.03%。"), text);
        byte[] again = SERVICE.workbook(filled, null);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(again))) {
            assertEquals(346.76, wb.getSheet(Budgets.SHEET).getRow(3).getCell(3).getNumericCellValue(), 1e-9,
                    "regenerating keeps the budgets typed in");
            assertEquals(1, countSheets(wb, ChartSheet.SHEET), "the chart sheet is replaced, not added twice");
        }

        Path file = dir.resolve("charts.xlsx");
        Files.write(file, withCharts);
        String pdf = LibreOffice.pdfText(LibreOffice.toPdf(dir, file)).replaceAll("\\s+", "");
        assertTrue(pdf.contains("一般公共预算财政拨款支出决算结构") && pdf.contains("收入决算结构"), "charts drawn on the sheet");
    }

    private static int countSheets(XSSFWorkbook wb, String name) {
        int n = 0;
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            n += wb.getSheetName(i).equals(name) ? 1 : 0;
        }
        return n;
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            n++;
        }
        return n;
    }
}
