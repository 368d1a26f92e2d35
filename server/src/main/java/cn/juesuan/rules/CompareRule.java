package cn.juesuan.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kinds {@code equal}, {@code ge}, {@code le}: left (the reported side, its first cell is the one to fix) compared
 * with right, both sums of cells possibly in different tables.
 * <pre>
 * {"id":"X7","kind":"equal","left":"fiscal_summary!total_expense.gpb","right":"gpb_expenditure!total.total"}
 * {"id":"X5","kind":"equal","forEach":"class","left":"income_expense_summary!{code}.amount","right":"expenditure!#{code}.total"}
 * {"id":"X2","kind":"equal","checks":[{"left":"…","right":"…"},…]}
 * {"id":"X17","kind":"ge","forEach":"code","columns":["basic","project"],"left":"expenditure!#{code}.{col}","right":"gpb_expenditure!#{code}.{col}"}
 * {"id":"T5=T7","kind":"equal","when":{"zero":"fiscal_summary!total_expense.gfb + fiscal_summary!total_expense.soc"},…}
 * </pre>
 * forEach "class" runs once per 类 code, "code" once per 科目 code, found in the tables the {code} terms read
 * (科目 rows, and fixed rows keyed by code that hold a value). A rule whose tables are missing, or unfilled and not
 * allowed to be empty, is skipped (the {@code required} rule reports them); a forEach rule is also skipped when a
 * table it reads by #{code} has a total but no 科目 rows.
 */
final class CompareRule extends BaseRule {
    static final String DEFAULT_MESSAGE = "“{row}”的“{column}”{reported} 应 {op} {computed}（{parts}），相差 {difference}。";

    private record Pair(Expr left, Expr right) {
    }

    private final Identity.Op op;
    private final List<Pair> checks = new ArrayList<>();
    private final String forEach;
    private final List<String> columns;
    private final Expr when;
    private final boolean whenZero;
    private final Set<String> tables = new LinkedHashSet<>();

    CompareRule(RuleSpec s, Identity.Op op) {
        super(s);
        s.allow("left", "right", "checks", "forEach", "columns", "when");
        this.op = op;
        if (s.has("checks")) {
            JsonNode list = s.node.get("checks");
            if (!list.isArray() || list.isEmpty()) {
                throw s.error("checks 应为非空数组");
            }
            int i = 0;
            for (JsonNode c : list) {
                checks.add(new Pair(s.expr(c.get("left"), "checks[" + i + "].left"),
                        s.expr(c.get("right"), "checks[" + i + "].right")));
                i++;
            }
        } else {
            checks.add(new Pair(s.expr("left"), s.expr("right")));
        }
        this.forEach = s.text("forEach", null);
        if (forEach != null && !forEach.equals("class") && !forEach.equals("code")) {
            throw s.error("forEach 只能是 class 或 code");
        }
        this.columns = s.has("columns") ? s.list("columns") : null;
        boolean usesCode = checks.stream().anyMatch(p -> p.left.uses("code") || p.right.uses("code"));
        boolean usesCol = checks.stream().anyMatch(p -> p.left.uses("col") || p.right.uses("col"));
        if (usesCode != (forEach != null)) {
            throw s.error(forEach == null ? "表达式用了 {code}，需要 forEach" : "forEach 需要在表达式中用 {code}");
        }
        if (usesCol != (columns != null)) {
            throw s.error(columns == null ? "表达式用了 {col}，需要 columns" : "columns 需要在表达式中用 {col}");
        }
        if (s.has("when")) {
            JsonNode w = s.node.get("when");
            whenZero = w.has("zero");
            if (!whenZero && !w.has("nonzero")) {
                throw s.error("when 应为 {\"zero\": 表达式} 或 {\"nonzero\": 表达式}");
            }
            when = s.expr(w.get(whenZero ? "zero" : "nonzero"), "when");
            tables.addAll(when.tables());
        } else {
            when = null;
            whenZero = false;
        }
        for (Pair p : checks) {
            tables.addAll(p.left.tables());
            tables.addAll(p.right.tables());
        }
    }

    @Override
    public void check(Context ctx) {
        for (String t : tables) {
            if (!ctx.usable(t)) {
                return;
            }
        }
        if (when != null) {
            boolean zero = when.resolve(ctx, Map.of()).stream().map(Term::signedValue)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).signum() == 0;
            if (zero != whenZero) {
                return;
            }
        }
        List<String> codes = forEach == null ? java.util.Collections.singletonList(null) : codes(ctx);
        if (codes == null) {
            return;
        }
        List<String> cols = columns == null ? java.util.Collections.singletonList(null) : columns;
        for (String code : codes) {
            for (String col : cols) {
                Map<String, String> vars = new java.util.HashMap<>();
                if (code != null) {
                    vars.put("code", code);
                }
                if (col != null) {
                    vars.put("col", col);
                }
                for (Pair p : checks) {
                    Identity.check(ctx, this, op, p.left.resolve(ctx, vars), p.right.resolve(ctx, vars),
                            vars, DEFAULT_MESSAGE);
                }
            }
        }
    }

    /** Codes to run over, in order of first appearance; null when a table read by #{code} lacks its 科目 rows. */
    private List<String> codes(Context ctx) {
        Set<String> out = new LinkedHashSet<>();
        for (Pair p : checks) {
            for (Expr e : List.of(p.left, p.right)) {
                for (Expr.TermSpec t : e.terms) {
                    if (!t.row().contains("{code}")) {
                        continue;
                    }
                    TableView v = ctx.view(t.table());
                    if (t.isArea()) {
                        if (v.filled && v.rows().isEmpty() && v.hasAmounts()) {
                            return null;
                        }
                        v.rows().forEach(r -> {
                            if (r.code() != null && (forEach.equals("code") || r.code().length() == 3)) {
                                out.add(r.code());
                            }
                        });
                    } else {
                        for (var r : v.fixedRows()) {
                            String k = r.key();
                            boolean isCode = k.chars().allMatch(Character::isDigit)
                                    && (forEach.equals("code") || k.length() == 3);
                            Map<String, java.math.BigDecimal> vals = v.data.values().get(k);
                            if (isCode && vals != null && !vals.isEmpty()) {
                                out.add(k);
                            }
                        }
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }
}
