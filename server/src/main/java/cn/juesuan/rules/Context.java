package cn.juesuan.rules;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.TableData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookMap.CellLoc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one validation run sees: the read workbook, facts scanned from its sheets, the rule set; collects findings. */
final class Context {
    final Profile profile;
    final ReportData data;
    final WorkbookMap map;
    /** Facts only the sheets tell (notes under tables, units in headers); null when validating a ReadResult alone. */
    final SheetFacts facts;
    final CodeCatalogue codes;
    final RuleSet ruleSet;
    final String moneyUnit;
    private final Map<String, TableView> views = new LinkedHashMap<>();
    private final Map<String, Integer> sheetOrder = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private Map<CellLoc, CellRef> byLocation;

    /** Self-evaluation sheet kinds by key (templates/selfeval), for the selfeval-* rules. */
    final Map<String, EvalSheetLayout> evalSheets = new LinkedHashMap<>();
    /** Last year's workbook for the cross-year rules, or null when none was given. */
    final PreviousYear previous;

    Context(Profile profile, ReadResult read, SheetFacts facts, CodeCatalogue codes, RuleSet ruleSet) {
        this(profile, read, facts, codes, ruleSet, List.of(), null);
    }

    Context(Profile profile, ReadResult read, SheetFacts facts, CodeCatalogue codes, RuleSet ruleSet,
            List<EvalSheetLayout> evalSheets, PreviousYear previous) {
        evalSheets.forEach(l -> this.evalSheets.put(l.key(), l));
        this.previous = previous;
        this.profile = profile;
        this.data = read.data();
        this.map = read.map();
        this.facts = facts;
        this.codes = codes;
        this.ruleSet = ruleSet;
        this.moneyUnit = data.moneyUnitOr(profile.moneyUnit());
        for (TableLayout t : profile.tables()) {
            TableData td = data.tables().get(t.key());
            views.put(t.key(), new TableView(t, td, map.table(t.key()), td != null));
        }
        if (facts != null && !facts.sheetOrder().isEmpty()) {
            sheetOrder.putAll(facts.sheetOrder());
        } else {
            int i = 0;
            for (WorkbookMap.TableLoc loc : map.tables().values()) {
                sheetOrder.putIfAbsent(loc.sheet(), i++);
            }
            for (WorkbookMap.EvalLoc loc : map.evals()) {
                if (sheetOrder.putIfAbsent(loc.sheet(), i) == null) {
                    i++;
                }
            }
        }
    }

    Integer year() {
        return data.year();
    }

    TableView view(String key) {
        TableView v = views.get(key);
        if (v == null) {
            throw new IllegalStateException("table " + key + " not in profile " + profile.id());
        }
        return v;
    }

    List<TableView> views() {
        return List.copyOf(views.values());
    }

    /** Rules that read a table are skipped when it is missing, or unfilled and not allowed to be empty. */
    boolean usable(String table) {
        TableView v = view(table);
        return !v.missing() && (v.filled || v.mayBeEmpty());
    }

    BigDecimal perCell() {
        return ruleSet.perCell(moneyUnit);
    }

    void add(Finding f) {
        findings.add(f);
    }

    List<Finding> findings() {
        return findings;
    }

    int sheetIndex(String sheet) {
        Integer i = sheetOrder.get(sheet);
        return i == null ? 9_000 : i;
    }

    Finding.Position position(CellLoc loc) {
        return new Finding.Position(sheetIndex(loc.sheet()), loc.row(), loc.col());
    }

    /** Position of a table-level finding: the table's title row, or after every sheet when the table is missing. */
    Finding.Position position(String table) {
        if (table == null) {
            return Finding.Position.NONE;
        }
        TableView v = views.get(table);
        if (v == null || v.missing()) {
            return new Finding.Position(10_000 + profile.tables().indexOf(v == null ? null : v.layout), -1, -1);
        }
        return new Finding.Position(sheetIndex(v.loc.sheet()), v.loc.titleRow(), -1);
    }

    /** The amount cell of the layout at a location, or null. */
    CellRef cellAt(CellLoc loc) {
        if (byLocation == null) {
            byLocation = new HashMap<>();
            for (TableView v : views.values()) {
                if (v.missing()) {
                    continue;
                }
                v.loc.fixed().forEach((row, cols) -> cols.forEach((col, l) -> byLocation.put(l, v.fixed(row, col))));
                for (int i = 0; i < v.loc.area().size(); i++) {
                    int idx = i;
                    v.loc.area().get(i).forEach((col, l) -> byLocation.put(l, v.area(idx, col)));
                }
            }
        }
        return byLocation.get(loc);
    }

    FindingBuilder finding(Rule rule) {
        return new FindingBuilder(this, rule);
    }
}
