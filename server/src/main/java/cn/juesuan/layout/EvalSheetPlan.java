package cn.juesuan.layout;

import cn.juesuan.layout.EvalSheetLayout.Cell;
import cn.juesuan.layout.EvalSheetLayout.ListColumn;
import cn.juesuan.layout.EvalSheetLayout.ListDef;
import cn.juesuan.text.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the cells of a self-evaluation sheet sit before its lists expand (rows and columns as in HTML tables: a cell
 * covering several rows keeps its columns taken below), and how each value is found again when reading: right of its
 * label, at its row label × column header, or under its header.
 */
public final class EvalSheetPlan {

    /** A grid cell at its place; rows and columns zero-based, last ones inclusive. */
    public record Placed(Cell cell, int row, int col, int lastRow, int lastCol) {
        public String key() {
            return cell.isText() ? labelKey(cell.text()) : null;
        }
    }

    /**
     * A list at its place.
     *
     * @param headerRow first header row
     * @param itemRow   the repeating row (in the template; items expand from here)
     * @param side      the side label, or null
     * @param starts    first column of each list column
     * @param headers   the header cells (merged where neighbours share a header)
     */
    public record ListPlace(ListDef list, int headerRow, int itemRow, Placed side, List<Integer> starts,
                            List<Placed> headers) {
        public int start(String field) {
            for (int i = 0; i < list.columns().size(); i++) {
                if (list.columns().get(i).field().equals(field)) {
                    return starts.get(i);
                }
            }
            return -1;
        }

        public int lastCol(int index) {
            return starts.get(index) + list.columns().get(index).spanOr1() - 1;
        }
    }

    /** How a value is found when reading. */
    public enum Mode {
        /** The first value right of its label, in the label's row. */
        RIGHT_OF_LABEL,
        /** Column of its header, row of its row label (first such row below the header). */
        ROW_AND_HEADER,
        /** Directly under its header. */
        UNDER_HEADER
    }

    /**
     * @param value           the value cell
     * @param mode            how to find it
     * @param label           its label (RIGHT_OF_LABEL) or row label (ROW_AND_HEADER), else null
     * @param labelOccurrence how many cells with the same text come before the label (row-major order)
     * @param header          its column header (ROW_AND_HEADER, UNDER_HEADER), else null
     * @param headerOccurrence how many cells with the header's text come before it
     */
    public record Anchor(Placed value, Mode mode, Placed label, int labelOccurrence, Placed header, int headerOccurrence) {
        /** The printed label: “项目名称”, “年度资金总额 / 全年执行数”, “年度目标”. */
        public String text() {
            String t = switch (mode) {
                case RIGHT_OF_LABEL -> label.cell().text();
                case ROW_AND_HEADER -> label.cell().text() + " / " + header.cell().text();
                case UNDER_HEADER -> header.cell().text();
            };
            return t.replace("{year}", "").strip();
        }
    }

    private final EvalSheetLayout layout;
    private final List<Placed> cells = new ArrayList<>();
    private final List<ListPlace> lists = new ArrayList<>();
    private final List<Anchor> anchors = new ArrayList<>();
    private final int rowCount;

    private EvalSheetPlan(EvalSheetLayout layout) {
        this.layout = layout;
        int width = layout.columnCount();
        Set<Long> taken = new HashSet<>();
        int r = 0;
        for (EvalSheetLayout.Row row : layout.rows()) {
            if (row.isList()) {
                r = placeList(row.list(), r, width, taken);
                continue;
            }
            int c = 0;
            for (Cell cell : row.cells()) {
                while (c < width && taken.contains(pos(r, c))) {
                    c++;
                }
                int lastCol = c + cell.spanOr1() - 1;
                int lastRow = r + cell.rowsOr1() - 1;
                if (lastCol >= width) {
                    throw new IllegalArgumentException(layout.key() + "：第 " + (r + 1) + " 行超出 " + width + " 列");
                }
                for (int rr = r; rr <= lastRow; rr++) {
                    for (int cc = c; cc <= lastCol; cc++) {
                        taken.add(pos(rr, cc));
                    }
                }
                cells.add(new Placed(cell, r, c, lastRow, lastCol));
                c = lastCol + 1;
            }
            r++;
        }
        rowCount = Math.max(r, cells.stream().mapToInt(p -> p.lastRow() + 1).max().orElse(0));
        for (Placed p : cells) {
            if (p.cell().isValue()) {
                anchors.add(anchor(p));
            }
        }
    }

