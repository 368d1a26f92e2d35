package cn.juesuan.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Canonical form of amounts, so that equal sums compare equal whatever their written scale. */
public final class Amounts {
    private Amounts() {
    }

    /** Trailing zeros removed, but at least two decimals: 100 → 100.00, 1447.010 → 1447.01, 1.234 stays. */
    public static BigDecimal normalize(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 2 ? s.setScale(2) : s;
    }

    public static Map<String, BigDecimal> normalizeMap(Map<String, BigDecimal> in) {
        if (in == null || in.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (v != null) {
                out.put(k, normalize(v));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    public static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
