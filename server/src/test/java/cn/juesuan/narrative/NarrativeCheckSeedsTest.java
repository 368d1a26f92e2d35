package cn.juesuan.narrative;

import cn.juesuan.rules.Severity;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published narratives of seeds 000 and 004, checked against their transcribed tables: their real errors. */
class NarrativeCheckSeedsTest {
    private static final NarrativeService SERVICE = NarrativeFixtures.service();

    private static NarrativeReport check(String seed, String text, byte[] previous, byte[] workbook) {
        byte[] xlsx = workbook != null ? workbook : NarrativeFixtures.workbook(seed);
        return SERVICE.check(xlsx, previous, NarrativeFixtures.seedText(text), text);
    }

    private static List<NarrativeFinding> errors(NarrativeReport r) {
        return r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    @Test
    void seed000() {
        NarrativeReport r = check(Fixtures.SEED_000, NarrativeFixtures.TEXT_000, null, null);
        List<NarrativeFinding> errors = errors(r);

        // 基本支出 60.88 in 第二部分, 60.87 in 附件1
        NarrativeFinding amount = only(r.findingsOf("N-AMOUNT").stream().filter(f -> f.severity() == Severity.ERROR).toList());
        assertEquals(0, new BigDecimal("60.87").compareTo(amount.reported()));
        assertEquals(0, new BigDecimal("60.88").compareTo(amount.computed()));
        assertTrue(amount.quote().contains("基本支出60.87万元"), amount.quote());
        assertEquals(483, amount.line());
        NarrativeFinding dup = only(r.findingsOf("N-DUP"));
        assertTrue(dup.message().contains("第159行写作 60.88 万元"), dup.message());

        // “三公” 完成预算100% against a 预算数 of 0
        NarrativeFinding zero = only(r.findingsOf("N-RATE-ZERO").stream().filter(f -> f.severity() == Severity.ERROR).toList());
        assertTrue(zero.quote().contains("完成预算 100%"), zero.quote());
        assertTrue(zero.section().contains("三公"), zero.section());

        assertEquals(3, errors.size(), () -> "no other 错误 in seed 000: " + r.toText());
        // the items' 0% against 0 budgets, unedited “增加/减少”, 机关运行经费 0 against 公用经费 2.08: 提示
        assertEquals(3, r.findingsOf("N-RATE-ZERO").size() - 1);
        assertTrue(r.findingsOf("N-TEMPLATE").size() >= 5);
        assertEquals(Severity.WARNING, only(r.findingsOf("N-AMOUNT").stream()
                .filter(f -> f.severity() == Severity.WARNING).toList()).severity());
        assertTrue(r.checked() > 120, "most numbers are checked: " + r.checked());
        assertFalse(r.valid());
    }

    @Test
    void seed004() {
        NarrativeReport r = check(Fixtures.SEED_004, NarrativeFixtures.TEXT_004, null, null);
        NarrativeFinding path = only(errors(r));
        assertEquals("N-PATH", path.ruleId());
        assertTrue(path.quote().contains("科技重大项目（款）科技奖励（项）"), path.quote());
        assertTrue(path.message().contains("2069901") && path.message().contains("其他科学技术支出（款）")
                && path.message().contains("20699"), path.message());
        assertTrue(path.section().contains("名词解释"));

        NarrativeFinding name = only(r.findingsOf("N-PATH-NAME"));
        assertTrue(name.message().contains("其他科技交流与合作支出"), name.message());
        NarrativeFinding unit = only(r.findingsOf("N-UNIT"));
        assertTrue(unit.quote().contains("决算数为1447.01，"), "an amount without 万元: " + unit.quote());
        NarrativeFinding reason = only(r.findingsOf("N-REASON"));
        assertTrue(reason.quote().contains("因公出国（境）支出决算比2023年增加3.25万元"), reason.quote());
        assertTrue(r.findingsOf("N-CHANGE-RATE").get(0).message().contains("上年为0"));
        assertTrue(r.findingsOf("N-AMOUNT").isEmpty() && r.findingsOf("N-SHARE").isEmpty());
        assertTrue(r.checked() >= 70, "checked " + r.checked());
    }

    @Test
    void seed004AgainstLastYear() {
        NarrativeReport r = check(Fixtures.SEED_004, NarrativeFixtures.TEXT_004, NarrativeFixtures.previous004Workbook(), null);
        assertTrue(r.findingsOf("N-CHANGE").isEmpty(), r::toText);
        assertEquals(1, errors(r).size(), r::toText);

        var wrong = NarrativeFixtures.previous004();
        Map<String, cn.juesuan.model.TableData> tables = new LinkedHashMap<>(wrong.tables());
        var ies = tables.get("income_expense_summary");
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>(ies.values());
        values.put("grand_total_income", Map.of("amount", new BigDecimal("1600.00")));
        tables.put("income_expense_summary", new cn.juesuan.model.TableData(values, ies.rows(), null));
        byte[] prev = new cn.juesuan.template.Filler(Fixtures.registry()).fill(new cn.juesuan.model.ReportData(
                wrong.profile(), wrong.year(), wrong.unit(), wrong.moneyUnit(), tables));
        NarrativeReport bad = check(Fixtures.SEED_004, NarrativeFixtures.TEXT_004, prev, null);
        NarrativeFinding change = only(bad.findingsOf("N-CHANGE"));
        assertTrue(change.section().startsWith("一、"), change.section());
        assertEquals(0, new BigDecimal("-152.99").compareTo(change.computed()));
        assertTrue(change.message().contains("减少 152.99 万元"), change.message());
        assertEquals(1, bad.findingsOf("N-CHANGE-RATE").stream().filter(f -> f.severity() == Severity.ERROR).count());
    }

    @Test
    void seed004CompletionRatesAgainstBudgets() {
        byte[] xlsx = NarrativeFixtures.withBudgets(NarrativeFixtures.workbook(Fixtures.SEED_004),
                NarrativeFixtures.BUDGETS_004, NarrativeFixtures.BUDGET_TOTAL_004);
        NarrativeReport r = check(Fixtures.SEED_004, NarrativeFixtures.TEXT_004, null, xlsx);
        assertTrue(r.findingsOf("N-RATE").isEmpty(), r::toText);
        NarrativeReport plain = check(Fixtures.SEED_004, NarrativeFixtures.TEXT_004, null, null);
        assertEquals(plain.checked() + 18, r.checked(), "17 项 and the total are now checked");

        Map<String, String> budgets = new LinkedHashMap<>(NarrativeFixtures.BUDGETS_004);
        budgets.put("2060101", "400.00"); // 329.53 / 400 = 82.38%, the text says 95.03%
        NarrativeReport bad = check(Fixtures.SEED_004, NarrativeFixtures.TEXT_004, null,
                NarrativeFixtures.withBudgets(NarrativeFixtures.workbook(Fixtures.SEED_004), budgets,
                        NarrativeFixtures.BUDGET_TOTAL_004));
        NarrativeFinding rate = only(bad.findingsOf("N-RATE"));
        assertTrue(rate.quote().contains("行政运行"), rate.quote());
        assertEquals(0, new BigDecimal("82.38").compareTo(rate.computed()));
    }

    static <T> T only(List<T> list) {
        assertEquals(1, list.size(), () -> "expected one, got " + list);
        return list.get(0);
    }
}
