package cn.juesuan.read;

import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.EvalSheetLayout.ListColumn;
import cn.juesuan.layout.EvalSheetPlan;
import cn.juesuan.layout.EvalSheetPlan.Anchor;
import cn.juesuan.layout.EvalSheetPlan.ListPlace;
import cn.juesuan.layout.EvalSheetPlan.Placed;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookMap.EvalLoc;
import cn.juesuan.text.Numbers;
import cn.juesuan.text.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads self-evaluation sheets (ours, or typed by hand) by their descriptors: a sheet region starts at a kind's title
 * (a sheet may hold several); lists are found by their column headers, values right of their labels or at their
 * row label × column header. Numbers typed as text ("9%", "95分", "5.8.") are read with a note.
 */
final class EvalReader {
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final int MAX_TITLE_LENGTH = 80;
    private static final org.apache.poi.ss.usermodel.DataFormatter FORMAT = new org.apache.poi.ss.usermodel.DataFormatter();
    private static final Set<String> PLACEHOLDERS = Set.of("……", "......", "…", "...", "。。。", "……。");

    record Result(List<SelfEvaluation> evaluations, List<EvalLoc> locs, List<ReadNote> notes, Integer year) {
        static final Result NONE = new Result(List.of(), List.of(), List.of(), null);
    }

    private final CellValues values;
    private final List<EvalSheetLayout> layouts;
    private final List<SelfEvaluation> evaluations = new ArrayList<>();
    private final List<EvalLoc> locs = new ArrayList<>();
    private final List<ReadNote> notes = new ArrayList<>();
    private Integer year;

    private EvalReader(List<EvalSheetLayout> layouts, CellValues values) {
        this.layouts = layouts;
        this.values = values;
    }

    /**
     * @param finder the workbook's sheets (the findings sheet, which names titles, is not one of them)
     * @param skip   sheets not to search for self-evaluation titles (those recognised as annex tables)
     */
    static Result read(TableFinder finder, List<EvalSheetLayout> layouts, CellValues values, Set<Sheet> skip) {
        if (layouts.isEmpty()) {
            return Result.NONE;
        }
        EvalReader r = new EvalReader(layouts, values);
        for (Sheet s : finder.sheets()) {
            if (!skip.contains(s)) {
                r.readSheet(finder.text(s));
            }
        }
        return new Result(List.copyOf(r.evaluations), List.copyOf(r.locs), List.copyOf(r.notes), r.year);
    }

    private record Title(int row, EvalSheetLayout layout) {
    }

    private record TitleKey(String key, EvalSheetLayout layout) {
    }

    /** The title keys of the sheet kinds, and the characters they end with (no cell ending otherwise is a title). */
    private record TitleKeys(List<TitleKey> keys, Set<Character> lastChars) {
        static TitleKeys of(List<EvalSheetLayout> layouts) {
            List<TitleKey> keys = new ArrayList<>();
            Set<Character> last = new HashSet<>();
            for (EvalSheetLayout l : layouts) {
                for (String t : l.allTitles()) {
                    String k = Text.titleKey(t);
                    keys.add(new TitleKey(k, l));
                    last.add(k.isEmpty() ? null : k.charAt(k.length() - 1));
                }
            }
            return new TitleKeys(List.copyOf(keys), last);
        }
    }

    /** Computed once per list of kinds the registry loads (weak keys compare by identity). */
    private static final Cache<List<EvalSheetLayout>, TitleKeys> TITLE_KEYS = Caffeine.newBuilder().weakKeys().build();

    private void readSheet(SheetText text) {
        TitleKeys kinds = TITLE_KEYS.get(layouts, TitleKeys::of);
        boolean anyEnding = kinds.lastChars().contains(null);
        List<Title> titles = new ArrayList<>();
        for (int r = 0; r <= text.lastRow(); r++) {
            EvalSheetLayout found = null;
            int best = 0;
            for (int c = 0; c <= Math.min(40, text.lastCol(r)); c++) {
                String raw = text.raw(r, c);
                if (raw.isEmpty() || raw.length() > MAX_TITLE_LENGTH || text.isMergedNotTopLeft(r, c)
                        || !anyEnding && !kinds.lastChars().contains(Text.lastTitleKeyChar(raw))) {
                    continue;
                }
                String key = Text.titleKey(raw);
                for (TitleKey t : kinds.keys()) {
                    String tk = t.key();
                    if (key.endsWith(tk) && tk.length() > best) {
                        found = t.layout();
                        best = tk.length();
                    }
                }
            }
            if (found != null) {
                titles.add(new Title(r, found));
            }
        }
        for (int i = 0; i < titles.size(); i++) {
            int end = i + 1 < titles.size() ? titles.get(i + 1).row() - 1 : text.lastRow();
            new Region(text, titles.get(i).layout(), titles.get(i).row(), end).read();
        }
    }

