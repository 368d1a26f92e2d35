package cn.juesuan.selfeval;

import cn.juesuan.selfeval.IndicatorValue.Op;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The scoring formulas of 财预〔2020〕10号 and its provincial variants (tables-and-rules.md §7), on BigDecimal.
 * Scores are rounded half up to two decimals.
 */
public final class Scoring {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Scoring() {
    }

    /** The two 反向 (≤) formulas seen in use; the profile chooses. */
    public enum Reverse {
        /** PMKPI: full marks up to the target, (1 − (actual − target) / target) × w above it, 0 from twice the target. */
        DEVIATION,
        /** DOCZJ form footnote: target / actual × w above the target. */
        RATIO
    }

    /**
     * An indicator's actual value against its target.
     *
     * @param comparable both have numbers that can be compared (same count, actual a measured value)
     * @param met        the target is reached (every value of a multi-value target)
     * @param overshoot  the actual is at least {@code overshootFactor} × target (正向 only): target set too low?
     * @param score      the score the formula gives, when the weight is known and there is one value; else null
     */
    public record Outcome(boolean comparable, boolean met, boolean overshoot, BigDecimal score) {
        static final Outcome NOT_COMPARABLE = new Outcome(false, false, false, null);
    }

    /**
     * @param op              the comparison (a null op counts as 正向)
     * @param weight          the indicator's weight, or null
     * @param approxTolerance relative tolerance for “左右” targets (0.1 = ±10%)
     */
    public static Outcome compare(IndicatorValue target, IndicatorValue actual, Op op, BigDecimal weight, Reverse reverse,
                                  BigDecimal overshootFactor, BigDecimal approxTolerance) {
        if (op == Op.QUALITATIVE || !target.hasNumbers() || !actual.numeric() || !actual.hasNumbers()) {
            return Outcome.NOT_COMPARABLE;
        }
        Op how = op == null ? Op.GE : op;
        List<BigDecimal> t = target.values();
        List<BigDecimal> a = actual.values();
        if (target.range()) {
            if (a.size() != 1) {
                return Outcome.NOT_COMPARABLE;
            }
            BigDecimal v = a.get(0);
            boolean met = v.compareTo(t.get(0)) >= 0 && v.compareTo(t.get(1)) <= 0;
            BigDecimal score = weight == null ? null : met ? weight
                    : v.compareTo(t.get(0)) < 0 ? positive(t.get(0), v, weight) : reverse(t.get(1), v, weight, reverse);
            return new Outcome(true, met, false, round(score));
        }
        if (t.size() != a.size()) {
            return Outcome.NOT_COMPARABLE;
        }
        boolean met = true;
        boolean overshoot = false;
        for (int i = 0; i < t.size(); i++) {
            met &= met(how, t.get(i), a.get(i), target.approx(), approxTolerance);
            overshoot |= how != Op.LE && t.get(i).signum() > 0 && a.get(i).compareTo(t.get(i).multiply(overshootFactor)) >= 0;
        }
        BigDecimal score = null;
        if (weight != null && t.size() == 1) {
            score = round(score(how, t.get(0), a.get(0), weight, reverse, target.approx() && met));
        }
        return new Outcome(true, met, overshoot, score);
    }

    private static boolean met(Op op, BigDecimal t, BigDecimal a, boolean approx, BigDecimal tolerance) {
        if (approx && t.signum() > 0) {
            return a.subtract(t).abs().compareTo(t.multiply(tolerance)) <= 0 || op != Op.LE && op != Op.EQ && a.compareTo(t) >= 0;
        }
        return switch (op) {
            case LE -> a.compareTo(t) <= 0;
            case EQ -> t.signum() == 0 ? a.signum() <= 0 : a.compareTo(t) >= 0;
            default -> a.compareTo(t) >= 0;
        };
    }

    private static BigDecimal score(Op op, BigDecimal t, BigDecimal a, BigDecimal w, Reverse reverse, boolean approxMet) {
        if (approxMet) {
            return w;
        }
        return switch (op) {
            case LE -> reverse(t, a, w, reverse);
            case EQ -> t.signum() == 0 ? (a.signum() <= 0 ? w : BigDecimal.ZERO) : positive(t, a, w);
            default -> positive(t, a, w);
        };
    }

    /** 正向: full marks when reached, else actual / target × w. */
    static BigDecimal positive(BigDecimal t, BigDecimal a, BigDecimal w) {
        if (a.compareTo(t) >= 0) {
            return w;
        }
        if (t.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return a.max(BigDecimal.ZERO).multiply(w).divide(t, 6, RoundingMode.HALF_UP);
    }

    /** 反向: full marks up to the target, then the profile's formula. */
    static BigDecimal reverse(BigDecimal t, BigDecimal a, BigDecimal w, Reverse variant) {
        if (a.compareTo(t) <= 0) {
            return w;
        }
        if (t.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (variant == Reverse.RATIO) {
            return t.multiply(w).divide(a, 6, RoundingMode.HALF_UP);
        }
        if (a.compareTo(t.multiply(BigDecimal.valueOf(2))) >= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal deviation = a.subtract(t).divide(t, 6, RoundingMode.HALF_UP);
        return BigDecimal.ONE.subtract(deviation).multiply(w);
    }

    /** 执行率 in percent (93.75 = 93.75%), two decimals; null without a positive budget. */
    public static BigDecimal executionRate(BigDecimal executed, BigDecimal budget) {
        if (executed == null || budget == null || budget.signum() <= 0) {
            return null;
        }
        return executed.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP);
    }

    /** 预算执行得分 = weight × min(rate, 100%). */
    public static BigDecimal executionScore(BigDecimal ratePercent, BigDecimal weight) {
        if (ratePercent == null || weight == null) {
            return null;
        }
        BigDecimal rate = ratePercent.min(HUNDRED).max(BigDecimal.ZERO);
        return round(weight.multiply(rate).divide(HUNDRED, 6, RoundingMode.HALF_UP));
    }

    static BigDecimal round(BigDecimal v) {
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP);
    }
}
