package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForwardSpec.CellKey;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Amounts of one unit-year by keys. A total the data leaves out (data written as JSON need not repeat totals) is
 * computed from its parts as the layout defines them; a workbook read back has its totals already.
 */
public final class LayoutValues {
    private final Profile profile;
    private final ReportData data;

    public LayoutValues(Profile profile, ReportData data) {
        this.profile = profile;
        this.data = data;
    }

    /** The amount, or null when the data has neither it nor any of its parts. */
    public BigDecimal get(CellKey c) {
        return value(c.table(), c.row(), c.column(), 0);
    }

    private BigDecimal value(String table, String row, String column, int depth) {
        TableData td = data.table(table);
        BigDecimal v = td.value(row, column);
        if (v != null || depth > 8) {
            return v;
        }
        Optional<TableLayout> layout = profile.table(table);
        Optional<RowDef> def = layout.flatMap(t -> t.row(row));
        if (def.isEmpty()) {
            return null;
        }
        if (def.get().isSumOfClasses()) {
            return sum(td.rows().stream().filter(r -> r.level() == 1).map(r -> r.amounts().get(column)).toList());
        }
        if (def.get().isSum()) {
            return sum(def.get().sum().stream().map(part -> value(table, part, column, depth + 1)).toList());
        }
        Optional<ColumnDef> col = layout.get().blockOfRow(row).flatMap(b -> b.column(column));
        if (col.isPresent() && !col.get().sum().isEmpty()) {
            return sum(col.get().sum().stream().map(part -> value(table, row, part, depth + 1)).toList());
        }
        return null;
    }

    /** The 科目 rows of a table, or none when the table has no 科目 area in this profile. */
    public List<SubjectRow> rows(String table) {
        boolean hasArea = profile.table(table).flatMap(TableLayout::areaBlock).map(BlockDef::area).isPresent();
        return hasArea ? data.table(table).rows() : List.of();
    }

    public boolean hasTable(String table) {
        return profile.table(table).isPresent();
    }

    private static BigDecimal sum(List<BigDecimal> parts) {
        BigDecimal s = null;
        for (BigDecimal p : parts) {
            if (p != null) {
                s = s == null ? p : s.add(p);
            }
        }
        return s;
    }
}
