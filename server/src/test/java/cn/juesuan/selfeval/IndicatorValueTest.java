package cn.juesuan.selfeval;

import cn.juesuan.selfeval.IndicatorValue.Op;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indicator values as people write them (issue 4 §3 and the seeds). */
class IndicatorValueTest {

    private static List<BigDecimal> nums(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void operatorWrittenInTheValue() {
        IndicatorValue ge = IndicatorValue.parse("≥98%");
        assertEquals(Op.GE, ge.op());
        assertEquals(nums("98"), ge.values());
        assertTrue(ge.numeric());
        IndicatorValue le = IndicatorValue.parse("≤12月");
        assertEquals(Op.LE, le.op());
        assertEquals(nums("12"), le.values());
        IndicatorValue eq = IndicatorValue.parse("=100");
        assertEquals(Op.EQ, eq.op());
        assertEquals(nums("100"), eq.values());
        assertEquals(Op.GE, IndicatorValue.parse("＞＝90").op(), "full-width operators");
    }

    @Test
    void operatorFromTheNatureColumnWins() {
        IndicatorValue v = IndicatorValue.parse("≤", "达到95", "%");
        assertEquals(Op.LE, v.op());
        assertEquals(Op.LE, v.columnOp());
        assertEquals(Op.GE, v.textOp());
        assertNull(IndicatorValue.nature("持续开展区域和市校合作"));
        assertFalse(IndicatorValue.isNature("持续开展区域和市校合作"));
        assertTrue(IndicatorValue.isNature("定性"));
        assertTrue(IndicatorValue.isNature(null));
    }

    @Test
    void rangesAndSeveralValues() {
        IndicatorValue range = IndicatorValue.parse("20-30/本");
        assertTrue(range.range());
        assertEquals(nums("20", "30"), range.values());
        assertTrue(IndicatorValue.parse("6-10元/套").range());
        IndicatorValue two = IndicatorValue.parse("0.3元/张，10元/册");
        assertFalse(two.range());
        assertEquals(nums("0.3", "10"), two.values());
        IndicatorValue actual = IndicatorValue.parse("591，230");
        assertEquals(nums("591", "230"), actual.values(), "a full-width comma separates two values");
        assertTrue(actual.numeric());
        assertEquals(nums("1447.01"), IndicatorValue.parse("1,447.01").values(), "an ASCII comma before 3 digits is a thousands separator");
    }

    @Test
    void numbersInSentencesFollowTheUnit() {
        IndicatorValue v = IndicatorValue.parse("定性", "技术合同认定登记额达14亿元", "亿元");
        assertTrue(v.declaredQualitative());
        assertEquals(Op.GE, v.op(), "达 … means ≥ although the column says 定性");
        assertEquals(nums("14"), v.values());
        IndicatorValue two = IndicatorValue.parse("定性", "入库备案国家科技型中小企业达580家，国家高企达210家", "家");
        assertEquals(nums("580", "210"), two.values());
        assertFalse(two.numeric(), "a sentence is not a measured value");
        assertEquals(nums("1000"), IndicatorValue.parse(null, "设立科技项目1000万元，鼓励企业申报科技计划项目", "万元").values());
        IndicatorValue about = IndicatorValue.parse("定性", "常年柔性引进45支左右高校人才团队服务遂宁企业", "支");
        assertTrue(about.approx());
        assertEquals(Op.EQ, about.op());
        assertEquals(Op.LE, IndicatorValue.parse("报销额不超过10000元").op());
    }

    @Test
    void qualitativeTexts() {
        for (String t : List.of("满意", "达成预期指标", "已完成", "及时完成目标")) {
            IndicatorValue v = IndicatorValue.parse(t);
            assertEquals(Op.QUALITATIVE, v.op(), t);
            assertFalse(v.hasNumbers(), t);
        }
        assertNull(IndicatorValue.parse("定性", "", null).op() == Op.QUALITATIVE ? null : "blank text with 定性");
    }

    @Test
    void measuredValuesVersusReports() {
        assertTrue(IndicatorValue.parse("95%").numeric());
        assertTrue(IndicatorValue.parse("27.36").numeric());
        assertTrue(IndicatorValue.parse("企业满意度100%").numeric(), "short text around one number");
        assertFalse(IndicatorValue.parse("开展交流合作10余次，促进经济社会发展").numeric());
        assertFalse(IndicatorValue.parse("科技立项争资方面，累计向上争取科技项目共271个。").numeric());
    }
}
