package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.carryforward.CellWrites.Operation;
import cn.juesuan.carryforward.CellWrites.Write;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookOpener;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellWritesTest {
    private static final ProfileRegistry REGISTRY = Fixtures.registry();

    @Test
    void writesAppliedToTheBlankWorkbookGiveTheCarriedCells() throws IOException {
        Carried c = new CarryForward(REGISTRY).carry(CarryForwardTest.lastYear(), 2021, null);
        byte[] carried = CarriedWorkbook.render(REGISTRY, c);
        CellWrites w = CarriedWorkbook.writes(REGISTRY, c, carried, null);
        assertEquals(CellWrites.BASE_BLANK, w.base());
        assertTrue(w.operations().stream().anyMatch(o -> o.op().equals(Operation.INSERT_ROWS)
                && o.sheet().startsWith("表3") && o.count() == 18), w.operations().toString());
        assertTrue(w.operations().stream().anyMatch(o -> o.op().equals(Operation.ADD_SHEET) && o.sheet().equals("上年数")));
        assertTrue(w.writes().stream().anyMatch(x -> x.sheet().startsWith("表1") && new BigDecimal("15.36").equals(x.value())),
                "the opening balance is written");
        byte[] blank = new Filler(REGISTRY).blank("sichuan-2020", 2021, "泸州市科技创新服务中心", null);
        assertRebuilds(blank, w, carried);
    }

    @Test
    void selfEvaluationSheetsAreWrittenIntoTheBlankWorkbookToo() throws IOException {
        ReportData last = Fixtures.seed(Fixtures.SEED_000)
                .withSelfEvaluations(Fixtures.seed("seeds/seed000-selfeval.json").selfEvaluations());
        Carried c = new CarryForward(REGISTRY).carry(last, 2021, null);
        byte[] carried = CarriedWorkbook.render(REGISTRY, c);
        CellWrites w = CarriedWorkbook.writes(REGISTRY, c, carried, null);
        assertTrue(w.operations().stream().filter(o -> o.op().equals(Operation.ADD_SHEET)).count() >= 4 + 3,
                "four self-evaluation sheets and the three added sheets: " + w.operations());
        byte[] blank = new Filler(REGISTRY).blank("sichuan-2020", 2021, "泸州市科技创新服务中心", null);
        assertRebuilds(blank, w, carried);
    }

    @Test
    void writesAgainstTheOpenWorkbookRemoveWhatIsNotCarried() throws IOException {
        Carried c = new CarryForward(REGISTRY).carry(CarryForwardTest.lastYear(), 2021, null);
        byte[] carried = CarriedWorkbook.render(REGISTRY, c);
        // the accountant opened last year's full workbook (18 科目 rows with amounts) and asks to carry it forward
        byte[] open = CarryForwardTest.seed000Workbook();
        CellWrites w = CarriedWorkbook.writes(REGISTRY, c, carried, open);
        assertEquals(CellWrites.BASE_CURRENT, w.base());
        assertTrue(w.writes().stream().anyMatch(x -> x.value() == null && x.formula() == null), "amounts are cleared");
        assertRebuilds(open, w, carried);
    }

    @Test
    void aWorkbookAlreadyCarriedNeedsNoWrites() {
        Carried c = new CarryForward(REGISTRY).carry(CarryForwardTest.lastYear(), 2021, null);
        byte[] carried = CarriedWorkbook.render(REGISTRY, c);
        CellWrites w = CellWrites.diff(carried, carried, CellWrites.BASE_CURRENT, List.of());
        assertEquals(List.of(), w.operations());
        assertEquals(List.of(), w.writes());
    }

    /** The writes applied to the base workbook give the carried workbook's cells. */
    static void assertRebuilds(byte[] base, CellWrites w, byte[] carried) throws IOException {
        try (XSSFWorkbook applied = WorkbookOpener.open(base); XSSFWorkbook expected = WorkbookOpener.open(carried)) {
            apply(applied, w);
            assertSameCells(expected, applied);
        }
    }

    /** Applies the answer as the add-in does: operations in order, then the writes. */
    static void apply(Workbook wb, CellWrites w) {
        for (Operation o : w.operations()) {
            switch (o.op()) {
                case Operation.ADD_SHEET -> wb.createSheet(o.sheet());
                case Operation.INSERT_ROWS -> {
                    Sheet s = wb.getSheet(o.sheet());
                    if (o.row() - 1 <= s.getLastRowNum()) {
                        s.shiftRows(o.row() - 1, s.getLastRowNum(), o.count());
                    }
                }
                case Operation.DELETE_ROWS -> {
                    Sheet s = wb.getSheet(o.sheet());
                    for (int r = o.row() - 1; r < o.row() - 1 + o.count(); r++) {
                        Row row = s.getRow(r);
                        if (row != null) {
                            s.removeRow(row);
                        }
                    }
                    int from = o.row() - 1 + o.count();
                    if (from <= s.getLastRowNum()) {
                        s.shiftRows(from, s.getLastRowNum(), -o.count());
                    }
                }
                default -> throw new IllegalArgumentException(o.op());
            }
        }
        for (Write x : w.writes()) {
            Sheet s = wb.getSheet(x.sheet());
            CellReference ref = new CellReference(x.address());
            Row row = s.getRow(ref.getRow()) == null ? s.createRow(ref.getRow()) : s.getRow(ref.getRow());
            Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            if (x.formula() != null) {
                cell.setCellFormula(x.formula().substring(1));
            } else if (x.value() == null) {
                cell.setBlank();
            } else if (x.value() instanceof BigDecimal n) {
                cell.setCellValue(n.doubleValue());
            } else if (x.value() instanceof Boolean b) {
                cell.setCellValue(b);
            } else {
                cell.setCellValue((String) x.value());
            }
        }
    }

    /** Every sheet of the expected workbook, cell by cell: same text, number, formula or blank. */
    static void assertSameCells(Workbook expected, Workbook actual) {
        List<String> diffs = new ArrayList<>();
        for (Sheet e : expected) {
            Sheet a = actual.getSheet(e.getSheetName());
            assertFalse(a == null, "missing sheet " + e.getSheetName());
            int rows = Math.max(e.getLastRowNum(), a.getLastRowNum());
            for (int r = 0; r <= rows; r++) {
                int cols = Math.max(width(e.getRow(r)), width(a.getRow(r)));
                for (int col = 0; col < cols; col++) {
                    String want = show(e, r, col);
                    String got = show(a, r, col);
                    if (!want.equals(got)) {
                        diffs.add(e.getSheetName() + "!" + new CellReference(r, col).formatAsString(false) + ": " + want + " ≠ " + got);
                    }
                }
            }
        }
        assertEquals(List.of(), diffs.subList(0, Math.min(20, diffs.size())), diffs.size() + " cells differ");
    }

    private static int width(Row r) {
        return r == null ? 0 : Math.max(0, r.getLastCellNum());
    }

    private static String show(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case FORMULA -> "=" + cell.getCellFormula();
            default -> cell.getCellType() == CellType.BLANK ? "" : cell.getCellType().name();
        };
    }
}
