package cn.juesuan.rules;

import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.SubjectRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code hierarchy}: in the 科目 area of each table, every 类 = Σ its 款 and every 款 = Σ its 项, in every
 * amount column (or the listed ones). A 科目 whose parent is not listed, or a code listed twice, is reported too.
 * <pre>{"id":"R3.2","kind":"hierarchy","tables":["expenditure"],"columns":"*","orphanSeverity":"提示"}</pre>
 */
final class HierarchyRule extends BaseRule {
    static final String KIND = "hierarchy";
    static final String DEFAULT_MESSAGE = "{level}“{row}”的“{column}”{reported} 与其下级{childLevel}之和 {computed} 不等，相差 {difference}。";
    private final List<String> tables;
    private final List<String> columns;
    private final Severity orphanSeverity;

    HierarchyRule(RuleSpec s) {
        super(s);
        s.allow("tables", "columns", "orphanSeverity");
        List<String> t = s.listOrAll("tables");
        if (t == null) {
            t = s.profile.tables().stream().filter(x -> x.areaBlock().isPresent()).map(TableLayout::key).toList();
        }
        for (String key : t) {
            s.requireTable(key);
            if (s.profile.table(key).orElseThrow().areaBlock().isEmpty()) {
                throw s.error("《" + key + "》没有科目区");
            }
        }
        this.tables = t;
        this.columns = s.listOrAll("columns");
        if (columns != null) {
            for (String key : t) {
                for (String c : columns) {
                    if (s.profile.table(key).orElseThrow().areaBlock().orElseThrow().column(c).isEmpty()) {
                        throw s.error("《" + key + "》科目区没有列 " + c);
                    }
                }
            }
        }
        this.orphanSeverity = s.severity("orphanSeverity", Severity.WARNING);
    }

    @Override
    public void check(Context ctx) {
        for (String t : tables) {
            TableView v = ctx.view(t);
            if (!v.missing() && v.filled) {
                check(ctx, v);
            }
        }
    }

    private void check(Context ctx, TableView v) {
        List<SubjectRow> rows = v.rows();
        Map<String, Integer> first = new HashMap<>();
        Map<Integer, List<Integer>> children = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String code = rows.get(i).code();
            if (code == null) {
                continue;
            }
            if (first.putIfAbsent(code, i) != null) {
                ctx.finding(this).table(v.key()).rowLabel(v.rowLabel(v.area(i, firstColumn(v)))).at(v.codeCell(i)).columnLabel("科目编码")
                        .add("科目编码 " + code + " 重复出现（另见第一次出现处），金额会被重复计算。");
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String code = rows.get(i).code();
            String parent = parent(code);
            if (parent == null || first.get(code) != i) {
                continue;
            }
            Integer p = first.get(parent);
            if (p == null) {
                ctx.finding(this).severity(orphanSeverity).table(v.key()).rowLabel(v.rowLabel(v.area(i, firstColumn(v)))).at(v.codeCell(i)).columnLabel("科目编码")
                        .var("parent", parent)
                        .add("科目“{row}”的上级科目 {parent} 没有列出，无法核对类、款、项之间的加总关系。");
                continue;
            }
            children.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
        }
        List<String> cols = columns != null ? columns
                : v.areaBlock().amountColumns().stream().map(ColumnDef::key).toList();
        children.forEach((p, kids) -> {
            String level = level(rows.get(p).code());
            String childLevel = level(rows.get(kids.get(0)).code());
            for (String col : cols) {
                List<Term> parts = kids.stream().map(k -> Term.plus(v.area(k, col))).toList();
                Identity.check(ctx, this, Identity.Op.EQ, List.of(Term.plus(v.area(p, col))), parts,
                        Map.of("level", level, "childLevel", childLevel), DEFAULT_MESSAGE);
            }
        });
    }

    private static String firstColumn(TableView v) {
        return v.areaBlock().amountColumns().get(0).key();
    }

    private static String parent(String code) {
        if (code == null) {
            return null;
        }
        return switch (code.length()) {
            case 5 -> code.substring(0, 3);
            case 7 -> code.substring(0, 5);
            default -> null;
        };
    }

    private static String level(String code) {
        return switch (code.length()) {
            case 3 -> "类";
            case 5 -> "款";
            case 7 -> "项";
            default -> "科目";
        };
    }
}
