package cn.juesuan.rules;

import cn.juesuan.layout.BlockDef;

import java.util.List;
import java.util.Map;

/**
 * Kind {@code balance}: in every row of a table (fixed rows and 科目 rows), 年初 + 收入 − 支出 = 年末.
 * <pre>{"id":"R11.2","kind":"balance","table":"gfb_income_expenditure",
 *  "opening":"opening","income":"income","expense":"expense_total","closing":"closing"}</pre>
 * The closing column is the reported side (the cell to fix).
 */
final class BalanceRule extends BaseRule {
    static final String DEFAULT_MESSAGE = "“{row}”年末结转和结余 {reported} ≠ 年初 + 本年收入 − 本年支出 = {computed}，相差 {difference}。";
    private final String table;
    private final String opening;
    private final String income;
    private final String expense;
    private final String closing;
    private final BlockDef block;

    BalanceRule(RuleSpec s) {
        super(s);
        s.allow("table", "opening", "income", "expense", "closing");
        this.table = s.text("table");
        s.requireTable(table);
        var layout = s.profile.table(table).orElseThrow();
        this.block = layout.areaBlock().orElse(layout.blocks().get(0));
        this.opening = column(s, "opening");
        this.income = column(s, "income");
        this.expense = column(s, "expense");
        this.closing = column(s, "closing");
    }

    private String column(RuleSpec s, String field) {
        String c = s.text(field);
        if (block.column(c).filter(x -> x.isAmount()).isEmpty()) {
            throw s.error("《" + table + "》没有金额列 " + c);
        }
        return c;
    }

    @Override
    public void check(Context ctx) {
        TableView v = ctx.view(table);
        if (v.missing() || !v.filled) {
            return;
        }
        for (TableView.RowCells r : v.rowsOf(block)) {
            Identity.check(ctx, this, Identity.Op.EQ, List.of(Term.plus(r.cell(closing))),
                    List.of(Term.plus(r.cell(opening)), Term.plus(r.cell(income)), Term.minus(r.cell(expense))),
                    Map.of(), DEFAULT_MESSAGE);
        }
    }
}
