package cn.juesuan.rules;

import cn.juesuan.layout.Profile;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What only the sheets tell and the read model does not carry: the 金额单位 printed above each table, the note
 * printed under it (the standard empty-table note included), and the sheet order. Read-only.
 */
final class SheetFacts {
    private static final Pattern MONEY_UNIT = Pattern.compile("(?:金额)?单位[:：]\\s*(万元|元)");
    private static final DataFormatter FORMAT = new DataFormatter();
    private static final int NOTE_SCAN_ROWS = 8;

    /**
     * @param moneyUnit        "万元"/"元" printed above the table, or null
     * @param unitCell         where it is printed
     * @param note             a "no data" note under the table (standard or not), or null
     * @param noteCell         where it is printed
     * @param expectedNoteCell where an empty-table note belongs (the row under the footnote)
     */
    record TableFacts(String moneyUnit, CellLoc unitCell, String note, CellLoc noteCell, CellLoc expectedNoteCell) {
    }

    private final Map<String, TableFacts> tables = new HashMap<>();
    private final Map<String, Integer> sheetOrder = new HashMap<>();

    TableFacts table(String key) {
        return tables.get(key);
    }

    Map<String, Integer> sheetOrder() {
        return sheetOrder;
    }

    static SheetFacts scan(Workbook wb, Profile profile, WorkbookMap map) {
        SheetFacts f = new SheetFacts();
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            f.sheetOrder.put(wb.getSheetName(i), i);
        }
        for (TableLayout t : profile.tables()) {
            WorkbookMap.TableLoc loc = map.table(t.key());
            if (loc == null) {
                continue;
            }
            Sheet sheet = wb.getSheet(loc.sheet());
            if (sheet != null) {
                f.tables.put(t.key(), scan(sheet, t, loc));
            }
        }
        return f;
    }

    private static TableFacts scan(Sheet sheet, TableLayout t, WorkbookMap.TableLoc loc) {
        String unit = null;
        CellLoc unitCell = null;
        int firstBody = Integer.MAX_VALUE;
        int lastBody = loc.titleRow();
        for (Map<String, CellLoc> r : loc.fixed().values()) {
            for (CellLoc c : r.values()) {
                firstBody = Math.min(firstBody, c.row());
                lastBody = Math.max(lastBody, c.row());
            }
        }
        for (Map<String, CellLoc> r : loc.area()) {
            for (CellLoc c : r.values()) {
                firstBody = Math.min(firstBody, c.row());
                lastBody = Math.max(lastBody, c.row());
            }
        }
        int headerEnd = Math.min(firstBody, loc.titleRow() + 6);
        for (int r = loc.titleRow(); r < headerEnd && unit == null; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                Matcher m = MONEY_UNIT.matcher(Text.key(text(c)));
                if (m.find()) {
                    unit = m.group(1);
                    unitCell = new CellLoc(sheet.getSheetName(), r, c.getColumnIndex());
                    break;
                }
            }
        }
        String note = null;
        CellLoc noteCell = null;
        int footRow = -1;
        String footKey = t.footnote() == null ? null : Text.key(t.footnote());
        String emptyKey = t.emptyNote() == null ? null : Text.key(t.emptyNote());
        for (int r = lastBody + 1; r <= Math.min(sheet.getLastRowNum(), lastBody + NOTE_SCAN_ROWS); r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            for (Cell c : row) {
                String s = text(c);
                if (Text.isBlank(s)) {
                    continue;
                }
                String k = Text.key(s);
                boolean isFootnote = footKey != null && k.equals(footKey);
                if (isFootnote && footRow < 0) {
                    footRow = r;
                }
                if (note == null && !isFootnote && (k.equals(emptyKey) || k.contains("无数据") || k.contains("空表"))) {
                    note = s.trim();
                    noteCell = new CellLoc(sheet.getSheetName(), r, c.getColumnIndex());
                }
                break;
            }
        }
        CellLoc expected = new CellLoc(sheet.getSheetName(), footRow >= 0 ? footRow + 1 : lastBody + 2, 0);
        return new TableFacts(unit, unitCell, note, noteCell, expected);
    }

    private static String text(Cell c) {
        if (c == null) {
            return "";
        }
        if (c.getCellType() == CellType.STRING) {
            return c.getStringCellValue();
        }
        if (c.getCellType() == CellType.FORMULA && c.getCachedFormulaResultType() == CellType.STRING) {
            return c.getStringCellValue();
        }
        if (c.getCellType() == CellType.BLANK) {
            return "";
        }
        return FORMAT.formatCellValue(c);
    }
}
