package cn.juesuan.rules;

import cn.juesuan.layout.TableLayout;
import cn.juesuan.text.Text;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code empty-table-note}, two modes.
 * <ul>
 *   <li>Without {@code emptyWhen}: a table that may be published empty (its descriptor has an emptyNote: 政府性基金,
 *       国有资本经营) and has no amount must carry its note ("…故本表无数据。"); a table that has amounts must not
 *       say it has no data.</li>
 *   <li>With {@code emptyWhen} (an expression): when it is zero — e.g. the 表4 政府性基金 column — the tables must have
 *       no amount (X20).</li>
 * </ul>
 * <pre>{"id":"S3","kind":"empty-table-note","tables":"*"}
 * {"id":"X20","kind":"empty-table-note","tables":["gfb_income_expenditure"],"emptyWhen":"fiscal_summary!gfb.amount + …"}</pre>
 */
final class EmptyTableNoteRule extends BaseRule {
    private final List<String> tables;
    private final Expr emptyWhen;

    EmptyTableNoteRule(RuleSpec s) {
        super(s);
        s.allow("tables", "emptyWhen");
        List<String> t = s.listOrAll("tables");
        if (t == null) {
            t = s.profile.tables().stream().filter(x -> x.emptyNote() != null).map(TableLayout::key).toList();
        }
        t.forEach(s::requireTable);
        this.tables = t;
        this.emptyWhen = s.has("emptyWhen") ? s.expr("emptyWhen") : null;
    }

    @Override
    public void check(Context ctx) {
        if (emptyWhen != null) {
            for (String t : emptyWhen.tables()) {
                if (!ctx.usable(t)) {
                    return;
                }
            }
            BigDecimal sum = emptyWhen.resolve(ctx, Map.of()).stream().map(Term::signedValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.signum() != 0) {
                return;
            }
            for (String t : tables) {
                TableView v = ctx.view(t);
                if (v.missing() || !v.hasAmounts()) {
                    continue;
                }
                List<CellRef> nonZero = v.nonZeroCells();
                ctx.finding(this).at(nonZero.get(0)).cells(nonZero.subList(1, Math.min(nonZero.size(), 20)))
                        .var("when", emptyWhen.text)
                        .add(messageOr("《{table}》有数据，但对应的财政拨款（{when}）为零：两者应一致，此表应为空表并注明无数据。"));
            }
            return;
        }
        for (String t : tables) {
            TableView v = ctx.view(t);
            if (v.missing()) {
                continue;
            }
            SheetFacts.TableFacts f = ctx.facts == null ? null : ctx.facts.table(t);
            String note = f != null && f.note() != null ? f.note() : v.data.note();
            boolean saysEmpty = note != null && (Text.key(note).contains("无数据") || Text.key(note).contains("空表")
                    || v.layout.emptyNote() != null && Text.key(note).equals(Text.key(v.layout.emptyNote())));
            if (v.hasAmounts()) {
                if (saysEmpty) {
                    List<CellRef> nonZero = v.nonZeroCells();
                    FindingBuilder b = ctx.finding(this).table(t).rowLabel("表下说明");
                    if (f != null && f.noteCell() != null) {
                        b.at(f.noteCell());
                    }
                    b.cells(nonZero.subList(0, Math.min(nonZero.size(), 20))).var("note", note)
                            .add("《{table}》有数据，却注明“{note}”：请删去该说明或核对数据。");
                }
            } else if (f != null && !saysEmpty && v.layout.emptyNote() != null) {
                ctx.finding(this).table(t).rowLabel("表下说明").at(f.expectedNoteCell())
                        .var("note", v.layout.emptyNote())
                        .add(messageOr("《{table}》没有数据，须在表下注明：“{note}”"));
            }
        }
    }

}
