package cn.juesuan.template;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A blank workbook per profile has, for each table, the title, number, unit line, headers and fixed rows of its descriptor. */
class BlankTemplateTest {
    private static final String UNIT = "遂宁市科学技术局";
    private final Filler filler = new Filler(Fixtures.registry());

    @TestFactory
    Stream<DynamicTest> everyTableOfEveryProfile() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Profile p : Fixtures.registry().profiles()) {
            XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(filler.blank(p.id(), 2024, UNIT, null)));
            assertEquals(p.tables().size(), wb.getNumberOfSheets(), p.id());
            for (TableLayout t : p.tables()) {
                tests.add(DynamicTest.dynamicTest(p.id() + " " + t.number() + " " + t.title(), () -> checkTable(wb, t)));
            }
        }
        return tests.stream();
    }

    @Test
    void blankReadsBackAsEmpty() {
        for (Profile p : Fixtures.registry().profiles()) {
            byte[] blank = filler.blank(p.id(), 2024, UNIT, null);
            var read = new WorkbookReader(Fixtures.registry()).read(blank, null);
            assertEquals(p.id(), read.data().profile(), "profile detected from a blank " + p.id());
            assertEquals(new ReportData(p.id(), 2024, new cn.juesuan.model.UnitInfo(UNIT, null), "万元", null), read.data());
            assertTrue(read.notes().isEmpty(), () -> p.id() + " " + read.notes());
        }
    }

    private static void checkTable(XSSFWorkbook wb, TableLayout t) {
        Sheet s = wb.getSheet(t.sheetName());
        assertNotNull(s, "sheet " + t.sheetName());
        List<String> texts = texts(s);
        assertEquals(t.title(), text(s, 0, 0), "title in A1");
        assertTrue(texts.contains(t.number()), "table number " + t.number());
        assertTrue(texts.contains("部门：" + UNIT), "unit line");
        assertTrue(texts.contains("2024年度"), "year");
        assertTrue(texts.contains("单位：万元"), "money unit");
        for (ColumnDef c : t.allColumns()) {
            for (String h : c.header()) {
                assertTrue(texts.contains(h), "header " + h);
            }
            if (c.colNo() != null) {
                assertTrue(texts.contains(c.colNo()), "栏次 " + c.colNo());
            }
        }
        for (BlockDef b : t.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.label() != null && !r.isArea()) {
                    assertTrue(texts.contains(r.label()), "row label " + r.label());
                }
                if (r.code() != null) {
                    assertTrue(texts.contains(r.code()), "row code " + r.code());
                }
                if (r.line() != null) {
                    assertTrue(texts.contains(r.line()), "行次 " + r.line());
                }
            }
        }
        if (t.footnote() != null) {
            assertTrue(texts.contains(t.footnote()), "footnote");
        }
        assertTrue(s.getNumMergedRegions() > 0, "merged headers");
        assertEquals(PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize());
        assertTrue(s.getFitToPage(), "fit to width");
        assertNotNull(s.getRepeatingRows(), "header rows repeat on every page");
        boolean formula = false;
        boolean amountFormat = false;
        for (Row row : s) {
            for (Cell c : row) {
                formula |= c.getCellType() == CellType.FORMULA;
                amountFormat |= "#,##0.00".equals(c.getCellStyle().getDataFormatString());
            }
        }
        boolean hasSums = t.allColumns().stream().anyMatch(c -> !c.sum().isEmpty())
                || t.blocks().stream().flatMap(b -> b.rows().stream()).anyMatch(RowDef::isSum);
        assertEquals(hasSums, formula, "合计 cells are live formulas");
        assertTrue(amountFormat, "amounts formatted #,##0.00");
    }

    private static String text(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        return row == null || row.getCell(c) == null ? "" : new DataFormatter().formatCellValue(row.getCell(c));
    }

    private static List<String> texts(Sheet s) {
        List<String> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        for (Row row : s) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING) {
                    out.add(c.getStringCellValue());
                } else if (c.getCellType() != CellType.FORMULA) {
                    out.add(f.formatCellValue(c));
                }
            }
        }
        return out;
    }
}
