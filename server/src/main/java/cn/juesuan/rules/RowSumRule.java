package cn.juesuan.rules;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.RowDef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code row-sum}, derived from a descriptor row's "sum": in every amount column, the row = Σ of the listed
 * rows ("@classes": Σ 类 rows of the 科目 area). Not written in rule files.
 */
final class RowSumRule extends BaseRule {
    static final String KIND = "row-sum";
    static final String DEFAULT_MESSAGE = "“{row}”的“{column}”{reported} 与其组成部分（{parts}）之和 {computed} 不等，相差 {difference}。";
    private final String table;
    private final RowDef row;
    private final BlockDef block;

    RowSumRule(String id, String table, BlockDef block, RowDef row, Severity severity, String message) {
        super(id, KIND, severity, "《" + table + "》“" + (row.label() == null ? row.key() : row.label())
                + "”= " + (row.isSumOfClasses() ? "科目区各类之和" : String.join(" + ", row.sum())), message,
                Tolerance.DEFAULT, null, null);
        this.table = table;
        this.row = row;
        this.block = block;
    }

    @Override
    public void check(Context ctx) {
        TableView v = ctx.view(table);
        if (v.missing() || !v.filled) {
            return;
        }
        for (ColumnDef col : block.amountColumns()) {
            List<Term> parts = new ArrayList<>();
            if (row.isSumOfClasses()) {
                if (v.rows().isEmpty()) {
                    return; // no 科目 rows: reported by the `required` rule, nothing to add up
                }
                for (int i = 0; i < v.rows().size(); i++) {
                    if (v.rows().get(i).level() == 1) {
                        parts.add(Term.plus(v.area(i, col.key())));
                    }
                }
            } else {
                for (String k : row.sum()) {
                    if (v.blockOfRow(k).flatMap(b -> b.column(col.key())).isPresent()) {
                        parts.add(Term.plus(v.fixed(k, col.key())));
                    }
                }
            }
            String parts2 = row.isSumOfClasses() ? "各类科目" : null;
            Identity.check(ctx, this, Identity.Op.EQ, List.of(Term.plus(v.fixed(row.key(), col.key()))), parts,
                    parts2 == null ? Map.of() : Map.of("parts", parts2), DEFAULT_MESSAGE);
        }
    }
}
