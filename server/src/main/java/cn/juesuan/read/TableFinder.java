package cn.juesuan.read;

import cn.juesuan.layout.TableLayout;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the sheet and title row of a table by its title (or aliases), never by its number or position. */
final class TableFinder {
    static final int TITLE_SCAN_ROWS = 8;
    private static final int TITLE_SCAN_COLS = 30;
    private static final Pattern PREFIXED = Pattern.compile("^.*?(?:19|20)\\d{2}年度?(.+)$");
    private static final Pattern SHEET_PREFIX =
            Pattern.compile("^(?:附表|公开|表)?[\\s]*(?:\\d+|[一二三四五六七八九十]+)?[\\s、.．:：_-]*(?:表)?[\\s、.．:：_-]*");

    record Found(Sheet sheet, int titleRow) {
    }

    private TableFinder() {
    }

    static Optional<Found> find(Workbook wb, TableLayout table) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            int row = titleRow(s, table);
            if (row >= 0) {
                return Optional.of(new Found(s, row));
            }
        }
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            Sheet s = wb.getSheetAt(i);
            if (sheetNameMatches(s.getSheetName(), table)) {
                return Optional.of(new Found(s, 0));
            }
        }
        return Optional.empty();
    }

    static int titleRow(Sheet s, TableLayout table) {
        SheetText text = new SheetText(s);
        for (int r = 0; r <= Math.min(TITLE_SCAN_ROWS, s.getLastRowNum()); r++) {
            for (int c = 0; c <= Math.min(TITLE_SCAN_COLS, text.lastCol(r)); c++) {
                if (titleMatches(text.raw(r, c), table)) {
                    return r;
                }
            }
        }
        return -1;
    }

    static boolean titleMatches(String cellText, TableLayout table) {
        if (Text.isBlank(cellText)) {
            return false;
        }
        String k = Text.titleKey(cellText);
        Matcher m = PREFIXED.matcher(Text.key(cellText).replace("\"", "").replace("'", ""));
        String stripped = m.matches() ? m.group(1) : null;
        for (String t : table.allTitles()) {
            String tk = Text.titleKey(t);
            if (k.equals(tk) || tk.equals(stripped)) {
                return true;
            }
        }
        return false;
    }

    static boolean sheetNameMatches(String sheetName, TableLayout table) {
        if (Text.key(sheetName).equals(Text.key(table.sheetName()))) {
            return true;
        }
        String stripped = SHEET_PREFIX.matcher(Text.key(sheetName)).replaceFirst("");
        return table.allTitles().stream().anyMatch(t -> Text.titleKey(t).equals(Text.titleKey(stripped)));
    }
}
