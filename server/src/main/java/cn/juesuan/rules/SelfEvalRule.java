package cn.juesuan.rules;

import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookMap.EvalLoc;
import cn.juesuan.selfeval.EvalChecks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule kinds of performance self-evaluation sheets (selfeval-*, templates/&lt;profile&gt;/rules/self-evaluation.json):
 * the checks themselves are in {@link EvalChecks}; this applies a rule to every self-evaluation sheet of its "sheets"
 * kinds and locates what it reports to the cells of that sheet.
 */
final class SelfEvalRule extends BaseRule {
    private final Set<String> sheets;
    private final EvalChecks.Params params;

    SelfEvalRule(RuleSpec s) {
        super(s);
        List<String> allowed = new ArrayList<>(EvalChecks.parameters(s.kind()));
        allowed.add("sheets");
        s.allow(allowed.toArray(String[]::new));
        this.sheets = Set.copyOf(s.list("sheets"));
        this.params = new EvalChecks.Params(s.node, s.parameters);
    }

    @Override
    public void check(Context ctx) {
        List<SelfEvaluation> evals = ctx.data.selfEvaluations();
        for (int i = 0; i < evals.size(); i++) {
            SelfEvaluation e = evals.get(i);
            EvalSheetLayout layout = ctx.evalSheets.get(e.kind());
            if (layout == null || !sheets.isEmpty() && !sheets.contains(e.kind())) {
                continue;
            }
            EvalLoc loc = i < ctx.map.evals().size() ? ctx.map.evals().get(i) : null;
            EvalChecks.run(kind, new EvalChecks.Sheet(e, layout), params, severity,
                    (sev, text, paths, related, reported, computed) ->
                            ctx.add(finding(ctx, layout, loc, sev, text, paths, related, reported, computed)));
        }
    }

    private Finding finding(Context ctx, EvalSheetLayout layout, EvalLoc loc, Severity sev, String text, List<String> paths,
                            List<String> related, BigDecimal reported, BigDecimal computed) {
        List<CellLoc> cells = locate(loc, paths);
        List<CellLoc> rel = locate(loc, related);
        rel.removeAll(cells);
        String sheet = !cells.isEmpty() ? cells.get(0).sheet() : loc == null ? null : loc.sheet();
        Finding.Position pos = !cells.isEmpty() ? ctx.position(cells.get(0))
                : loc == null ? Finding.Position.NONE : new Finding.Position(ctx.sheetIndex(loc.sheet()), loc.titleRow(), -1);
        BigDecimal difference = reported != null && computed != null ? reported.subtract(computed) : null;
        String message = this.message == null || this.message.isBlank() ? text : Messages.format(this.message, Map.of(
                "message", text, "reported", Messages.amount(reported), "computed", Messages.amount(computed),
                "table", layout.title(), "rule", id, "description", description));
        return new Finding(id, sev, message, layout.key(), layout.title(), sheet,
                cells.stream().map(c -> Addresses.format(sheet, c)).toList(),
                rel.stream().map(c -> Addresses.format(sheet, c)).toList(), null, null, reported, computed, difference, null, pos);
    }

    private static List<CellLoc> locate(EvalLoc loc, List<String> paths) {
        List<CellLoc> out = new ArrayList<>();
        if (loc != null) {
            for (String p : paths) {
                CellLoc c = loc.cell(p);
                if (c != null && !out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
