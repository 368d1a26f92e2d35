package cn.juesuan.read;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.ColumnKind;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.text.Numbers;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Cell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one table from its sheet: columns located by header text, fixed rows by label, code or 行次, 科目 rows by
 * their code (one cell or 类|款|项 cells). What it cannot read becomes a note with sheet!cell; reading goes on.
 */
final class TableReader {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int MAX_HEADER_SCAN = 12;

    private final TableLayout table;
    private final SheetText text;
    private final CellValues values;
    private final int titleRow;
    private final String sheetName;
    private final List<ReadNote> notes = new ArrayList<>();

    /** Absolute column of each block's columns, by block index and column key. */
    private final List<Map<String, Integer>> columns = new ArrayList<>();
    /** Physical code columns per block: one, or 类/款/项 cells. */
    private final List<List<Integer>> codeColumns = new ArrayList<>();
    /** Label keys of the fixed rows (see labelKeys). */
    private final Map<RowDef, List<String>> defKeys = new IdentityHashMap<>();

    record Result(TableData data, WorkbookMap.TableLoc loc, List<ReadNote> notes, String defaultNoteSeen) {
    }

    /** Locates the cells but reads no amounts (no formula is evaluated): the data's tables carry no values. */
    private final boolean locateOnly;

    TableReader(TableLayout table, SheetText text, CellValues values, int titleRow, boolean locateOnly) {
        this.table = table;
        this.text = text;
        this.values = values;
        this.titleRow = titleRow;
        this.sheetName = text.sheet().getSheetName();
        this.locateOnly = locateOnly;
    }

    Result read() {
        int headerStart = findHeaderStart();
        int depth = table.headerDepth();
        locateColumns(headerStart, depth);
        int body = headerStart + depth;
        if (isColumnNumberRow(body)) {
            body++;
        }
        int end = findBodyEnd(body);
        numbersTypedAsText(body, end);

        Map<String, Map<String, BigDecimal>> fixed = new LinkedHashMap<>();
        Map<String, Map<String, CellLoc>> fixedLoc = new LinkedHashMap<>();
        List<SubjectRow> area = new ArrayList<>();
        List<Map<String, CellLoc>> areaLoc = new ArrayList<>();
        List<CellLoc> areaCode = new ArrayList<>();

        for (int b = 0; b < table.blocks().size(); b++) {
            BlockDef block = table.blocks().get(b);
            Map<String, Integer> cols = columns.get(b);
            Set<String> seen = new HashSet<>();
            String lei = null;
            String kuan = null;
            boolean labelless = block.descriptiveColumns().isEmpty();
            for (int r = body; r < end; r++) {
                if (labelless) {
                    if (readLabellessRow(block, cols, r, end, fixed, fixedLoc, seen)) {
                        break;
                    }
                    continue;
                }
                RowDef def = matchFixed(block, cols, r, seen);
                if (def != null) {
                    if (!seen.add(def.key())) {
                        note("duplicate_row", r, firstDescriptive(block, cols), text.text(r, firstDescriptive(block, cols)),
                                "“" + def.label() + "”行重复出现，只读取了第一处。");
                        continue;
                    }
                    readFixed(block, cols, r, def, fixed, fixedLoc);
                    continue;
                }
                if (block.area().isPresent()) {
                    String[] code = areaCode(block, cols, r, lei, kuan);
                    if (code != null) {
                        lei = code[1];
                        kuan = code[2];
                        readArea(block, cols, r, code[0], area, areaLoc, areaCode);
                        continue;
                    }
                }
                reportUnknown(block, cols, r);
            }
            for (RowDef def : block.rows()) {
                if (def.key() != null && !def.isArea() && !seen.contains(def.key()) && !labelless) {
                    notes.add(new ReadNote("missing_row", table.key(), sheetName, null, null,
                            "《" + table.title() + "》中找不到“" + (def.label() == null ? def.key() : def.label()) + "”行。"));
                }
            }
        }
        String noteText = readNote(end);
        String custom = null;
        String defaultSeen = null;
        if (noteText != null) {
            if (table.emptyNote() != null && Text.key(noteText).equals(Text.key(table.emptyNote()))) {
                defaultSeen = noteText;
            } else {
                custom = noteText;
            }
        }
        TableData data = new TableData(fixed, area, custom);
        WorkbookMap.TableLoc loc = new WorkbookMap.TableLoc(table.key(), sheetName, titleRow, fixedLoc, areaLoc, areaCode);
        return new Result(data, loc, notes, defaultSeen);
    }

