package cn.juesuan.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * Rounding tolerance (尾差) of a rule. Published amounts are rounded cell by cell, so an identity of n non-zero
 * cells may be off by up to n × half a unit of the last printed digit (0.005 万元); within that the difference is
 * 尾差 (信息). {@code perCell} overrides the rule set's value per cell; {@code absolute} replaces n × perCell.
 */
record Tolerance(BigDecimal perCell, BigDecimal absolute) {
    static final Tolerance DEFAULT = new Tolerance(null, null);

    static Tolerance parse(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return DEFAULT;
        }
        if (n.isTextual() && (n.asText().equals("exact") || n.asText().equals("none"))) {
            return new Tolerance(null, BigDecimal.ZERO);
        }
        BigDecimal per = n.hasNonNull("perCell") ? new BigDecimal(n.get("perCell").asText()) : null;
        BigDecimal abs = n.hasNonNull("absolute") ? new BigDecimal(n.get("absolute").asText()) : null;
        if (per == null && abs == null) {
            throw new IllegalArgumentException("tolerance 应为 \"exact\"，或含 perCell / absolute");
        }
        return new Tolerance(per, abs);
    }

    BigDecimal of(int nonZeroCells, BigDecimal defaultPerCell) {
        if (absolute != null) {
            return absolute;
        }
        BigDecimal per = perCell != null ? perCell : defaultPerCell;
        return per.multiply(BigDecimal.valueOf(Math.max(1, nonZeroCells)));
    }
}
