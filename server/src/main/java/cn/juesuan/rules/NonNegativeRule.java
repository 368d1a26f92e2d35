package cn.juesuan.rules;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Kind {@code non-negative}: the selected cells must not be negative.
 * <pre>{"id":"R1.7","kind":"non-negative","cells":[{"table":"income_expense_summary","rows":"*",
 *   "exceptRows":["opening_balance","closing_balance"],"columns":"*"}]}</pre>
 * rows: "*" = fixed rows, "area" = 科目 rows, "all" = both, or a list of row keys; columns: "*" or a list.
 */
final class NonNegativeRule extends BaseRule {
    static final String DEFAULT_MESSAGE = "“{row}”的“{column}”为负数 {reported}，此项不应为负。";

    private record Selector(String table, String rows, List<String> rowKeys, Set<String> except, List<String> columns) {
    }

    private final List<Selector> selectors = new ArrayList<>();

    NonNegativeRule(RuleSpec s) {
        super(s);
        s.allow("cells");
        JsonNode cells = s.node.get("cells");
        if (cells == null || !cells.isArray() || cells.isEmpty()) {
            throw s.error("cells 应为非空数组");
        }
        for (JsonNode c : cells) {
            RuleSpec sub = new RuleSpec(c, s.file + "（规则 " + s.id() + " 的 cells）", s.profile);
            String table = c.path("table").asText();
            s.requireTable(table);
            TableLayout layout = s.profile.table(table).orElseThrow();
            JsonNode rows = c.get("rows");
            String mode;
            List<String> keys = null;
            if (rows == null || rows.isTextual() && rows.asText().equals("*")) {
                mode = "fixed";
            } else if (rows.isTextual() && (rows.asText().equals("area") || rows.asText().equals("all"))) {
                mode = rows.asText();
            } else {
                mode = "list";
                keys = sub.list("rows");
                for (String k : keys) {
                    if (layout.row(k).isEmpty()) {
                        throw s.error("《" + table + "》没有行 " + k);
                    }
                }
            }
            selectors.add(new Selector(table, mode, keys, new HashSet<>(sub.list("exceptRows")), sub.listOrAll("columns")));
        }
    }

    @Override
    public void check(Context ctx) {
        for (Selector sel : selectors) {
            TableView v = ctx.view(sel.table);
            if (v.missing() || !v.filled) {
                continue;
            }
            if (!sel.rows.equals("area")) {
                for (BlockDef b : v.layout.blocks()) {
                    for (RowDef r : b.rows()) {
                        if (r.key() == null || r.isArea() || sel.except.contains(r.key())
                                || sel.rows.equals("list") && !sel.rowKeys.contains(r.key())) {
                            continue;
                        }
                        for (ColumnDef c : b.amountColumns()) {
                            if (sel.columns == null || sel.columns.contains(c.key())) {
                                check(ctx, v.fixed(r.key(), c.key()));
                            }
                        }
                    }
                }
            }
            if ((sel.rows.equals("area") || sel.rows.equals("all")) && v.hasArea()) {
                for (int i = 0; i < v.rows().size(); i++) {
                    for (ColumnDef c : v.areaBlock().amountColumns()) {
                        if (sel.columns == null || sel.columns.contains(c.key())) {
                            check(ctx, v.area(i, c.key()));
                        }
                    }
                }
            }
        }
    }

    private void check(Context ctx, CellRef c) {
        if (c.value() != null && c.value().signum() < 0 && c.loc() != null) {
            ctx.finding(this).at(c).numbers(c.value(), null, null, null).add(messageOr(DEFAULT_MESSAGE));
        }
    }
}
