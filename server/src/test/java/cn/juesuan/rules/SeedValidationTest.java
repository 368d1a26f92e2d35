package cn.juesuan.rules;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real figures of seeds 000 and 004, filled through the Filler, validate with no 错误. */
class SeedValidationTest {
    static final Validator VALIDATOR = new Validator(Fixtures.registry(), CodeCatalogue.load(Fixtures.templatesRoot()));

    @Test
    void seed004HasNoError() {
        ValidationReport r = validateSeed(Fixtures.SEED_004);
        System.out.println(r.toText());
        assertEquals("sichuan-2024", r.profile());
        assertEquals(0, r.counts().error(), r::toText);
        assertTrue(r.valid());
    }

    @Test
    void seed000HasNoErrorAnd8922IsRounding() {
        ValidationReport r = validateSeed(Fixtures.SEED_000);
        System.out.println(r.toText());
        assertEquals("sichuan-2020", r.profile());
        assertEquals(0, r.counts().error(), r::toText);
        // 基本 60.88 + 项目 28.35 = 89.23 against the published 合计 89.22: 尾差
        assertFalse(r.findings(Severity.INFO).stream().filter(f -> f.reported() != null
                && f.reported().compareTo(new java.math.BigDecimal("89.22")) == 0
                && f.computed().compareTo(new java.math.BigDecimal("89.23")) == 0).toList().isEmpty(), r::toText);
    }

    static ValidationReport validateSeed(String seed) {
        ReportData data = Fixtures.seed(seed);
        byte[] xlsx = new Filler(Fixtures.registry()).fill(data);
        return VALIDATOR.validate(xlsx, null);
    }
}
