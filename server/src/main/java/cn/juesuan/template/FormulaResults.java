package cn.juesuan.template;

import cn.juesuan.read.CellValues;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;

/**
 * Stores every formula's result in its cell before the workbook is saved, so that programs which do not calculate
 * show the totals. This is what jXLS's "recalculate formulas before saving" does (POI evaluateAll: each formula
 * cell, sheet by sheet, row by row, gets its value as its cached result), done with the evaluator that already
 * computed the totals when they were checked, so no formula is evaluated twice.
 */
final class FormulaResults {
    private FormulaResults() {
    }

    static void store(Workbook wb, CellValues values) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            for (Row row : wb.getSheetAt(i)) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        store(cell, values.evaluate(cell));
                    }
                }
            }
        }
    }

    private static void store(Cell cell, CellValue v) {
        switch (v.getCellType()) {
            case BOOLEAN -> cell.setCellValue(v.getBooleanValue());
            case ERROR -> cell.setCellErrorValue(v.getErrorValue());
            case NUMERIC -> cell.setCellValue(v.getNumberValue());
            case STRING -> cell.setCellValue(new XSSFRichTextString(v.getStringValue()));
            default -> throw new IllegalStateException("Unexpected cell value type (" + v.getCellType() + ")");
        }
    }
}
