package cn.juesuan.rules;

import cn.juesuan.read.WorkbookMap.CellLoc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds one finding: the anchor cell (the one to fix) first, the other cells, labels, numbers and message. */
final class FindingBuilder {
    private final Context ctx;
    private final Rule rule;
    private Severity severity;
    private String table;
    private final List<CellLoc> cells = new ArrayList<>();
    private final List<CellLoc> related = new ArrayList<>();
    private String rowLabel;
    private String columnLabel;
    private BigDecimal reported;
    private BigDecimal computed;
    private BigDecimal difference;
    private BigDecimal tolerance;
    private final Map<String, String> vars = new HashMap<>();

    FindingBuilder(Context ctx, Rule rule) {
        this.ctx = ctx;
        this.rule = rule;
        this.severity = rule.severity();
    }

    FindingBuilder severity(Severity s) {
        this.severity = s;
        return this;
    }

    FindingBuilder table(String key) {
        this.table = key;
        return this;
    }

    /** The cell to fix: sets the table, the labels and the first cell. */
    FindingBuilder at(CellRef c) {
        table = c.table();
        TableView v = ctx.view(c.table());
        rowLabel = v.rowLabel(c);
        columnLabel = v.columnLabel(c);
        if (c.loc() != null) {
            cells.add(0, c.loc());
        }
        return this;
    }

    FindingBuilder at(CellLoc loc) {
        if (loc != null) {
            cells.add(0, loc);
        }
        return this;
    }

    /** A further cell by location (a cell of another workbook is named '[2020年度]Sheet'!A1). */
    FindingBuilder also(CellLoc loc) {
        if (loc != null) {
            cells.add(loc);
        }
        return this;
    }

    FindingBuilder cell(CellRef c) {
        if (c.loc() != null) {
            cells.add(c.loc());
        }
        return this;
    }

    FindingBuilder cells(Collection<CellRef> cs) {
        cs.forEach(this::cell);
        return this;
    }

    FindingBuilder related(Collection<CellRef> cs) {
        cs.stream().filter(c -> c.loc() != null).forEach(c -> related.add(c.loc()));
        return this;
    }

    FindingBuilder rowLabel(String s) {
        rowLabel = s;
        return this;
    }

    FindingBuilder columnLabel(String s) {
        columnLabel = s;
        return this;
    }

    FindingBuilder numbers(BigDecimal reported, BigDecimal computed, BigDecimal difference, BigDecimal tolerance) {
        this.reported = reported;
        this.computed = computed;
        this.difference = difference;
        this.tolerance = tolerance == null ? null : cn.juesuan.model.Amounts.normalize(tolerance);
        return this;
    }

    FindingBuilder var(String name, String value) {
        vars.put(name, value);
        return this;
    }

    FindingBuilder vars(Map<String, String> more) {
        vars.putAll(more);
        return this;
    }

    /** Adds the finding with the message rendered from the template (standard placeholders filled in). */
    void add(String template) {
        ctx.add(build(template, true));
    }

    /** Adds the finding with this message as it stands (no placeholders). */
    void addLiteral(String message) {
        ctx.add(build(message, false));
    }

    Finding build(String template, boolean format) {
        Set<CellLoc> unique = new LinkedHashSet<>(cells);
        String sheet = unique.isEmpty() ? (table == null || ctx.view(table).missing() ? null : ctx.view(table).loc.sheet())
                : unique.iterator().next().sheet();
        List<String> a1 = unique.stream().map(l -> Addresses.format(sheet, l)).toList();
        Set<CellLoc> rel = new LinkedHashSet<>(related);
        rel.removeAll(unique);
        List<String> relA1 = rel.stream().map(l -> Addresses.format(sheet, l)).toList();
        TableView v = table == null ? null : ctx.view(table);
        Map<String, String> all = new HashMap<>();
        all.put("table", v == null ? "" : v.layout.title());
        all.put("number", v == null ? "" : v.layout.number() == null ? "" : v.layout.number());
        all.put("row", rowLabel == null ? "" : rowLabel);
        all.put("column", columnLabel == null ? "" : columnLabel);
        all.put("cell", a1.isEmpty() ? "" : a1.get(0));
        all.put("cells", String.join("、", a1));
        all.put("reported", Messages.amount(reported));
        all.put("computed", Messages.amount(computed));
        all.put("left", Messages.amount(reported));
        all.put("right", Messages.amount(computed));
        all.put("difference", Messages.signed(difference));
        all.put("tolerance", tolerance == null ? "" : Messages.amount(tolerance));
        all.put("unit", ctx.moneyUnit);
        all.put("rule", rule.id());
        all.put("description", rule.description());
        all.putAll(vars);
        String message = format ? Messages.format(template, all) : template;
        Finding.Position pos = unique.isEmpty() ? ctx.position(table) : ctx.position(unique.iterator().next());
        return new Finding(rule.id(), severity, message, table,
                v == null ? null : v.layout.title(), sheet, a1, relA1, rowLabel, columnLabel, reported, computed,
                difference, tolerance, pos);
    }
}
