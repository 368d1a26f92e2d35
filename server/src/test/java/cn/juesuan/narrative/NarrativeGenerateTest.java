package cn.juesuan.narrative;

import cn.juesuan.narrative.NarrativeChecker.Kind;
import cn.juesuan.narrative.NarrativeChecker.Mention;
import cn.juesuan.rules.Severity;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated narratives state every number of the seeds' 第二部分 that the tables determine, with the published value
 * wherever the published one is right; and they pass their own check.
 */
class NarrativeGenerateTest {
    private static final NarrativeService SERVICE = NarrativeFixtures.service();

    private static byte[] workbook004() {
        return NarrativeFixtures.withBudgets(NarrativeFixtures.workbook(Fixtures.SEED_004), NarrativeFixtures.BUDGETS_004,
                NarrativeFixtures.BUDGET_TOTAL_004);
    }

    @Test
    void seed004EveryDeterminedNumberOfItsPart2() {
        byte[] xlsx = workbook004();
        byte[] previous = NarrativeFixtures.previous004Workbook();
        int compared = compare(xlsx, previous, NarrativeFixtures.TEXT_004);
        assertTrue(compared >= 95, "compared " + compared);
    }

    @Test
    void seed000EveryDeterminedNumberOfItsPart2() {
        int compared = compare(NarrativeFixtures.workbook(Fixtures.SEED_000), null, NarrativeFixtures.TEXT_000);
        assertTrue(compared >= 100, "compared " + compared);
    }

    /**
     * Each number of the published 第二部分 that the figures determine and that is right must be in the generated
     * text, said of the same figure in the same way (amount, share, completion, change, rate). Returns how many.
     */
    private static int compare(byte[] xlsx, byte[] previous, String seedText) {
        NarrativeService.Input in = SERVICE.input(xlsx, previous);
        Figures f = in.figures();
        List<Mention> published = mentions(in, NarrativeFixtures.part2(seedText));
        String generatedText = SERVICE.generate(in).plainText();
        List<Mention> generated = mentions(in, generatedText);
        int compared = 0;
        List<String> missing = new ArrayList<>();
        for (Mention m : published) {
            BigDecimal expected = expected(f, m);
            if (expected == null || !close(m, m.kind() == Kind.CHANGE || m.kind() == Kind.RATE ? signed(m) : m.value(), expected)) {
                continue; // not determined by the tables, or published wrong
            }
            compared++;
            boolean found = generated.stream().anyMatch(g -> g.key().equals(m.key()) && g.kind() == m.kind()
                    && close(g, g.kind() == Kind.CHANGE || g.kind() == Kind.RATE ? signed(g) : g.value(), expected));
            if (!found) {
                missing.add(m.kind() + " " + m.key() + " " + m.value() + " «" + m.quote() + "»");
            }
        }
        assertTrue(missing.isEmpty(), () -> "not in the generated narrative:\n" + String.join("\n", missing)
                + "\n--- generated:\n" + generatedText);
        return compared;
    }

    private static List<Mention> mentions(NarrativeService.Input in, String text) {
        NarrativeChecker c = SERVICE.checker(in);
        c.check(NarrativeSource.read(text.getBytes(StandardCharsets.UTF_8), "part2.txt"), "part2.txt");
        return c.mentions();
    }

    /** What the tables say the number should be; null when they do not determine it. */
    private static BigDecimal expected(Figures f, Mention m) {
        Quantity q = f.q(m.key());
        boolean subjectWithoutRow = m.key().startsWith("subject.")
                && f.data().table("gpb_expenditure").rows().stream().noneMatch(r -> Figures.codeOf(m.key()).equals(r.code()));
        if (subjectWithoutRow) {
            return null; // a 类 the unit has no row for (seed 000 lists 教育支出 0 万元): not a figure of its tables
        }
        return switch (m.kind()) {
            case AMOUNT -> q.value();
            case SHARE -> f.share(m.key());
            case COMPLETION -> f.completion(m.key());
            case CHANGE -> f.change(m.key());
            case RATE -> f.changeRate(m.key());
        };
    }

    private static BigDecimal signed(Mention m) {
        return m.sign() != null && m.sign() < 0 ? m.value().negate() : m.value();
    }