    // ---- header ----

    private int findHeaderStart() {
        Set<String> firstLevel = new HashSet<>();
        for (ColumnDef c : table.allColumns()) {
            if (!c.header().isEmpty()) {
                firstLevel.add(Text.key(c.header().get(0)));
            }
        }
        for (int r = titleRow + 1; r <= Math.min(text.lastRow(), titleRow + MAX_HEADER_SCAN); r++) {
            for (int c = 0; c <= text.lastCol(r); c++) {
                if (firstLevel.contains(text.key(r, c))) {
                    return r;
                }
            }
        }
        return titleRow + 3;
    }

    private void locateColumns(int headerStart, int depth) {
        int width = Math.max(table.columnCount(), maxCol(headerStart, depth) + 1);
        List<String> physical = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<String> path = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
                String k = text.key(headerStart + l, c);
                if (!k.isEmpty() && (path.isEmpty() || !path.get(path.size() - 1).equals(k))) {
                    path.add(k);
                }
            }
            physical.add(String.join("/", path));
        }
        Set<Integer> used = new HashSet<>();
        int planned = 0;
        for (BlockDef block : table.blocks()) {
            Map<String, Integer> cols = new LinkedHashMap<>();
            List<Integer> codes = locateCodeColumns(block, physical, used);
            for (ColumnDef col : block.columns()) {
                if (col.kind().isCode() && !codes.isEmpty()) {
                    int idx = block.columns().stream().filter(c -> c.kind().isCode()).toList().indexOf(col);
                    cols.put(col.key(), codes.get(Math.min(idx, codes.size() - 1)));
                    planned++;
                    continue;
                }
                String want = String.join("/", col.header().stream().map(Text::key).toList());
                int found = -1;
                for (int c = 0; c < physical.size(); c++) {
                    if (!used.contains(c) && physical.get(c).equals(want)) {
                        found = c;
                        break;
                    }
                }
                if (found < 0) {
                    found = planned;
                    if (col.isAmount()) {
                        notes.add(new ReadNote("column_not_found", table.key(), sheetName,
                                new CellLoc(sheetName, headerStart, found).a1(), null,
                                "《" + table.title() + "》表头中找不到“" + String.join("/", col.header())
                                        + "”列，按标准位置第" + (found + 1) + "列读取。"));
                    }
                }
                used.add(found);
                cols.put(col.key(), found);
                planned++;
            }
            columns.add(cols);
            codeColumns.add(codes);
        }
    }

    /**
     * Physical code columns of a block, whatever the descriptor says: one cell ("2060101") or several (类|款|项),
     * found as the adjacent columns under the code header ("项目/科目编码").
     */
    private List<Integer> locateCodeColumns(BlockDef block, List<String> physical, Set<Integer> used) {
        List<ColumnDef> codeDefs = block.columns().stream().filter(c -> c.kind().isCode()).toList();
        if (codeDefs.isEmpty()) {
            return List.of();
        }
        List<String> h = codeDefs.get(0).header();
        List<String> prefixPath = codeDefs.get(0).kind() == ColumnKind.CODE || h.size() < 2 ? h : h.subList(0, h.size() - 1);
        String prefix = String.join("/", prefixPath.stream().map(Text::key).toList());
        List<Integer> found = new ArrayList<>();
        for (int c = 0; c < physical.size(); c++) {
            String p = physical.get(c);
            boolean match = !used.contains(c) && (p.equals(prefix) || p.startsWith(prefix + "/"));
            if (match && (found.isEmpty() || found.get(found.size() - 1) == c - 1)) {
                found.add(c);
            } else if (!found.isEmpty()) {
                break;
            }
        }
        if (found.size() > 3) {
            found = found.subList(0, 3);
        }
        used.addAll(found);
        return found;
    }

    private int maxCol(int start, int depth) {
        int max = 0;
        for (int r = start; r < start + depth; r++) {
            max = Math.max(max, text.lastCol(r));
        }
        return max;
    }

    /** The 栏次 row: says "栏次", or carries the column numbers in most amount columns. */
    private boolean isColumnNumberRow(int r) {
        if (rowContains(r, "栏次")) {
            return true;
        }
        if (!table.hasColumnNumbers()) {
            return false;
        }
        int hits = 0;
        int numbered = 0;
        for (int b = 0; b < table.blocks().size(); b++) {
            for (ColumnDef col : table.blocks().get(b).amountColumns()) {
                if (col.colNo() != null) {
                    numbered++;
                    if (Text.key(text.raw(r, columns.get(b).get(col.key()))).equals(col.colNo())) {
                        hits++;
                    }
                }
            }
        }
        return numbered > 0 && hits * 2 > numbered;
    }

    private boolean rowContains(int r, String what) {
        for (int c = 0; c <= text.lastCol(r); c++) {
            if (text.key(r, c).equals(what)) {
                return true;
            }
        }
        return false;
    }

    private int findBodyEnd(int body) {
        for (int r = body; r <= text.lastRow(); r++) {
            String first = firstText(r);
            if (first.startsWith("注") && (first.startsWith("注：") || first.startsWith("注:"))) {
                return r;
            }
        }
        return text.lastRow() + 1;
    }

    private String firstText(int r) {
        for (int c = 0; c <= text.lastCol(r); c++) {
            String t = text.raw(r, c);
            if (!t.isEmpty()) {
                return Text.halfWidth(t).replace(':', '：');
            }
        }
        return "";
    }

    /** Text under the footnote line: the empty-table note or another remark. */
    private String readNote(int end) {
        StringBuilder b = new StringBuilder();
        for (int r = end + 1; r <= Math.min(text.lastRow(), end + 3); r++) {
            String t = text.raw(r, 0);
            if (!t.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(t);
            }
        }
        if (end <= text.lastRow()) {
            String foot = text.raw(end, 0);
            if (b.length() == 0 && table.emptyNote() != null && foot.contains("无数据")
                    && (table.footnote() == null || !Text.key(foot).equals(Text.key(table.footnote())))) {
                return foot;
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    /**
     * Amount cells holding numbers typed as text become numbers in the in-memory workbook (the input file is never
     * written), so that totals over them evaluate as Excel shows them; each gets its note once.
     */
    private void numbersTypedAsText(int body, int end) {
        boolean changed = false;
        for (int b = 0; b < table.blocks().size(); b++) {
            for (ColumnDef col : table.blocks().get(b).amountColumns()) {
                int c = columns.get(b).get(col.key());
                for (int r = body; r < end; r++) {
                    Cell cell = text.cell(r, c);
                    if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                        continue;
                    }
                    Numbers.Parsed p = Numbers.parse(cell.getStringCellValue());
                    if (p.hasIssue()) {
                        notes.add(new ReadNote(p.issue(), table.key(), sheetName, new CellLoc(sheetName, r, c).a1(),
                                cell.getStringCellValue(), p.message()));
                    }
                    if (p.value() != null) {
                        text.setNumber(r, c, p.value().doubleValue());
                        changed = true;
                    }
                }
            }
        }
        if (changed) {
            values.cacheCleared();
        }
    }

    // ---- rows ----

    /** The first fixed row of the block not yet read whose code, label or alias matches the sheet row. */
    private RowDef matchFixed(BlockDef block, Map<String, Integer> cols, int r, Set<String> seen) {
        SheetRow row = new SheetRow(block, cols, r);
        RowDef first = null;
        for (RowDef def : block.rows()) {
            if (def.key() != null && matches(row, def)) {
                if (!seen.contains(def.key())) {
                    return def;
                }
                first = first == null ? def : first;
            }
        }
        return first != null ? first : matchByLine(block, cols, r);
    }

    private boolean matches(SheetRow row, RowDef def) {
        if (def.isArea()) {
            return false;
        }
        if (def.code() != null) {
            return def.code().equals(row.code());
        }
        String labelKey = row.labelKey();
        return !labelKey.isEmpty() && labelKeys(def).contains(labelKey);
    }

    /** A sheet row's code and label key, each worked out when first asked for (once, not once per fixed row). */
    private final class SheetRow {
        private final BlockDef block;
        private final Map<String, Integer> cols;
        private final int r;
        private String code;
        private boolean codeKnown;
        private String labelKey;

        SheetRow(BlockDef block, Map<String, Integer> cols, int r) {
            this.block = block;
            this.cols = cols;
            this.r = r;
        }

        String code() {
            if (!codeKnown) {
                code = codeText(block, cols, r, null, null);
                codeKnown = true;
            }
            return code;
        }

        String labelKey() {
            if (labelKey == null) {
                labelKey = Text.labelKey(labelText(block, cols, r));
            }
            return labelKey;
        }
    }

    /** Label keys of a fixed row: its label's and its aliases'. */
    private List<String> labelKeys(RowDef def) {
        return defKeys.computeIfAbsent(def, d -> {
            List<String> keys = new ArrayList<>();
            keys.add(Text.labelKey(d.label()));
            d.aliases().forEach(a -> keys.add(Text.labelKey(a)));
            return keys;
        });
    }

    private RowDef matchByLine(BlockDef block, Map<String, Integer> cols, int r) {
        String label = labelText(block, cols, r);
        String labelKey = Text.labelKey(label);
        if (block.area().isEmpty() && !labelKey.isEmpty()) {
            Integer lineCol = columnOfKind(block, cols, ColumnKind.LINE);
            if (lineCol != null) {
                String line = text.key(r, lineCol);
                for (RowDef def : block.rows()) {
                    if (def.key() != null && line.equals(def.line()) && def.code() == null) {
                        note("label_by_line", r, firstDescriptive(block, cols), label,
                                "“" + label + "”与标准项目名称“" + def.label() + "”不同，按行次 " + line + " 识别。");
                        return def;
                    }
                }
            }
        }
        return null;
    }

    /** Text of a row's label: the label column, else the first non-empty descriptive cell. */
    private String labelText(BlockDef block, Map<String, Integer> cols, int r) {
        Integer labelCol = columnOfKind(block, cols, ColumnKind.LABEL);
        if (labelCol != null) {
            return text.text(r, labelCol);
        }
        for (ColumnDef c : block.descriptiveColumns()) {
            String t = text.text(r, cols.get(c.key()));
            if (!t.isEmpty() && !DIGITS.matcher(Text.key(t)).matches()) {
                return t;
            }
        }
        return "";
    }

    private Integer columnOfKind(BlockDef block, Map<String, Integer> cols, ColumnKind kind) {
        for (ColumnDef c : block.columns()) {
            if (c.kind() == kind) {
                return cols.get(c.key());
            }
        }
        return null;
    }

    private int firstDescriptive(BlockDef block, Map<String, Integer> cols) {
        List<ColumnDef> d = block.descriptiveColumns();
        return d.isEmpty() ? cols.values().iterator().next() : cols.get(d.get(0).key());
    }

    /**
     * The code of a row from its code cell(s), or null. Split codes may leave 类 (and 款) empty on lower rows;
     * they are then taken from the rows above.
     */
    private String codeText(BlockDef block, Map<String, Integer> cols, int r, String lei, String kuan) {
        List<Integer> codes = codeColumns.get(table.blocks().indexOf(block));
        if (codes.isEmpty()) {
            return null;
        }
        if (codes.size() == 1) {
            String c = Text.key(text.raw(r, codes.get(0))).replace("|", "").replace("-", "");
            return DIGITS.matcher(c).matches() ? c : null;
        }
        String l = Text.key(text.raw(r, codes.get(0)));
        String k = Text.key(text.raw(r, codes.get(1)));
        String x = codes.size() > 2 ? Text.key(text.raw(r, codes.get(2))) : "";
        if (l.isEmpty() && k.isEmpty() && x.isEmpty()) {
            return null;
        }
        if (l.length() > 3 && k.isEmpty() && x.isEmpty()) {
            return DIGITS.matcher(l).matches() ? l : null;
        }
        if (l.isEmpty()) {
            l = lei == null ? "" : lei;
        }
        if (k.isEmpty() && !x.isEmpty()) {
            k = kuan == null ? "" : kuan.length() == 5 ? kuan.substring(3) : kuan;
        }
        if (k.length() == 1) {
            k = "0" + k;
        }
        if (x.length() == 1) {
            x = "0" + x;
        }
        String code = l + k + x;
        return DIGITS.matcher(code).matches() ? code : null;
    }

    /** {code, 类 code, 款 code} of an area row, or null when the row has no valid code. */
    private String[] areaCode(BlockDef block, Map<String, Integer> cols, int r, String lei, String kuan) {
        String code = codeText(block, cols, r, lei, kuan);
        if (code == null) {
            return null;
        }
        boolean functional = block.area().get().area().isFunctional();
        int n = code.length();
        boolean ok = functional ? (n == 3 || n == 5 || n == 7) : (n == 3 || n == 5);
        if (!ok) {
            note("bad_code_length", r, firstDescriptive(block, cols), code,
                    "科目编码“" + code + "”位数不对（" + (functional ? "功能分类类/款/项应为3/5/7位" : "经济分类类/款应为3/5位") + "）。");
        }
        return new String[]{code, code.substring(0, Math.min(3, n)), n >= 5 ? code.substring(0, 5) : null};
    }

    private void readFixed(BlockDef block, Map<String, Integer> cols, int r, RowDef def,
                           Map<String, Map<String, BigDecimal>> fixed, Map<String, Map<String, CellLoc>> loc) {
        Map<String, BigDecimal> vals = new LinkedHashMap<>();
        Map<String, CellLoc> cells = new LinkedHashMap<>();
        readAmounts(block, cols, r, vals, cells);
        fixed.put(def.key(), vals);
        loc.put(def.key(), cells);
    }

    private void readAmounts(BlockDef block, Map<String, Integer> cols, int r, Map<String, BigDecimal> vals,
                             Map<String, CellLoc> cells) {
        for (ColumnDef col : block.amountColumns()) {
            int c = cols.get(col.key());
            cells.put(col.key(), new CellLoc(sheetName, r, c));
            BigDecimal v = amount(r, c);
            if (v != null) {
                vals.put(col.key(), v);
            }
        }
    }

    /** @param end the row that ends the body (the footnote, or past the last row); r is above it */
    private boolean readLabellessRow(BlockDef block, Map<String, Integer> cols, int r, int end,
                                     Map<String, Map<String, BigDecimal>> fixed, Map<String, Map<String, CellLoc>> loc,
                                     Set<String> seen) {
        RowDef def = block.rows().stream().filter(d -> d.key() != null).findFirst().orElse(null);
        if (def == null || seen.contains(def.key())) {
            return true;
        }
        boolean any = block.amountColumns().stream().anyMatch(c -> !CellValues.isEmpty(text.cell(r, cols.get(c.key()))));
        if (!any && r + 1 < end) { // findBodyEnd(r + 1) is end: no footnote between the body's first row and end
            return false;
        }
        seen.add(def.key());
        readFixed(block, cols, r, def, fixed, loc);
        return true;
    }

    private void readArea(BlockDef block, Map<String, Integer> cols, int r, String code, List<SubjectRow> area,
                          List<Map<String, CellLoc>> areaLoc, List<CellLoc> areaCode) {
        Map<String, BigDecimal> vals = new LinkedHashMap<>();
        Map<String, CellLoc> cells = new LinkedHashMap<>();
        readAmounts(block, cols, r, vals, cells);
        Integer nameCol = columnOfKind(block, cols, ColumnKind.NAME);
        String name = nameCol == null ? null : text.text(r, nameCol);
        area.add(new SubjectRow(code, name == null || name.isEmpty() ? null : name, vals));
        areaLoc.add(cells);
        areaCode.add(new CellLoc(sheetName, r, firstDescriptive(block, cols)));
    }

    private void reportUnknown(BlockDef block, Map<String, Integer> cols, int r) {
        boolean anyAmount = false;
        for (ColumnDef col : block.amountColumns()) {
            if (!CellValues.isEmpty(text.cell(r, cols.get(col.key())))) {
                anyAmount = true;
                break;
            }
        }
        String label = labelText(block, cols, r);
        if (anyAmount || !Text.isBlank(label) && block.area().isEmpty()) {
            if (Text.isBlank(label) && !anyAmount) {
                return;
            }
            note("unknown_row", r, firstDescriptive(block, cols), label,
                    Text.isBlank(label) ? "有金额但没有项目名称或科目编码的行，未读取。"
                            : "不认识的项目“" + label + "”，该行未读取。");
        }
    }

    private BigDecimal amount(int r, int c) {
        if (locateOnly || text.isMergedNotTopLeft(r, c)) {
            return null;
        }
        Cell cell = text.cell(r, c);
        Numbers.Parsed p = values.amount(cell);
        if (p.hasIssue()) {
            notes.add(new ReadNote(p.issue(), table.key(), sheetName, new CellLoc(sheetName, r, c).a1(),
                    text.raw(r, c), p.message()));
        }
        return p.value();
    }

    private void note(String code, int r, int c, String raw, String message) {
        notes.add(new ReadNote(code, table.key(), sheetName, new CellLoc(sheetName, r, c).a1(), raw, message));
    }

}