    /** A text cell of the sheet (merged regions as one cell). */
    private record Found(int row, int col, int lastRow, int lastCol, String key) {
    }

    private final class Region {
        private final SheetText text;
        private final EvalSheetLayout layout;
        private final EvalSheetPlan plan;
        private final int start;
        private final int end;
        private final Set<Integer> itemRows = new HashSet<>();
        private final Set<String> labelKeys = new HashSet<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        private final Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        private final Map<String, List<Map<String, Object>>> lists = new HashMap<>();
        private final Map<String, CellLoc> cells = new LinkedHashMap<>();

        Region(SheetText text, EvalSheetLayout layout, int start, int end) {
            this.text = text;
            this.layout = layout;
            this.plan = EvalSheetPlan.of(layout);
            this.start = start;
            this.end = end;
            for (Placed p : plan.cells()) {
                if (p.cell().isText()) {
                    p.cell().allTexts().forEach(t -> labelKeys.add(EvalSheetPlan.labelKey(t)));
                }
            }
        }

        void read() {
            scanYear();
            int cursor = start + 1;
            for (ListPlace l : plan.lists()) {
                cursor = readList(l, cursor);
            }
            for (Anchor a : plan.anchors()) {
                readValue(a);
            }
            int index = evaluations.size();
            evaluations.add(new SelfEvaluation(layout.key(), fields, numbers, funds,
                    records(lists.get("indicators"), SelfEvaluation.Indicator.class),
                    records(lists.get("expenses"), SelfEvaluation.ExpenseLine.class),
                    records(lists.get("reviewers"), SelfEvaluation.Reviewer.class),
                    records(lists.get("tasks"), SelfEvaluation.Task.class)));
            locs.add(new EvalLoc(layout.key(), index, text.sheet().getSheetName(), start, Map.copyOf(cells)));
        }

        private void scanYear() {
            for (int r = start; r <= Math.min(end, start + 2); r++) {
                for (int c = 0; c <= text.lastCol(r); c++) {
                    Matcher m = YEAR.matcher(text.raw(r, c));
                    if (year == null && m.find()) {
                        year = Integer.parseInt(m.group(1));
                    }
                }
            }
        }

        // --- lists -----------------------------------------------------------------------------------------

        private int readList(ListPlace l, int from) {
            List<ListColumn> cols = l.list().columns();
            int need = Math.min(cols.size(), Math.max(2, (int) Math.ceil(cols.size() * 0.6)));
            List<Set<String>> headerKeys = new ArrayList<>();
            for (ListColumn col : cols) {
                Set<String> keys = new HashSet<>();
                col.leafTexts().forEach(t -> keys.add(EvalSheetPlan.labelKey(t)));
                headerKeys.add(keys);
            }
            for (int r = from; r <= end; r++) {
                int[] at = columnsAt(r, headerKeys);
                int matched = 0;
                for (int c : at) {
                    matched += c >= 0 ? 1 : 0;
                }
                if (matched >= need) {
                    return readItems(l, r, at);
                }
            }
            return from;
        }

        /**
         * Column of each list column in a header row, or -1; columns sharing a header take its columns in turn.
         *
         * @param headerKeys each list column's header keys (its leaf header and aliases)
         */
        private int[] columnsAt(int r, List<Set<String>> headerKeys) {
            int[] at = new int[headerKeys.size()];
            Map<String, Integer> used = new HashMap<>();
            String[] cellKeys = new String[Math.max(0, text.lastCol(r) + 1)];
            for (int i = 0; i < headerKeys.size(); i++) {
                at[i] = -1;
                Set<String> keys = headerKeys.get(i);
                for (int c = 0; c <= text.lastCol(r); c++) {
                    CellRangeAddress m = text.region(r, c);
                    if (m != null && m.getFirstColumn() != c) {
                        continue;
                    }
                    if (cellKeys[c] == null) {
                        cellKeys[c] = EvalSheetPlan.labelKey(text.text(r, c));
                    }
                    String key = cellKeys[c];
                    if (keys.contains(key)) {
                        int k = used.merge(key + "@" + c, 1, Integer::sum) - 1;
                        int width = m == null ? 1 : m.getLastColumn() - m.getFirstColumn() + 1;
                        if (k < width) {
                            at[i] = c + k;
                            break;
                        }
                    }
                }
            }
            return at;
        }