    /** The plan of a layout, worked out once per loaded layout (plans are immutable; weak keys compare by identity). */
    public static EvalSheetPlan of(EvalSheetLayout layout) {
        return PLANS.get(layout, EvalSheetPlan::new);
    }

    private static final Cache<EvalSheetLayout, EvalSheetPlan> PLANS = Caffeine.newBuilder().weakKeys().build();

    private int placeList(ListDef list, int r, int width, Set<Long> taken) {
        int depth = list.headerDepth();
        for (int rr = r; rr <= r + depth; rr++) {
            if (taken.contains(pos(rr, 0)) || taken.contains(pos(rr, width - 1))) {
                throw new IllegalArgumentException(layout.key() + "：列表 " + list.key() + " 的行被上方合并单元格占用");
            }
        }
        int c = 0;
        Placed side = null;
        if (list.side() != null) {
            side = new Placed(list.side(), r, 0, r + depth - 1, list.side().spanOr1() - 1);
            c = list.side().spanOr1();
        }
        List<Integer> starts = new ArrayList<>();
        for (ListColumn col : list.columns()) {
            starts.add(c);
            c += col.spanOr1();
        }
        if (c != width) {
            throw new IllegalArgumentException(layout.key() + "：列表 " + list.key() + " 占 " + c + " 列，表宽 " + width + " 列");
        }
        lists.add(new ListPlace(list, r, r + depth, side, List.copyOf(starts), headerCells(list, r, depth, starts)));
        return r + depth + 1;
    }

    private static List<Placed> headerCells(ListDef list, int r, int depth, List<Integer> starts) {
        List<Placed> out = new ArrayList<>();
        List<ListColumn> cols = list.columns();
        for (int level = 0; level < depth; level++) {
            int i = 0;
            while (i < cols.size()) {
                List<String> path = cols.get(i).header();
                if (path.size() <= level) {
                    i++;
                    continue;
                }
                int end = i;
                while (end + 1 < cols.size() && cols.get(end + 1).header().size() > level
                        && cols.get(end + 1).header().subList(0, level + 1).equals(path.subList(0, level + 1))) {
                    end++;
                }
                int lastRow = level == path.size() - 1 ? r + depth - 1 : r + level;
                Cell text = new Cell(path.get(level), level == path.size() - 1 ? cols.get(i).aliases() : null,
                        null, null, null, null, null, "header");
                out.add(new Placed(text, r + level, starts.get(i), lastRow, starts.get(end) + cols.get(end).spanOr1() - 1));
                i = end + 1;
            }
        }
        return List.copyOf(out);
    }

    /** Every text cell: grid texts, list sides and list headers. */
    private List<Placed> texts() {
        List<Placed> all = new ArrayList<>();
        cells.stream().filter(p -> p.cell().isText()).forEach(all::add);
        for (ListPlace l : lists) {
            if (l.side() != null) {
                all.add(l.side());
            }
            all.addAll(l.headers());
        }
        return all;
    }

    private Anchor anchor(Placed v) {
        Placed label = null;
        for (Placed p : cells) {
            if (p.cell().isText() && p.row() == v.row() && p.lastCol() < v.col() && (label == null || p.lastCol() > label.lastCol())) {
                label = p;
            }
        }
        if (label != null && onlyValueBetween(label, v)) {
            return new Anchor(v, Mode.RIGHT_OF_LABEL, label, occurrence(label), null, 0);
        }
        Placed header = headerAbove(v);
        if (header == null) {
            throw new IllegalArgumentException(layout.key() + "：值 " + v.cell().path() + " 既没有左侧标签也没有上方表头");
        }
        return label != null
                ? new Anchor(v, Mode.ROW_AND_HEADER, label, occurrence(label), header, occurrence(header))
                : new Anchor(v, Mode.UNDER_HEADER, null, 0, header, occurrence(header));
    }

