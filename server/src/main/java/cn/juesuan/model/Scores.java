package cn.juesuan.model;

import java.math.BigDecimal;

/** Canonical form of scores and weights: plain, without trailing zeros (10.00 → 10, 22.50 → 22.5). */
public final class Scores {
    private Scores() {
    }

    public static BigDecimal normalize(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