        private int readItems(ListPlace l, int headerRow, int[] at) {
            int first = headerRow + 1;
            for (int c : at) {
                CellRangeAddress m = c < 0 ? null : text.region(headerRow, c);
                if (m != null) {
                    first = Math.max(first, m.getLastRow() + 1);
                }
            }
            List<String> stops = plan.textsAfter(l);
            List<ListColumn> cols = l.list().columns();
            List<Map<String, Object>> items = new ArrayList<>();
            Map<String, String> carried = new HashMap<>();
            int r = first;
            for (; r <= end; r++) {
                if (stopsAt(r, stops)) {
                    break;
                }
                itemRows.add(r);
                Map<String, Object> item = new LinkedHashMap<>();
                Map<String, CellLoc> where = new LinkedHashMap<>();
                boolean content = false;
                for (int i = 0; i < cols.size(); i++) {
                    String field = cols.get(i).field();
                    if (at[i] < 0) {
                        continue;
                    }
                    where.put(field, loc(r, at[i]));
                    Object v = listValue(cols.get(i).leaf(), field, r, at[i]);
                    boolean mergeDown = l.list().mergeDown().contains(field);
                    if (v instanceof String s && mergeDown) {
                        carried.put(field, s);
                    } else if (v == null && mergeDown) {
                        v = carried.get(field);
                    }
                    if (v != null) {
                        item.put(field, v);
                        content |= !mergeDown && !(v instanceof String s && PLACEHOLDERS.contains(s));
                    }
                }
                if (content) {
                    int index = items.size();
                    items.add(item);
                    where.forEach((f, loc) -> cells.put(l.list().key() + "[" + index + "]." + f, loc));
                }
            }
            lists.put(l.list().key(), items);
            return r;
        }

        private boolean stopsAt(int r, List<String> stops) {
            for (int c = 0; c <= text.lastCol(r); c++) {
                if (text.isMergedNotTopLeft(r, c)) {
                    continue;
                }
                String key = EvalSheetPlan.labelKey(text.raw(r, c));
                if (key.isEmpty()) {
                    continue;
                }
                for (String s : stops) {
                    if (key.equals(s) || Math.min(s.length(), key.length()) >= 4 && (key.startsWith(s) || s.startsWith(key))) {
                        return true;
                    }
                }
                return false;
            }
            return false;
        }

        private Object listValue(String header, String field, int r, int c) {
            return switch (field) {
                case "weight", "score" -> number(r, c, header, true);
                case "amount" -> number(r, c, header, false);
                default -> {
                    String s = textAt(r, c);
                    yield s.isEmpty() ? null : s;
                }
            };
        }

        // --- grid values -----------------------------------------------------------------------------------

        private void readValue(Anchor a) {
            int[] at = switch (a.mode()) {
                case RIGHT_OF_LABEL -> rightOf(a);
                case ROW_AND_HEADER -> rowAndHeader(a);
                case UNDER_HEADER -> underHeader(a);
            };
            if (at == null) {
                return;
            }
            EvalSheetLayout.Cell c = a.value().cell();
            cells.put(c.path(), loc(at[0], at[1]));
            if (at.length > 2) {
                return; // the place where the value belongs, but it is empty
            }
            if (c.field() != null) {
                String s = textAt(at[0], at[1]);
                if (!s.isEmpty()) {
                    fields.put(c.field(), s);
                }
            } else if (c.number() != null) {
                BigDecimal v = number(at[0], at[1], a.text(), true);
                if (v != null) {
                    numbers.put(c.number(), v);
                }
            } else {
                boolean score = List.of("rate", "weight", "score").contains(c.moneyColumn());
                BigDecimal v = number(at[0], at[1], a.text(), score);
                if (v != null) {
                    funds.computeIfAbsent(c.moneyRow(), k -> new LinkedHashMap<>()).put(c.moneyColumn(), v);
                }
            }
        }

        /** [row, col] of a value, or [row, col, 0] for the empty place where it belongs, or null when not found. */
        private int[] rightOf(Anchor a) {
            Found label = find(a.label(), a.labelOccurrence());
            if (label == null) {
                return null;
            }
            int r = label.row();
            for (int c = label.lastCol() + 1; c <= text.lastCol(r); c++) {
                if (text.isMergedNotTopLeft(r, c)) {
                    continue;
                }
                String raw = text.raw(r, c);
                if (raw.isEmpty()) {
                    continue;
                }
                if (labelKeys.contains(EvalSheetPlan.labelKey(raw))) {
                    break;
                }
                return new int[]{r, c};
            }
            return new int[]{r, label.lastCol() + 1, 0};
        }