    /** The label is followed by this value only, up to the next text cell or the row's end. */
    private boolean onlyValueBetween(Placed label, Placed v) {
        for (Placed p : cells) {
            if (p != v && p.row() == v.row() && p.cell().isValue() && p.col() > label.lastCol()) {
                Placed nextText = nextTextRightOf(label);
                if (nextText == null || p.col() < nextText.col()) {
                    return false;
                }
            }
        }
        return true;
    }

    private Placed nextTextRightOf(Placed label) {
        Placed next = null;
        for (Placed p : cells) {
            if (p.cell().isText() && p.row() == label.row() && p.col() > label.lastCol() && (next == null || p.col() < next.col())) {
                next = p;
            }
        }
        return next;
    }

    private Placed headerAbove(Placed v) {
        Placed best = null;
        for (Placed p : texts()) {
            if (p.lastRow() < v.row() && p.col() <= v.col() && v.col() <= p.lastCol()
                    && (best == null || p.lastRow() > best.lastRow())) {
                best = p;
            }
        }
        return best;
    }

    private int occurrence(Placed target) {
        int n = 0;
        for (Placed p : texts()) {
            if (p != target && p.key().equals(target.key()) && before(p, target)) {
                n++;
            }
        }
        return n;
    }

    private static boolean before(Placed a, Placed b) {
        return a.row() < b.row() || a.row() == b.row() && a.col() < b.col();
    }

    private static long pos(int r, int c) {
        return ((long) r << 16) | c;
    }

    /** Key of a label for matching: normalised as {@link Text#key}, colons and the {year} token removed. */
    public static String labelKey(String s) {
        return Text.key(s).replace("：", "").replace(":", "").replace("{year}", "");
    }

    /** A value of the sheet: its data path and the printed label it sits at ("项目名称", "年度资金总额 / 全年执行数"). */
    public record Value(String path, String label) {
    }

    /** Every grid value with its label, in row order. */
    public List<Value> values() {
        List<Value> out = new ArrayList<>();
        anchors.stream().sorted((a, b) -> a.value().row() != b.value().row() ? Integer.compare(a.value().row(), b.value().row())
                : Integer.compare(a.value().col(), b.value().col())).forEach(a -> out.add(new Value(a.value().cell().path(), a.text())));
        return out;
    }

    /** Each list's columns: list key → (field, leaf header). */
    public java.util.Map<String, List<Value>> listColumns() {
        java.util.Map<String, List<Value>> out = new java.util.LinkedHashMap<>();
        for (ListPlace l : lists) {
            out.put(l.list().key(), l.list().columns().stream().map(c -> new Value(c.field(), c.leaf())).toList());
        }
        return out;
    }

    public EvalSheetLayout layout() {
        return layout;
    }

    /** Cells in row-major order. */
    public List<Placed> cells() {
        return cells.stream().sorted((a, b) -> a.row() != b.row() ? Integer.compare(a.row(), b.row())
                : Integer.compare(a.col(), b.col())).toList();
    }

    public List<ListPlace> lists() {
        return List.copyOf(lists);
    }

    public List<Anchor> anchors() {
        return List.copyOf(anchors);
    }

    /** Rows of the template (each list counted with its header rows and one item row). */
    public int rowCount() {
        return rowCount;
    }

    public int lastColumn() {
        return layout.columnCount() - 1;
    }

    /** Texts of the grid cells placed below a list: a row starting with one of them ends the list when reading. */
    public List<String> textsAfter(ListPlace list) {
        List<String> out = new ArrayList<>();
        for (Placed p : cells) {
            if (p.cell().isText() && p.row() > list.itemRow()) {
                p.cell().allTexts().forEach(t -> out.add(labelKey(t)));
            }
        }
        for (ListPlace other : lists) {
            if (other.headerRow() > list.itemRow()) {
                if (other.side() != null) {
                    other.side().cell().allTexts().forEach(t -> out.add(labelKey(t)));
                }
                other.list().columns().forEach(c -> c.header().forEach(h -> out.add(labelKey(h))));
            }
        }
        out.removeIf(String::isEmpty);
        return out;
    }
}
