package cn.juesuan.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Arithmetic and number formatting of the narrative: BigDecimal only, percentages to two decimals. */
public final class Calc {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Calc() {
    }

    /** part / whole × 100, two decimals; null when either is unknown or whole is 0. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    /** An amount in 万元 as printed: two decimals, no grouping ("1447.01", "0.00" → "0"). */
    public static String amount(BigDecimal v) {
        BigDecimal r = v.setScale(2, RoundingMode.HALF_UP);
        return r.signum() == 0 ? "0" : r.toPlainString();
    }

    /** A percentage as printed: whole numbers without decimals ("100", "0"), others with two ("1.60", "99.29"). */
    public static String percentText(BigDecimal p) {
        BigDecimal r = p.setScale(2, RoundingMode.HALF_UP);
        if (r.stripTrailingZeros().scale() <= 0) {
            return r.setScale(0, RoundingMode.UNNECESSARY).toPlainString();
        }
        return r.toPlainString();
    }

    static boolean isZero(BigDecimal v) {
        return v != null && v.signum() == 0;
    }

    /** Equal at two decimals (what a published 万元 figure can show). */
    static boolean sameCents(BigDecimal a, BigDecimal b) {
        return a.setScale(2, RoundingMode.HALF_UP).compareTo(b.setScale(2, RoundingMode.HALF_UP)) == 0;
    }
}