        private int[] rowAndHeader(Anchor a) {
            Found header = find(a.header(), a.headerOccurrence());
            if (header == null) {
                return null;
            }
            Set<String> keys = keys(a.label());
            for (int r = header.lastRow() + 1; r <= end; r++) {
                if (itemRows.contains(r)) {
                    continue;
                }
                for (int c = 0; c < header.col(); c++) {
                    if (!text.isMergedNotTopLeft(r, c) && keys.contains(EvalSheetPlan.labelKey(text.raw(r, c)))) {
                        return valueAt(r, header.col());
                    }
                }
            }
            return null;
        }

        private int[] underHeader(Anchor a) {
            Found header = find(a.header(), a.headerOccurrence());
            return header == null || header.lastRow() + 1 > end ? null : valueAt(header.lastRow() + 1, header.col());
        }

        private int[] valueAt(int r, int c) {
            CellRangeAddress m = text.region(r, c);
            if (m != null) {
                r = m.getFirstRow();
                c = m.getFirstColumn();
            }
            return text.raw(r, c).isEmpty() ? new int[]{r, c, 0} : new int[]{r, c};
        }

        /** The n-th cell (row-major, outside list items) whose text is one of the placed cell's texts. */
        private Found find(Placed target, int occurrence) {
            Set<String> keys = keys(target);
            int n = 0;
            for (int r = start; r <= end; r++) {
                if (itemRows.contains(r)) {
                    continue;
                }
                for (int c = 0; c <= text.lastCol(r); c++) {
                    if (text.isMergedNotTopLeft(r, c)) {
                        continue;
                    }
                    String raw = text.raw(r, c);
                    if (raw.isEmpty() || !keys.contains(EvalSheetPlan.labelKey(raw))) {
                        continue;
                    }
                    if (n++ == occurrence) {
                        CellRangeAddress m = text.region(r, c);
                        return m == null ? new Found(r, c, r, c, raw)
                                : new Found(r, c, m.getLastRow(), m.getLastColumn(), raw);
                    }
                }
            }
            return null;
        }

        private Set<String> keys(Placed p) {
            Set<String> keys = new HashSet<>();
            p.cell().allTexts().forEach(t -> keys.add(EvalSheetPlan.labelKey(t)));
            keys.remove("");
            return keys;
        }

        // --- cells -----------------------------------------------------------------------------------------

        private CellLoc loc(int r, int c) {
            return new CellLoc(text.sheet().getSheetName(), r, c);
        }

        /** A number cell: numbers as they are (a percent format counts in percent), formulas evaluated, text parsed. */
        private BigDecimal number(int r, int c, String what, boolean score) {
            Cell cell = text.cell(r, c);
            if (cell == null) {
                return null;
            }
            Numbers.Parsed p;
            if (cell.getCellType() == CellType.STRING) {
                p = score ? Numbers.parseScore(cell.getStringCellValue()) : Numbers.parse(cell.getStringCellValue());
            } else {
                p = values.amount(cell);
                if (p.value() != null && cell.getCellType() == CellType.NUMERIC && isPercentFormat(cell)) {
                    p = new Numbers.Parsed(p.value().movePointRight(2), null, null);
                }
            }
            if (p.hasIssue()) {
                notes.add(new ReadNote(p.issue(), layout.key(), text.sheet().getSheetName(), loc(r, c).a1(),
                        text.raw(r, c), "《" + layout.title() + "》“" + what + "”：" + p.message()));
            }
            return p.value();
        }

        /** Text as shown: a percent-formatted number reads "95%" (SheetText gives whole numbers without format). */
        private String textAt(int r, int c) {
            CellRangeAddress m = text.region(r, c);
            Cell cell = m == null ? text.cell(r, c) : text.cell(m.getFirstRow(), m.getFirstColumn());
            if (cell != null && cell.getCellType() == CellType.NUMERIC && isPercentFormat(cell)) {
                return FORMAT.formatCellValue(cell).strip();
            }
            return text.text(r, c);
        }

        private boolean isPercentFormat(Cell cell) {
            String f = cell.getCellStyle().getDataFormatString();
            return f != null && f.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "").contains("%");
        }

        private <T extends Record> List<T> records(List<Map<String, Object>> items, Class<T> type) {
            if (items == null) {
                return List.of();
            }
            List<T> out = new ArrayList<>();
            var comps = type.getRecordComponents();
            Class<?>[] types = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
            }
            for (Map<String, Object> item : items) {
                Object[] args = new Object[comps.length];
                for (int i = 0; i < comps.length; i++) {
                    Object v = item.get(comps[i].getName());
                    args[i] = v != null && comps[i].getType() == String.class && !(v instanceof String) ? v.toString() : v;
                }
                try {
                    out.add(type.getDeclaredConstructor(types).newInstance(args));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return out;
        }
    }
}
