package cn.juesuan.rules;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookMap.TableLoc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One table of the workbook as the rules see it: layout, values read and where they sit. */
final class TableView {
    final TableLayout layout;
    final TableData data;
    final TableLoc loc;
    /** The read data has this table (some value, 科目 row or note). */
    final boolean filled;
    private final Map<String, Integer> areaByCode = new HashMap<>();
    private final BlockDef areaBlock;

    TableView(TableLayout layout, TableData data, TableLoc loc, boolean filled) {
        this.layout = layout;
        this.data = data == null ? TableData.EMPTY : data;
        this.loc = loc;
        this.filled = filled;
        this.areaBlock = layout.areaBlock().orElse(null);
        List<SubjectRow> rows = this.data.rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).code() != null) {
                areaByCode.putIfAbsent(rows.get(i).code(), i);
            }
        }
    }

    String key() {
        return layout.key();
    }

    boolean missing() {
        return loc == null;
    }

    /** Tables that may be published empty (政府性基金, 国有资本经营): an unfilled one reads as all zeros. */
    boolean mayBeEmpty() {
        return layout.emptyNote() != null;
    }

    boolean hasArea() {
        return areaBlock != null;
    }

    BlockDef areaBlock() {
        return areaBlock;
    }

    List<SubjectRow> rows() {
        return data.rows();
    }

    int areaIndexOf(String code) {
        Integer i = areaByCode.get(code);
        return i == null ? -1 : i;
    }

    /** True when any amount of the table is non-zero. */
    boolean hasAmounts() {
        return !data.hasNoAmounts();
    }

    // ---- cells ----

    CellRef fixed(String rowKey, String col) {
        BigDecimal v = data.value(rowKey, col);
        CellLoc l = loc == null ? null : loc.cell(rowKey, col);
        return new CellRef(key(), rowKey, -1, col, v, l);
    }

    CellRef area(int i, String col) {
        BigDecimal v = i < data.rows().size() ? data.rows().get(i).amounts().get(col) : null;
        CellLoc l = loc != null && i < loc.area().size() ? loc.area().get(i).get(col) : null;
        return new CellRef(key(), null, i, col, v, l);
    }

    /** One row's cells by column key: a keyed fixed row or a 科目 row. */
    interface RowCells {
        CellRef cell(String col);
    }

    /** The block's keyed fixed rows, then, when the block holds the 科目 area, each 科目 row. */
    List<RowCells> rowsOf(BlockDef block) {
        List<RowCells> out = new ArrayList<>();
        for (RowDef r : block.rows()) {
            if (r.key() != null && !r.isArea()) {
                out.add(col -> fixed(r.key(), col));
            }
        }
        if (block.area().isPresent()) {
            for (int i = 0; i < data.rows().size(); i++) {
                int index = i;
                out.add(col -> area(index, col));
            }
        }
        return out;
    }

    /** The 科目 row with this code, or an absent cell (value and location null) when the table has none. */
    CellRef areaByCode(String code, String col) {
        int i = areaIndexOf(code);
        return i < 0 ? new CellRef(key(), "#" + code, -1, col, null, null) : area(i, col);
    }

    CellLoc codeCell(int areaIndex) {
        return loc != null && areaIndex < loc.areaCode().size() ? loc.areaCode().get(areaIndex) : null;
    }

    // ---- layout ----

    Optional<RowDef> row(String rowKey) {
        return layout.row(rowKey);
    }

    Optional<BlockDef> blockOfRow(String rowKey) {
        return layout.blockOfRow(rowKey);
    }

    /** Keyed fixed rows of all blocks, in layout order. */
    List<RowDef> fixedRows() {
        List<RowDef> out = new ArrayList<>();
        for (BlockDef b : layout.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.key() != null && !r.isArea()) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    Optional<ColumnDef> column(CellRef c) {
        if (c.isArea() || c.rowKey() != null && c.rowKey().startsWith("#")) {
            return areaBlock == null ? Optional.empty() : areaBlock.column(c.col());
        }
        return blockOfRow(c.rowKey()).flatMap(b -> b.column(c.col()));
    }

    String rowLabel(CellRef c) {
        if (c.isArea()) {
            SubjectRow r = data.rows().get(c.areaIndex());
            return r.code() + (r.name() == null ? "" : " " + r.name());
        }
        if (c.rowKey() != null && c.rowKey().startsWith("#")) {
            return c.rowKey().substring(1);
        }
        return row(c.rowKey()).map(r -> r.code() != null ? r.code() + " " + r.label()
                : r.label() == null ? layout.title() : r.label()).orElse(c.rowKey());
    }

    String columnLabel(CellRef c) {
        return column(c).map(col -> String.join("/", col.header())).orElse(c.col());
    }

    String columnLeaf(CellRef c) {
        return column(c).map(ColumnDef::leafHeader).orElse(c.col());
    }

    // ---- descriptor sums ----

    /**
     * The cells a descriptor sum computes this cell from (a 合计 row, "@classes", or a column such as 合计 = 基本 + 项目);
     * empty for a cell that is typed in. The row sum wins where both apply, as in the generated formulas.
     */
    List<CellRef> components(CellRef c) {
        List<CellRef> out = new ArrayList<>();
        if (!c.isArea() && c.rowKey() != null && !c.rowKey().startsWith("#")) {
            RowDef def = row(c.rowKey()).orElse(null);
            if (def != null && def.isSumOfClasses()) {
                for (int i = 0; i < data.rows().size(); i++) {
                    if (data.rows().get(i).level() == 1) {
                        out.add(area(i, c.col()));
                    }
                }
                return out;
            }
            if (def != null && def.isSum()) {
                for (String k : def.sum()) {
                    Optional<BlockDef> b = blockOfRow(k);
                    if (b.isPresent() && b.get().column(c.col()).isPresent()) {
                        out.add(fixed(k, c.col()));
                    }
                }
                return out;
            }
        }
        Optional<ColumnDef> col = column(c);
        if (col.isPresent() && !col.get().sum().isEmpty()) {
            for (String k : col.get().sum()) {
                out.add(c.isArea() ? area(c.areaIndex(), k) : fixed(c.rowKey(), k));
            }
        }
        return out;
    }

    /** All cells the given cells are computed from, followed down through descriptor sums (the cells excluded). */
    Set<CellRef> precedents(List<CellRef> cells) {
        Set<String> seen = new java.util.HashSet<>();
        cells.forEach(c -> seen.add(c.id()));
        Set<CellRef> out = new LinkedHashSet<>();
        List<CellRef> todo = new ArrayList<>(cells);
        while (!todo.isEmpty()) {
            CellRef c = todo.remove(todo.size() - 1);
            for (CellRef p : components(c)) {
                if (seen.add(p.id())) {
                    out.add(p);
                    todo.add(p);
                }
            }
        }
        return out;
    }

    /** Located cells with a non-zero amount, fixed rows first, in layout order. */
    List<CellRef> nonZeroCells() {
        List<CellRef> out = new ArrayList<>();
        for (BlockDef b : layout.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.key() != null && !r.isArea()) {
                    for (ColumnDef c : b.amountColumns()) {
                        CellRef x = fixed(r.key(), c.key());
                        if (x.isNonZero() && x.loc() != null) {
                            out.add(x);
                        }
                    }
                }
            }
        }
        if (areaBlock != null) {
            for (int i = 0; i < data.rows().size(); i++) {
                for (ColumnDef c : areaBlock.amountColumns()) {
                    CellRef x = area(i, c.key());
                    if (x.isNonZero() && x.loc() != null) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }
}
