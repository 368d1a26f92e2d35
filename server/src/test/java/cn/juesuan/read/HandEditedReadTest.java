package cn.juesuan.read;

import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workbook edited by hand in Excel reads back to the same data: blank rows inserted, 科目编码 split over three
 * cells (a sheet typed by hand: totals are values), "1,447.01" typed as text (with a note for that cell).
 */
class HandEditedReadTest {
    private final ReportData seed = Fixtures.seed(Fixtures.SEED_004);
    private final WorkbookReader reader = new WorkbookReader(Fixtures.registry());

    @Test
    void blankRowsSplitCodesAndTextNumbers() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new Filler(Fixtures.registry()).fill(seed)));

        Sheet summary = sheetTitled(wb, "收入支出决算总表");
        Cell total = findLabel(summary, "本年收入合计");
        Cell amount = summary.getRow(total.getRowIndex()).getCell(total.getColumnIndex() + 2);
        amount.removeFormula();
        amount.setCellValue("1,447.01");
        String textCell = amount.getAddress().formatAsString();

        XSSFSheet expenditure = (XSSFSheet) sheetTitled(wb, "支出决算表");
        insertBlankRow(expenditure, findLabel(expenditure, "合计").getRowIndex() + 1);
        insertBlankRow(expenditure, findCode(expenditure, "208").getRowIndex());
        splitCodes(expenditure);

        XSSFSheet income = (XSSFSheet) sheetTitled(wb, "收入决算表");
        insertBlankRow(income, findCode(income, "206").getRowIndex());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        ReadResult back = reader.read(out.toByteArray(), null);

        assertEquals(seed, back.data());
        List<ReadNote> notes = back.notes();
        assertEquals(1, notes.size(), notes::toString);
        assertEquals("text_number", notes.get(0).code());
        assertEquals(textCell, notes.get(0).cell());
        assertTrue(notes.get(0).message().contains("1,447.01"));
    }

    /** 科目编码 in three cells: two columns inserted after it, "206 | 01 | 01", header merged over the three. */
    /**
     * Two amount cells merged one above the other: Excel shows only the upper one's figure, so that is what is read;
     * the lower one reads as blank (its value is still in the file, out of sight), and nothing else changes.
     */
    @Test
    void mergedAmountCellsReadAsExcelShowsThem() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(new Filler(Fixtures.registry()).fill(seed)));
        WorkbookMap.TableLoc table = WorkbookReader.locate(wb, Fixtures.registry().get(seed.profile()))
                .table("income_expense_summary");
        String upper = null;
        String lower = null;
        String column = null;
        search:
        for (var a : table.fixed().entrySet()) {
            for (var b : table.fixed().entrySet()) {
                for (var cell : a.getValue().entrySet()) {
                    WorkbookMap.CellLoc below = b.getValue().get(cell.getKey());
                    if (below != null && below.row() == cell.getValue().row() + 1
                            && seed.table(table.table()).value(a.getKey(), cell.getKey()) != null
                            && seed.table(table.table()).value(b.getKey(), cell.getKey()) != null) {
                        upper = a.getKey();
                        lower = b.getKey();
                        column = cell.getKey();
                        break search;
                    }
                }
            }
        }
        assertTrue(column != null, "two amounts one above the other in 表1");
        WorkbookMap.CellLoc at = table.cell(upper, column);
        wb.getSheet(at.sheet()).addMergedRegion(new CellRangeAddress(at.row(), at.row() + 1, at.col(), at.col()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);

        ReadResult back = reader.read(out.toByteArray(), null);
        var t1 = back.data().table(table.table());
        assertEquals(seed.table(table.table()).value(upper, column), t1.value(upper, column));
        assertEquals(null, t1.value(lower, column), lower + "." + column + " is hidden by the merge");
        assertTrue(back.notes().isEmpty(), back.notes()::toString);
    }

    private static void splitCodes(XSSFSheet s) {
        var evaluator = s.getWorkbook().getCreationHelper().createFormulaEvaluator();
        for (Row row : s) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.FORMULA) {
                    double v = evaluator.evaluate(c).getNumberValue();
                    c.removeFormula();
                    if (v == 0) {
                        c.setBlank();
                    } else {
                        c.setCellValue(v);
                    }
                }
            }
        }
        Cell header = findLabel(s, "科目编码");
        int hr = header.getRowIndex();
        for (int i = s.getNumMergedRegions() - 1; i >= 0; i--) {
            CellRangeAddress m = s.getMergedRegion(i);
            if (m.getFirstRow() > 2) {
                s.removeMergedRegion(i);
            }
        }
        s.shiftColumns(1, 20, 2);
        for (Row row : s) {
            if (row.getRowNum() <= hr) {
                continue;
            }
            Cell c = row.getCell(0);
            if (c == null || c.getCellType() != CellType.STRING || !c.getStringCellValue().matches("\\d{3,7}")) {
                continue;
            }
            String code = c.getStringCellValue();
            c.setCellValue(code.substring(0, 3));
            if (code.length() >= 5) {
                row.createCell(1).setCellValue(code.substring(3, 5));
            }
            if (code.length() == 7) {
                row.createCell(2).setCellValue(code.substring(5, 7));
            }
        }
        s.getRow(hr - 1).createCell(0).setCellValue("项目");
        s.addMergedRegion(new CellRangeAddress(hr - 1, hr - 1, 0, 3));
        s.addMergedRegion(new CellRangeAddress(hr, hr, 0, 2));
    }

    private static void insertBlankRow(Sheet s, int at) {
        s.shiftRows(at, s.getLastRowNum(), 1);
    }

    private static Sheet sheetTitled(XSSFWorkbook wb, String title) {
        for (Sheet s : wb) {
            if (s.getRow(0) != null && title.equals(s.getRow(0).getCell(0).getStringCellValue())) {
                return s;
            }
        }
        throw new AssertionError("no sheet " + title);
    }

    private static Cell findLabel(Sheet s, String text) {
        for (Row row : s) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no " + text + " in " + s.getSheetName());
    }

    private static Cell findCode(Sheet s, String code) {
        return findLabel(s, code);
    }
}
