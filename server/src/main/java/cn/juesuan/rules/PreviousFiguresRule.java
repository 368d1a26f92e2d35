package cn.juesuan.rules;

import cn.juesuan.carryforward.CarryForwardSpec.Figure;
import cn.juesuan.carryforward.PreviousYearSheet;
import cn.juesuan.read.WorkbookMap.CellLoc;

import java.util.List;

/**
 * Kind {@code previous-figures} (Y4): the 上年数 sheet kept in this year's workbook, from which the narrative's
 * year-on-year sentences (与上年相比增加/减少…) are computed, must hold last year's figures as last year's workbook
 * states them. Runs only when last year's workbook is given and this year's workbook has the sheet.
 * <pre>{"id":"Y4","kind":"previous-figures","severity":"提示","tolerance":"exact"}</pre>
 */
final class PreviousFiguresRule extends CrossYearRule {
    static final String KIND = "previous-figures";
    static final String DEFAULT_MESSAGE = "“上年数”表中的“{label}” {reported} 与上年（{previousYear}）工作簿的 {computed}"
            + "（{previousCell}）不一致，相差 {difference}；决算说明中与上年的比较会因此算错。";

    PreviousFiguresRule(RuleSpec s) {
        super(s);
        s.allow();
    }

    @Override
    void check(Context ctx, PreviousYear p) {
        for (Figure f : p.spec.previousYear().figures()) {
            PreviousYearSheet.Kept kept = p.kept.get(f.key());
            if (kept == null) {
                continue;
            }
            CellLoc lastCell = p.loc(f.source());
            FindingBuilder b = differs(ctx, kept.value(), p.value(f.source()), null, lastCell);
            if (b != null) {
                b.at(kept.cell()).rowLabel(f.label()).columnLabel("上年决算数").var("label", f.label());
                addCells(b, lastCell, List.of());
                b.add(messageOr(DEFAULT_MESSAGE));
            }
        }
    }
}
