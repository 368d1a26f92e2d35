package cn.juesuan.read;

import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.HashMap;
import java.util.Map;

/**
 * Text of sheet cells as a person sees them, with merged regions resolved to their top-left cell. Each cell's text is
 * worked out once (readers ask for the same cells many times); a cell changed through {@link #setNumber} is
 * worked out again. Reading adds no cells, so each row's last column is kept too.
 */
final class SheetText {
    private static final DataFormatter FORMAT = new DataFormatter();
    private final Sheet sheet;
    private final Map<Long, CellRangeAddress> merged = new HashMap<>();
    private final Map<Long, String> raw = new HashMap<>();
    private final Map<Integer, Integer> lastCols = new HashMap<>();

    SheetText(Sheet sheet) {
        this.sheet = sheet;
        for (CellRangeAddress r : sheet.getMergedRegions()) {
            if (r.getNumberOfCells() > 4096) {
                continue;
            }
            for (int row = r.getFirstRow(); row <= r.getLastRow(); row++) {
                for (int col = r.getFirstColumn(); col <= r.getLastColumn(); col++) {
                    merged.put(pos(row, col), r);
                }
            }
        }
    }

    private static long pos(int row, int col) {
        return ((long) row << 16) | col;
    }

    Sheet sheet() {
        return sheet;
    }

    /** Text of the cell, or of the top-left cell of its merged region; "" when empty. */
    String text(int row, int col) {
        CellRangeAddress r = merged.get(pos(row, col));
        if (r != null) {
            row = r.getFirstRow();
            col = r.getFirstColumn();
        }
        return raw(row, col);
    }

    /** Text of the cell itself (merged regions not resolved). */
    String raw(int row, int col) {
        return raw.computeIfAbsent(pos(row, col), p -> format(cell(row, col)));
    }

    /** Replaces the cell's content by a number (the in-memory workbook only). */
    void setNumber(int row, int col, double value) {
        cell(row, col).setCellValue(value);
        raw.remove(pos(row, col));
    }

    private static String format(Cell c) {
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.STRING) {
            return c.getStringCellValue().trim();
        }
        if (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.STRING) {
            return c.getStringCellValue().trim();
        }
        if (c.getCellType() == CellType.NUMERIC) {
            double d = c.getNumericCellValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return FORMAT.formatCellValue(c).trim();
    }

    /** The merged region the cell belongs to, or null. */
    CellRangeAddress region(int row, int col) {
        return merged.get(pos(row, col));
    }

    boolean isMergedNotTopLeft(int row, int col) {
        CellRangeAddress r = merged.get(pos(row, col));
        return r != null && (r.getFirstRow() != row || r.getFirstColumn() != col);
    }

    Cell cell(int row, int col) {
        Row r = sheet.getRow(row);
        return r == null ? null : r.getCell(col);
    }

    int lastRow() {
        return sheet.getLastRowNum();
    }

    /** Last column of a row with a cell, -1 for none (kept per row: readers ask in every loop test). */
    int lastCol(int row) {
        return lastCols.computeIfAbsent(row, i -> {
            Row r = sheet.getRow(i);
            return r == null ? -1 : r.getLastCellNum() - 1;
        });
    }

    String key(int row, int col) {
        return Text.key(text(row, col));
    }
}
