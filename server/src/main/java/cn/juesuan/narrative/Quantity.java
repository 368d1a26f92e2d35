package cn.juesuan.narrative;

import cn.juesuan.rules.Severity;

import java.math.BigDecimal;

/**
 * One figure the narrative states, with what it is computed from. Amounts are in 万元.
 *
 * @param key      stable id ("expense.basic", "subject.2060101", "three.abroad")
 * @param label    Chinese name as the narrative writes it
 * @param value    this year's amount; null when the tables do not determine it
 * @param previous last year's amount; null when last year's tables were not given
 * @param budget   全年预算 (completion = value / budget); null when unknown
 * @param base     key of the denominator of its share (占…%), or null
 * @param source   where the value comes from, for messages ("《支出决算表》合计行的基本支出")
 * @param mismatch severity when the narrative states another value (提示 where the tables cannot be certain)
 */
public record Quantity(String key, String label, BigDecimal value, BigDecimal previous, BigDecimal budget, String base,
                       String source, Severity mismatch) {
}
