package cn.juesuan.rules;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code column-sum}, derived from a descriptor column's "sum": in every row of its block (fixed rows and
 * 科目 rows), the column = Σ of the listed columns. Not written in rule files.
 */
final class ColumnSumRule extends BaseRule {
    static final String KIND = "column-sum";
    static final String DEFAULT_MESSAGE = "“{row}”的“{column}”{reported} 与 {parts} 之和 {computed} 不等，相差 {difference}。";
    private final String table;
    private final BlockDef block;
    private final ColumnDef column;
    private final String partNames;

    ColumnSumRule(String id, String table, BlockDef block, ColumnDef column, Severity severity, String message) {
        super(id, KIND, severity, "《" + table + "》“" + String.join("/", column.header()) + "”= "
                + String.join(" + ", column.sum()), message, Tolerance.DEFAULT, null, null);
        this.table = table;
        this.block = block;
        this.column = column;
        List<String> names = new ArrayList<>();
        for (String k : column.sum()) {
            block.column(k).ifPresent(c -> names.add(c.leafHeader()));
        }
        this.partNames = String.join("、", names);
    }

    @Override
    public void check(Context ctx) {
        TableView v = ctx.view(table);
        if (v.missing() || !v.filled) {
            return;
        }
        for (TableView.RowCells r : v.rowsOf(block)) {
            List<Term> parts = new ArrayList<>();
            for (String k : column.sum()) {
                parts.add(Term.plus(r.cell(k)));
            }
            Identity.check(ctx, this, Identity.Op.EQ, List.of(Term.plus(r.cell(column.key()))), parts,
                    Map.of("parts", partNames), DEFAULT_MESSAGE);
        }
    }
}
