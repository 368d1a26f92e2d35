package cn.juesuan.rules;

import cn.juesuan.carryforward.AdjustmentSheet;
import cn.juesuan.carryforward.CarryForward;
import cn.juesuan.carryforward.CarryForwardSpec.AreaOpening;
import cn.juesuan.carryforward.CarryForwardSpec.Opening;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.read.WorkbookMap.CellLoc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kind {@code carry-over} (Y1–Y3): this year's 年初 equals last year's 年末 for the openings of the profile's
 * carry-forward.json tagged with the rule's id (or with {@code openings}), fixed cells and, per 科目 code, the
 * fund tables' columns; unless the 年初结转和结余调整 sheet holds entries that explain the difference.
 * Runs only when last year's workbook is given.
 * <pre>{"id":"Y1","kind":"carry-over","severity":"提示","tolerance":"exact"}</pre>
 */
final class CarryOverRule extends CrossYearRule {
    static final String KIND = "carry-over";
    static final String DEFAULT_MESSAGE = "{label}：本年年初数 {reported} 与上年（{previousYear}）年末数 {previous}（{previousCell}）"
            + "不一致，相差 {difference}；{why}。";

    private final String tag;

    CarryOverRule(RuleSpec s) {
        super(s);
        s.allow("openings");
        this.tag = s.text("openings", id);
    }

    @Override
    void check(Context ctx, PreviousYear p) {
        for (Opening o : p.spec.openings()) {
            if (tag.equals(o.rule()) && present(ctx, o.to().table())) {
                compare(ctx, p, o.key(), o.label(), ctx.view(o.to().table()).fixed(o.to().row(), o.to().column()),
                        p.value(o.from()), p.loc(o.from()));
            }
        }
        for (AreaOpening a : p.spec.areaOpenings()) {
            if (tag.equals(a.rule()) && present(ctx, a.table())) {
                compareArea(ctx, p, a);
            }
        }
    }

    /** Per 科目 code of this year's or last year's rows, the codes no other code refines. */
    private void compareArea(Context ctx, PreviousYear p, AreaOpening a) {
        TableView v = ctx.view(a.table());
        List<SubjectRow> last = p.rows(a.table());
        Map<String, String> names = new LinkedHashMap<>();
        v.rows().forEach(r -> names.putIfAbsent(r.code(), r.name()));
        last.forEach(r -> names.putIfAbsent(r.code(), r.name()));
        List<SubjectRow> all = new ArrayList<>();
        names.keySet().stream().sorted().forEach(c -> all.add(new SubjectRow(c, names.get(c), null)));
        for (int i = 0; i < all.size(); i++) {
            String code = all.get(i).code();
            if (code == null || !CarryForward.isLeaf(all, i)) {
                continue;
            }
            int li = indexOf(last, code);
            BigDecimal lastValue = li < 0 ? null : last.get(li).amounts().get(a.fromColumn());
            CellLoc lastCell = li < 0 ? null : p.areaLoc(a.table(), li, a.fromColumn());
            compare(ctx, p, a.key() + ":" + code, a.label() + " " + code + " " + names.get(code),
                    v.areaByCode(code, a.column()), lastValue, lastCell);
        }
    }

    private void compare(Context ctx, PreviousYear p, String key, String label, CellRef cell, BigDecimal lastValue,
                         CellLoc lastCell) {
        AdjustmentSheet.Entry entry = p.adjustments.get(key);
        BigDecimal adjusted = entry == null ? null : entry.total();
        FindingBuilder b = differs(ctx, cell.value(), lastValue, adjusted, lastCell);
        if (b == null) {
            return;
        }
        b.at(cell).var("label", label).var("previous", Messages.amount(lastValue == null ? BigDecimal.ZERO : lastValue))
                .var("why", adjusted == null ? "“年初结转和结余调整”表中没有说明这一差额的调整"
                        : "加上“年初结转和结余调整”表中的调整 " + Messages.signed(adjusted) + " 后应为 "
                        + Messages.amount(lastValue == null ? adjusted : lastValue.add(adjusted)) + "，仍不一致");
        addCells(b, lastCell, adjusted == null ? List.of() : entry.cells());
        b.add(messageOr(DEFAULT_MESSAGE));
    }

    private static boolean present(Context ctx, String table) {
        return ctx.profile.table(table).isPresent() && !ctx.view(table).missing();
    }

    private static int indexOf(List<SubjectRow> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (code.equals(rows.get(i).code())) {
                return i;
            }
        }
        return -1;
    }
}
