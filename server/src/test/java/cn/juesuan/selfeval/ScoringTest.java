package cn.juesuan.selfeval;

import cn.juesuan.selfeval.IndicatorValue.Op;
import cn.juesuan.selfeval.Scoring.Outcome;
import cn.juesuan.selfeval.Scoring.Reverse;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The formulas of tables-and-rules.md §7.2–7.3. */
class ScoringTest {
    private static final BigDecimal W = new BigDecimal("20");
    private static final BigDecimal F = new BigDecimal("1.3");
    private static final BigDecimal TOL = new BigDecimal("0.1");

    private static Outcome cmp(String target, String actual, Op op, Reverse r) {
        return Scoring.compare(IndicatorValue.parse(target), IndicatorValue.parse(actual), op, W, r, F, TOL);
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void positiveFullMarksWhenMetElseProportional() {
        Outcome met = cmp("50", "60", Op.GE, Reverse.DEVIATION);
        assertTrue(met.met());
        assertEquals(d("20.00"), met.score());
        assertFalse(met.overshoot());
        Outcome missed = cmp("98", "95", Op.GE, Reverse.DEVIATION);
        assertFalse(missed.met());
        assertEquals(d("19.39"), missed.score(), "95 / 98 × 20");
        assertTrue(cmp("50", "99", Op.GE, Reverse.DEVIATION).overshoot(), "99 ≥ 1.3 × 50");
    }

    @Test
    void reverseHasTwoVariants() {
        assertEquals(d("20.00"), cmp("12", "12", Op.LE, Reverse.DEVIATION).score());
        assertEquals(d("15.00"), cmp("100", "125", Op.LE, Reverse.DEVIATION).score(), "(1 − 0.25) × 20");
        assertEquals(d("0.00"), cmp("100", "200", Op.LE, Reverse.DEVIATION).score(), "twice the target: 0");
        assertEquals(d("16.00"), cmp("100", "125", Op.LE, Reverse.RATIO).score(), "100 / 125 × 20");
        assertFalse(cmp("100", "125", Op.LE, Reverse.RATIO).met());
        assertFalse(cmp("100", "300", Op.LE, Reverse.RATIO).overshoot(), "no overshoot for 反向");
    }

    @Test
    void equalsIsPositiveExceptForAZeroTarget() {
        assertEquals(d("20.00"), cmp("0.5", "0.5", Op.EQ, Reverse.DEVIATION).score());
        assertEquals(d("20.00"), cmp("0", "0", Op.EQ, Reverse.DEVIATION).score());
        assertEquals(d("0.00"), cmp("0", "1", Op.EQ, Reverse.DEVIATION).score());
        assertEquals(d("10.00"), cmp("100", "50", Op.EQ, Reverse.DEVIATION).score());
    }

    @Test
    void rangesAndApproximateTargets() {
        assertTrue(cmp("20-30/本", "25", null, Reverse.DEVIATION).met());
        assertFalse(cmp("20-30/本", "35", null, Reverse.DEVIATION).met());
        Outcome about = Scoring.compare(IndicatorValue.parse("45支左右"), IndicatorValue.parse("42"), Op.EQ, W, Reverse.DEVIATION, F, TOL);
        assertTrue(about.met(), "42 is within 10% of “45 左右”");
        assertEquals(d("20.00"), about.score());
    }

    @Test
    void severalValuesComparePairwise() {
        Outcome both = Scoring.compare(IndicatorValue.parse("达580家，国家高企达210家"), IndicatorValue.parse("591，230"),
                Op.GE, null, Reverse.DEVIATION, F, TOL);
        assertTrue(both.comparable());
        assertTrue(both.met());
        assertNull(both.score(), "no single score for two values");
        Outcome one = Scoring.compare(IndicatorValue.parse("580，210"), IndicatorValue.parse("591，200"), Op.GE, null,
                Reverse.DEVIATION, F, TOL);
        assertFalse(one.met());
        assertFalse(Scoring.compare(IndicatorValue.parse("0.3元/张，10元/册"), IndicatorValue.parse("10"), Op.LE, null,
                Reverse.DEVIATION, F, TOL).comparable(), "2 targets, 1 actual");
        assertFalse(cmp("达成预期指标", "达成预期指标", Op.QUALITATIVE, Reverse.DEVIATION).comparable());
        assertFalse(cmp("14", "开展交流合作10余次，促进经济社会发展", Op.GE, Reverse.DEVIATION).comparable());
    }

    @Test
    void executionRateAndScore() {
        assertEquals(d("93.75"), Scoring.executionRate(d("12"), d("12.8")));
        assertEquals(d("78.33"), Scoring.executionRate(d("9.4"), d("12")));
        assertNull(Scoring.executionRate(d("1"), d("0")));
        assertEquals(d("9.38"), Scoring.executionScore(d("93.75"), d("10")));
        assertEquals(d("10.00"), Scoring.executionScore(d("104"), d("10")), "capped at 100%");
        assertEquals(d("18.75"), Scoring.executionScore(d("93.75"), d("20")), "Hubei: 20 × 执行率");
    }
}