    private static boolean close(Mention m, BigDecimal stated, BigDecimal expected) {
        if (m.kind() == Kind.AMOUNT || m.kind() == Kind.CHANGE) {
            return stated.subtract(expected).abs().compareTo(NarrativeChecker.tolerance(m.value())) <= 0;
        }
        return NarrativeChecker.withinPercent(stated, expected);
    }

    @Test
    void seed004WithLastYearAndBudgetsHasItsNumbersInPlace() {
        NarrativeDoc doc = SERVICE.document(workbook004(), NarrativeFixtures.previous004Workbook());
        String text = doc.plainText();
        assertTrue(text.contains("2024年度收入、支出总计均为1447.01万元。与2023年度相比，收入、支出总计各减少131.49万元，下降8.33%。"
                + "主要变动原因是【请填写主要变动原因】。"), text);
        assertTrue(text.contains("其中：基本支出708.77万元，占48.98%；项目支出738.24万元，占51.02%；上缴上级支出0万元，占0%；"));
        assertTrue(text.contains("2024年度一般公共预算财政拨款支出决算数为1447.01万元，完成预算95.75%。其中："));
        assertTrue(text.contains("2.科学技术支出（类）科学技术管理事务（款）行政运行（项）：支出决算为329.53万元，完成预算95.03%。"
                + "决算数小于预算数的主要原因是【请填写】。"));
        assertTrue(text.contains("10.科学技术支出（类）其他科学技术支出（款）科技奖励（项）：支出决算为195.00万元，完成预算100%。决算数等于预算数。"));
        assertTrue(text.contains("“三公”经费财政拨款支出决算为6.23万元，完成预算99.36%，较上年度增加2.39万元，增长62.24%。"));
        assertTrue(text.contains("因公出国（境）支出决算比2023年度增加3.25万元（2023年度为0万元）。"));
        assertTrue(text.contains("机关运行经费支出78.50万元，比2023年度减少5.63万元，下降6.69%。"));
        assertTrue(text.contains("人员经费630.27万元，主要包括：基本工资150.00万元、津贴补贴180.00万元"));
        assertFalse(text.contains("【增加/减少】"), "changes are computed when last year is given");
        assertFalse(text.contains("完成预算【"), "completion is computed when budgets are given");
        assertEquals(7, doc.charts().size());

        NarrativeReport self = SERVICE.check(workbook004(), NarrativeFixtures.previous004Workbook(),
                text.getBytes(StandardCharsets.UTF_8), "generated.txt");
        assertTrue(self.findings().stream().noneMatch(x -> x.severity() == Severity.ERROR), self::toText);
        assertTrue(self.findings().stream().allMatch(x -> x.ruleId().equals("N-BLANK")),
                () -> "a generated narrative only has its blanks to fill: " + self.toText());
    }

    @Test
    void seed000InTheWordingOf2020() {
        NarrativeDoc doc = SERVICE.document(NarrativeFixtures.workbook(Fixtures.SEED_000), null);
        String text = doc.plainText();
        assertTrue(text.contains("2020年度收、支总计104.58万元。与2019年相比，收、支总计各【增加/减少】【　】万元"), text);
        assertTrue(text.contains("日常公用经费2.08万元，主要包括：办公费1.39万元、印刷费0万元"), "sichuan-2020 lists zero items");
        assertTrue(text.contains("七、“三公”经费财政拨款支出决算情况说明"));
        assertTrue(text.contains("“三公”经费财政拨款支出决算为0万元，全年预算数为0，"),
                "a zero budget is said, not turned into 完成预算100%: " + text);
        assertTrue(text.contains("（图7：“三公”经费财政拨款支出结构：本年度无数据，不作图。）"));
        assertTrue(text.contains("2020年度政府性基金预算财政拨款支出0万元，占本年支出合计的0%。"));
        assertTrue(text.contains("3.科学技术支出（类）其他科学技术支出（款）其他科学技术支出（项）：支出决算为6.91万元，完成预算【　】%。"));
        assertEquals(6, doc.charts().size());

        NarrativeReport self = SERVICE.check(NarrativeFixtures.workbook(Fixtures.SEED_000), null,
                text.getBytes(StandardCharsets.UTF_8), "generated.txt");
        assertTrue(self.findings().stream().noneMatch(x -> x.severity() == Severity.ERROR), self::toText);
    }
}
