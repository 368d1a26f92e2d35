package cn.juesuan.rules;

import cn.juesuan.model.Amounts;
import cn.juesuan.read.WorkbookMap.CellLoc;

import java.math.BigDecimal;
import java.util.List;

/**
 * A rule comparing this year's workbook with last year's: runs only when last year's workbook is given, and makes
 * one comparison, this year's figure against last year's within the rule's tolerance.
 */
abstract class CrossYearRule extends BaseRule {
    CrossYearRule(RuleSpec s) {
        super(s);
    }

    @Override
    public final void check(Context ctx) {
        if (ctx.previous != null) {
            check(ctx, ctx.previous);
        }
    }

    abstract void check(Context ctx, PreviousYear previous);

    /**
     * Starts a finding when this year's value (plus what the adjustments explain) differs from last year's, else null.
     * Blank cells count as 0; nothing is compared when both are blank.
     *
     * @param adjusted Σ of the adjustment entries explaining the difference, or null when there are none
     */
    FindingBuilder differs(Context ctx, BigDecimal thisYear, BigDecimal lastYear, BigDecimal adjusted, CellLoc lastCell) {
        if (thisYear == null && lastYear == null) {
            return null;
        }
        BigDecimal now = Amounts.normalize(Amounts.orZero(thisYear));
        BigDecimal expected = Amounts.normalize(Amounts.orZero(lastYear).add(Amounts.orZero(adjusted)));
        int nonZero = (now.signum() != 0 ? 1 : 0) + (expected.signum() != 0 ? 1 : 0);
        BigDecimal allowed = tolerance.of(nonZero, ctx.perCell());
        BigDecimal difference = now.subtract(expected);
        if (difference.abs().compareTo(allowed) <= 0) {
            return null;
        }
        return ctx.finding(this).numbers(now, expected, difference, allowed.signum() == 0 ? null : allowed)
                .var("previousYear", ctx.previous.label())
                .var("previousCell", lastCell == null ? "上年工作簿中没有这一格" : Addresses.format(null, lastCell));
    }

    /** The last-year cell as the second cell of the finding (its sheet is named as an external reference). */
    static void addCells(FindingBuilder b, CellLoc lastCell, List<CellLoc> more) {
        if (lastCell != null) {
            b.also(lastCell);
        }
        more.forEach(b::also);
    }
}
