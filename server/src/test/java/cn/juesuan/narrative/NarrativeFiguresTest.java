package cn.juesuan.narrative;

import cn.juesuan.model.ReportData;
import cn.juesuan.model.TableData;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures layer: the right denominators, changes and completion rates, in 万元 whatever the workbook's unit. */
class NarrativeFiguresTest {

    private static Figures figures(ReportData current, ReportData previous, Budgets budgets) {
        return Figures.of(current, previous, budgets, Fixtures.registry());
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static void eq(String expected, BigDecimal actual) {
        assertEquals(0, d(expected).compareTo(actual), () -> "expected " + expected + ", got " + actual);
    }

    @Test
    void sharesUseTheOfficialDenominators() {
        Figures f = figures(Fixtures.seed(Fixtures.SEED_004), null, null);
        eq("1447.01", f.value(Figures.INCOME_TOTAL));
        eq("100", f.share("income.gpb"));                      // over 本年收入合计
        eq("48.98", f.share("expense.basic"));                 // 708.77 / 1447.01 over 本年支出合计
        eq("51.02", f.share("expense.project"));
        eq("89.06", f.share(Figures.subjectKey("206")));       // 类 over 一般公共预算财政拨款支出
        eq("0.09", f.share(Figures.subjectKey("201")));
        eq("52.17", f.share("three.abroad"));                  // “三公” item over the “三公” 决算 total 6.23
        eq("47.83", f.share("three.vehicle"));
        eq("100", f.share(Figures.GPB));                       // gpb over 本年支出合计
        eq("99.36", f.completion(Figures.THREE_TOTAL));        // 6.23 / 6.27, the 预算数 of the 三公 table
        eq("99.33", f.completion("three.vehicle"));            // 2.98 / 3.00
        eq("0", f.completion("three.reception"));              // 0 / 0.02
        eq("78.5", f.value(Figures.ADMIN_COST));
        assertNull(f.share(Figures.subjectKey("2060101")), "a 项 has no share");
        assertNull(f.completion(Figures.subjectKey("2060101")), "no 全年预算 given");
        assertNull(f.change(Figures.GRAND_TOTAL), "no last year given");
        assertEquals(List.of("subject.201", "subject.206", "subject.208", "subject.210", "subject.221"), f.classes());
        assertEquals(17, f.items().size());
    }

    @Test
    void changesAgainstLastYear() {
        Figures f = figures(Fixtures.seed(Fixtures.SEED_004), NarrativeFixtures.previous004(), null);
        assertEquals(2023, f.previousYear());
        eq("-131.49", f.change(Figures.GRAND_TOTAL));
        eq("-8.33", f.changeRate(Figures.GRAND_TOTAL));
        eq("2.39", f.change(Figures.THREE_TOTAL));
        eq("62.24", f.changeRate(Figures.THREE_TOTAL));
        eq("3.25", f.change("three.abroad"));
        assertNull(f.changeRate("three.abroad"), "last year 0: no rate");
        eq("-5.63", f.change(Figures.ADMIN_COST));
        eq("-6.69", f.changeRate(Figures.ADMIN_COST));
        eq("1.37", f.change(Figures.subjectKey("201")));       // a 类 absent last year counts from 0
    }

    @Test
    void completionFromTheBudgetsOfEachItemAndTheirSums() {
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        NarrativeFixtures.BUDGETS_004.forEach((k, v) -> byCode.put(k, d(v)));
        Figures f = figures(Fixtures.seed(Fixtures.SEED_004), null, new Budgets(byCode, null, List.of()));
        eq("95.03", f.completion(Figures.subjectKey("2060101")));
        eq("27.40", f.completion(Figures.subjectKey("2011308")));
        eq("5.00", f.q(Figures.subjectKey("201")).budget());   // a 类 without its own budget: the sum of its 项
        eq("1511.13", f.q(Figures.GPB).budget());               // no 合计 given: the sum of the 类
        Figures withTotal = figures(Fixtures.seed(Fixtures.SEED_004), null,
                new Budgets(byCode, d("1511.2"), List.of()));
        eq("95.75", withTotal.completion(Figures.GPB));
    }

    @Test
    void yuanWorkbooksAreStatedInWan() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_004);
        Map<String, TableData> tables = new LinkedHashMap<>();
        seed.tables().forEach((key, t) -> {
            Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
            t.values().forEach((row, cols) -> {
                Map<String, BigDecimal> c = new LinkedHashMap<>();
                cols.forEach((col, v) -> c.put(col, v.movePointRight(4)));
                values.put(row, c);
            });
            tables.put(key, new TableData(values, t.rows().stream().map(r -> new cn.juesuan.model.SubjectRow(r.code(),
                    r.name(), scaled(r.amounts()))).toList(), t.note()));
        });
        Figures f = figures(new ReportData(seed.profile(), seed.year(), seed.unit(), "元", tables), null, null);
        eq("1447.01", f.value(Figures.GRAND_TOTAL));
        eq("329.53", f.value(Figures.subjectKey("2060101")));
        eq("48.98", f.share("expense.basic"));
    }

    private static Map<String, BigDecimal> scaled(Map<String, BigDecimal> m) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.movePointRight(4)));
        return out;
    }

    @Test
    void percentagesAndAmountsAsPrinted() {
        assertEquals("100", Calc.percentText(d("100.00")));
        assertEquals("1.60", Calc.percentText(d("1.6")));
        assertEquals("0", Calc.percentText(d("0")));
        assertEquals("1447.01", Calc.amount(d("1447.010")));
        assertEquals("78.50", Calc.amount(d("78.5")));
        assertEquals("0", Calc.amount(d("0.00")));
        assertNull(Calc.percent(d("1"), BigDecimal.ZERO));
        assertTrue(NarrativeChecker.withinPercent(d("0.1"), d("0.09")));
        assertTrue(NarrativeChecker.withinPercent(d("68"), d("68.24")));
        assertTrue(!NarrativeChecker.withinPercent(d("68"), d("69.00")));
    }
}
