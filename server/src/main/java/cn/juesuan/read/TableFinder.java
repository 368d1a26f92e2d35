package cn.juesuan.read;

import cn.juesuan.layout.TableLayout;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the sheet and title row of a table by its title (or aliases), never by its number or position. The texts
 * near the top of every sheet are indexed once per workbook; the sheets' texts are built once and shared by
 * everything that reads the workbook (detection, self-evaluation sheets, tables).
 */
final class TableFinder {
    static final int TITLE_SCAN_ROWS = 8;
    private static final int TITLE_SCAN_COLS = 30;
    private static final Pattern PREFIXED = Pattern.compile("^.*?(?:19|20)\\d{2}年度?(.+)$");
    private static final Pattern SHEET_PREFIX =
            Pattern.compile("^(?:附表|公开|表)?[\\s]*(?:\\d+|[一二三四五六七八九十]+)?[\\s、.．:：_-]*(?:表)?[\\s、.．:：_-]*");

    record Found(Sheet sheet, int titleRow) {
    }

    /** A candidate title: its keys as written and with a leading year/unit prefix removed. */
    private record Candidate(int row, String key, String stripped) {
        boolean isOneOf(Collection<String> titleKeys) {
            return titleKeys.contains(key) || stripped != null && titleKeys.contains(stripped);
        }
    }

    private record SheetTitles(Sheet sheet, SheetText text, String nameKey, String nameStripped, List<Candidate> candidates) {
    }

    private final List<SheetTitles> sheets = new ArrayList<>();
    /** Title keys of each table layout asked for (layouts are cached by the registry, so by identity). */
    private final Map<TableLayout, List<String>> titleKeys = new IdentityHashMap<>();

    TableFinder(Workbook wb) {
        for (Sheet s : wb) {
            if (WorkbookProperties.RESULT_SHEET.equals(s.getSheetName())) {
                continue;
            }
            SheetText text = new SheetText(s);
            List<Candidate> c = new ArrayList<>();
            for (int r = 0; r <= Math.min(TITLE_SCAN_ROWS, s.getLastRowNum()); r++) {
                for (int col = 0; col <= Math.min(TITLE_SCAN_COLS, text.lastCol(r)); col++) {
                    String raw = text.raw(r, col);
                    if (!Text.isBlank(raw)) {
                        Matcher m = PREFIXED.matcher(Text.key(raw).replace("\"", "").replace("'", ""));
                        c.add(new Candidate(r, Text.titleKey(raw), m.matches() ? m.group(1) : null));
                    }
                }
            }
            String name = Text.key(s.getSheetName());
            sheets.add(new SheetTitles(s, text, name, Text.titleKey(SHEET_PREFIX.matcher(name).replaceFirst("")), c));
        }
    }

    private List<String> titleKeys(TableLayout table) {
        return titleKeys.computeIfAbsent(table, t -> t.allTitles().stream().map(Text::titleKey).toList());
    }

    Optional<Found> find(TableLayout table) {
        List<String> titles = titleKeys(table);
        for (SheetTitles s : sheets) {
            for (Candidate c : s.candidates()) {
                if (c.isOneOf(titles)) {
                    return Optional.of(new Found(s.sheet(), c.row()));
                }
            }
        }
        String sheetName = Text.key(table.sheetName());
        for (SheetTitles s : sheets) {
            if (s.nameKey().equals(sheetName) || titles.contains(s.nameStripped())) {
                return Optional.of(new Found(s.sheet(), 0));
            }
        }
        return Optional.empty();
    }

    /** The workbook's sheets in order, without the findings sheet of an annotated workbook. */
    List<Sheet> sheets() {
        return sheets.stream().map(SheetTitles::sheet).toList();
    }

    /** The text of one of {@link #sheets()}. */
    SheetText text(Sheet sheet) {
        for (SheetTitles s : sheets) {
            if (s.sheet() == sheet) {
                return s.text();
            }
        }
        throw new IllegalArgumentException("not a sheet of this workbook: " + sheet.getSheetName());
    }

    /** True when the sheet carries the title of the table within its first rows. */
    boolean titled(Sheet sheet, TableLayout table) {
        return sheets.stream().filter(s -> s.sheet() == sheet).anyMatch(s -> titled(s, table));
    }

    private boolean titled(SheetTitles sheet, TableLayout table) {
        List<String> titles = titleKeys(table);
        return sheet.candidates().stream().anyMatch(c -> c.isOneOf(titles));
    }

    /** The sheets that carry the title of one of the tables within their first rows. */
    Set<Sheet> titledSheets(List<TableLayout> tables) {
        Set<String> titles = new HashSet<>();
        tables.forEach(t -> titles.addAll(titleKeys(t)));
        Set<Sheet> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SheetTitles s : sheets) {
            if (s.candidates().stream().anyMatch(c -> c.isOneOf(titles))) {
                out.add(s.sheet());
            }
        }
        return out;
    }
}
