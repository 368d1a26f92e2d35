package cn.juesuan.selfeval;

import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SelfEvaluation.ExpenseLine;
import cn.juesuan.model.SelfEvaluation.Indicator;
import cn.juesuan.model.UnitInfo;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Validator;
import cn.juesuan.rules.Severity;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every self-evaluation rule as shipped (templates/&lt;profile&gt;/rules/self-evaluation.json) has a passing and a failing
 * case: a sheet that passes every rule, then one change per rule.
 */
class EvalRulesTest {

    // --- building sheets -----------------------------------------------------------------------------------

    private static BigDecimal d(String v) {
        return v == null ? null : new BigDecimal(v);
    }

    private static Indicator ind(String l1, String l2, String l3, String nature, String target, String unit, String weight,
                                 String actual, String score, String reason) {
        return new Indicator(l1, l2, l3, nature, target, unit, d(weight), actual, d(score), reason, null);
    }

    private static Map<String, BigDecimal> row(String... kv) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], d(kv[i + 1]));
        }
        return m;
    }

    /** A national 项目支出绩效自评表 that passes every rule: Σ 90 (50/30/10), execution 95% → 9.5, total 98.5. */
    static SelfEvaluation national() {
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        funds.put("total", row("initial", "100", "budget", "100", "executed", "95", "weight", "10", "rate", "95", "score", "9.5"));
        funds.put("fiscal", row("initial", "80", "budget", "80", "executed", "76"));
        funds.put("carryover", row("initial", "10", "budget", "10", "executed", "10"));
        funds.put("other", row("initial", "10", "budget", "10", "executed", "9"));
        List<Indicator> inds = List.of(
                ind("产出指标", "数量指标", "培训场次", null, "≥10", "场", "20", "12", "20", null),
                ind("产出指标", "质量指标", "合格率", null, "≥95%", "%", "15", "96%", "15", null),
                ind("产出指标", "时效指标", "完成时间", null, "≤12月", "月", "5", "12月", "5", null),
                ind("成本指标", "经济成本指标", "单位成本", null, "≤100元", "元", "10", "90", "10", null),
                ind("效益指标", "社会效益指标", "受益人数", null, "≥1000人", "人", "20", "1100", "20", null),
                ind("效益指标", "可持续影响指标", "长效机制", null, "建立长效机制", null, "10", "达成预期指标", "9", "机制尚在完善"),
                ind("满意度指标", "服务对象满意度指标", "满意度", null, "≥90%", "%", "10", "95%", "10", null));
        return new SelfEvaluation("national_project", Map.of("project", "示例项目", "department", "示例主管部门"),
                row("totalWeight", "100", "totalScore", "98.5"), funds, inds, null, null, null);
    }

    private static SelfEvaluation withIndicator(SelfEvaluation e, int i, UnaryOperator<Indicator> change) {
        List<Indicator> inds = new ArrayList<>(e.indicators());
        inds.set(i, change.apply(inds.get(i)));
        return new SelfEvaluation(e.kind(), e.fields(), e.numbers(), e.funds(), inds, e.expenses(), e.reviewers(), e.tasks());
    }

    private static SelfEvaluation withFund(SelfEvaluation e, String rowKey, String col, String value) {
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        e.funds().forEach((r, c) -> funds.put(r, new LinkedHashMap<>(c)));
        funds.computeIfAbsent(rowKey, k -> new LinkedHashMap<>()).put(col, d(value));
        return new SelfEvaluation(e.kind(), e.fields(), e.numbers(), funds, e.indicators(), e.expenses(), e.reviewers(), e.tasks());
    }

    private static SelfEvaluation withNumber(SelfEvaluation e, String key, String value) {
        Map<String, BigDecimal> n = new LinkedHashMap<>(e.numbers());
        n.put(key, d(value));
        return new SelfEvaluation(e.kind(), e.fields(), n, e.funds(), e.indicators(), e.expenses(), e.reviewers(), e.tasks());
    }

    private static SelfEvaluation withField(SelfEvaluation e, String key, String value) {
        Map<String, String> f = new LinkedHashMap<>(e.fields());
        f.put(key, value);
        return new SelfEvaluation(e.kind(), f, e.numbers(), e.funds(), e.indicators(), e.expenses(), e.reviewers(), e.tasks());
    }

    private static Indicator with(Indicator i, String field, String value) {
        return new Indicator(field.equals("level1") ? value : i.level1(), field.equals("level2") ? value : i.level2(),
                i.level3(), field.equals("nature") ? value : i.nature(), field.equals("target") ? value : i.target(),
                i.unit(), field.equals("weight") ? d(value) : i.weight(), field.equals("actual") ? value : i.actual(),
                field.equals("score") ? d(value) : i.score(), field.equals("reason") ? value : i.reason(), i.explanation());
    }

    // --- running the shipped rules -------------------------------------------------------------------------

    private static final Map<String, Validator> VALIDATORS = new java.util.concurrent.ConcurrentHashMap<>();
    @org.junit.jupiter.api.io.TempDir
    static Path TEMPLATES;

    /** The engine with the shipped rules; with a variant, on a copy of the templates folder whose rule files choose it. */
    private static Validator validator(String variant) {
        return VALIDATORS.computeIfAbsent(variant == null ? "" : variant, v -> v.isEmpty()
                ? new Validator(Fixtures.registry(), null) : new Validator(new ProfileRegistry(templatesWithVariant(v)), null));
    }

    private static Path templatesWithVariant(String variant) {
        try {
            Path root = Fixtures.copyTemplates(TEMPLATES.resolve(variant));
            for (String profile : PROFILES) {
                Path file = root.resolve(profile).resolve(RULES);
                var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(Files.readAllBytes(file));
                doc.put("variant", variant);
                Files.write(file, Json.MAPPER.writeValueAsBytes(doc));
            }
            return root;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final List<String> PROFILES = List.of("sichuan-2020", "sichuan-2024", "national-9");
    private static final String RULES = "rules/self-evaluation.json";

    private static List<Finding> check(String profile, SelfEvaluation e) {
        return check(validator(null), profile, e);
    }

    private static List<Finding> check(Validator v, String profile, SelfEvaluation e) {
        ReportData data = new ReportData(profile, 2024, new UnitInfo("示例单位", null), "万元", null, List.of(e));
        return v.validate(new ReadResult(data, List.of(), new WorkbookMap())).findings();
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(f -> f.ruleId() + ":" + f.severity().code()).toList();
    }

    private static void passes(String profile, SelfEvaluation e) throws Exception {
        List<Finding> f = check(profile, e);
        assertTrue(f.isEmpty(), () -> "expected no findings, got " + f.stream().map(Finding::message).toList());
    }

    private static void same(String expected, BigDecimal actual) {
        same(expected, actual, "");
    }

    private static void same(String expected, BigDecimal actual, String message) {
        assertTrue(actual != null && d(expected).compareTo(actual) == 0, () -> message + " expected " + expected + " but was " + actual);
    }

    /** Rules seen failing in this class, to check that every shipped rule has a failing case. */
    private static final java.util.Set<String> FAILED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static Finding fails(String profile, SelfEvaluation e, String ruleId, Severity severity) throws Exception {
        FAILED.add(ruleId);
        List<Finding> f = check(profile, e);
        return f.stream().filter(x -> x.ruleId().equals(ruleId) && x.severity() == severity).findFirst()
                .orElseThrow(() -> new AssertionError("expected " + ruleId + " " + severity.label() + ", got " + ids(f)
                        + " " + f.stream().map(Finding::message).toList()));
    }

    // --- the cases ------------------------------------------------------------------------------------------

    @Test
    void aCorrectNationalSheetPassesEveryRule() throws Exception {
        passes("national-9", national());
        passes("sichuan-2024", national());
    }

    @Test
    void weightsAddUpTo90() throws Exception {
        Finding f = fails("sichuan-2024", withIndicator(national(), 0, i -> with(i, "weight", "25")), "SE1", Severity.ERROR);
        same("95", f.reported());
        same("90", f.computed());
    }

    @Test
    void aWeightAboveTheTotalIsAnError() throws Exception {
        Finding f = fails("sichuan-2024", withIndicator(national(), 4, i -> with(i, "weight", "105")), "SE3", Severity.ERROR);
        same("105", f.reported());
    }

    @Test
    void executionWeighs10() throws Exception {
        fails("sichuan-2024", withFund(national(), "total", "weight", "20"), "SE5", Severity.ERROR);
    }

    @Test
    void theNationalSplitIsOnlyAHint() throws Exception {
        SelfEvaluation e = withIndicator(withIndicator(national(), 0, i -> with(i, "weight", "25")), 4, i -> with(i, "weight", "15"));
        e = withIndicator(withIndicator(e, 0, i -> with(i, "score", "25")), 4, i -> with(i, "score", "15"));
        Finding f = fails("sichuan-2024", e, "SE6", Severity.WARNING);
        same("55", f.reported());
        same("50", f.computed());
        assertTrue(check("sichuan-2024", e).stream().noneMatch(x -> x.severity() == Severity.ERROR));
    }

    @Test
    void levelPairs() throws Exception {
        fails("sichuan-2024", withIndicator(national(), 0, i -> with(i, "level2", "社会效益指标")), "SE8", Severity.ERROR);
        fails("sichuan-2024", withIndicator(national(), 6, i -> with(i, "level2", "满意度指标")), "SE8", Severity.WARNING);
        fails("sichuan-2024", withIndicator(national(), 6, i -> with(i, "level1", "群众指标")), "SE8", Severity.WARNING);
        passes("sichuan-2024", withIndicator(national(), 0, i -> with(i, "level1", "项目完成指标")));
        passes("sichuan-2024", withIndicator(national(), 4, i -> with(i, "level2", "社会效益\n指标")));
    }

    @Test
    void scoreNotAboveItsWeight() throws Exception {
        SelfEvaluation e = withNumber(withIndicator(national(), 0, i -> with(i, "score", "25")), "totalScore", "103.5");
        Finding f = fails("sichuan-2024", e, "SE10", Severity.ERROR);
        same("25", f.reported());
        same("20", f.computed());
        fails("sichuan-2024", withNumber(withFund(national(), "total", "score", "11"), "totalScore", "100"), "SE10", Severity.ERROR);
    }

    @Test
    void executionRateAndItsScore() throws Exception {
        Finding rate = fails("sichuan-2024", withFund(national(), "total", "rate", "90"), "SE11", Severity.ERROR);
        same("95.00", rate.computed());
        SelfEvaluation e = withNumber(withFund(national(), "total", "score", "10"), "totalScore", "99");
        Finding score = fails("sichuan-2024", e, "SE11", Severity.ERROR);
        same("9.50", score.computed());
    }

    @Test
    void aRateBelow90NeedsAReason() throws Exception {
        SelfEvaluation low = withFund(withFund(withFund(national(), "total", "executed", "80"), "fiscal", "executed", "61"),
                "total", "rate", "80");
        low = withNumber(withFund(low, "total", "score", "8"), "totalScore", "97");
        Finding f = fails("sichuan-2024", low, "SE13", Severity.WARNING);
        assertTrue(f.message().contains("80%"), f.message());
        List<Finding> all = check("sichuan-2024", low);
        assertTrue(all.stream().noneMatch(x -> x.severity() == Severity.ERROR), () -> ids(all).toString());
    }

    /** The Sichuan form: 调整后预算数 is the denominator and the reason goes in its own cell. */
    @Test
    void sichuanProjectRateUsesTheAdjustedBudgetAndItsReasonCell() throws Exception {
        SelfEvaluation e = national();
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        funds.put("total", row("initial", "100", "adjusted", "120", "executed", "96", "rate", "80", "weight", "10", "score", "8"));
        e = new SelfEvaluation("sichuan_project", e.fields(), row("totalWeight", "100", "totalScore", "97"), funds, e.indicators(),
                null, null, null);
        fails("sichuan-2024", e, "SE14", Severity.WARNING);
        passes("sichuan-2024", withField(e, "executionReason", "年中追加 20 万元，年底前未能支付完毕"));
    }

    @Test
    void indicatorNatureAndValues() throws Exception {
        SelfEvaluation shifted = withIndicator(national(), 5, i -> with(i, "nature", "持续开展区域和市校合作"));
        fails("sichuan-2024", shifted, "SE15", Severity.WARNING);
        SelfEvaluation quantified = withIndicator(national(), 0, i -> with(with(i, "nature", "定性"), "target", "举办培训10场"));
        fails("sichuan-2024", quantified, "SE15a", Severity.INFO);
        SelfEvaluation text = withIndicator(national(), 6, i -> with(with(with(i, "nature", "≥"), "target", "90"), "actual", "满意"));
        fails("sichuan-2024", text, "SE15b", Severity.WARNING);
    }

    @Test
    void quantitativeScoresAreRecomputed() throws Exception {
        Finding positive = fails("sichuan-2024", withNumber(withIndicator(national(), 0, i -> with(i, "score", "18")),
                "totalScore", "96.5"), "SE16", Severity.ERROR);
        same("18", positive.reported());
        same("20.00", positive.computed());
        // 反向: 125 against ≤100 with weight 10 — Sichuan (偏离度) 7.50, national (比值) 8.00; reported 10 with a reason
        SelfEvaluation over = withIndicator(national(), 3, i -> with(with(i, "actual", "125"), "reason", "物价上涨"));
        assertEquals(d("7.50"), fails("sichuan-2024", over, "SE16", Severity.ERROR).computed());
        assertEquals(d("8.00"), fails("national-9", over, "SE16", Severity.ERROR).computed());
    }

    @Test
    void qualitativeScoresStayInTheirBand() throws Exception {
        SelfEvaluation e = withNumber(withIndicator(national(), 5, i -> with(i, "score", "5")), "totalScore", "94.5");
        Finding f = fails("sichuan-2024", e, "SE17", Severity.WARNING);
        same("8.00", f.computed());
        SelfEvaluation partly = withIndicator(e, 5, i -> with(i, "actual", "部分达成"));
        fails("sichuan-2024", partly, "SE17", Severity.WARNING);
        passes("sichuan-2024", withNumber(withIndicator(partly, 5, i -> with(i, "score", "7")), "totalScore", "96.5"));
    }

    @Test
    void aMissedTargetNeedsAReason() throws Exception {
        SelfEvaluation e = withNumber(withIndicator(national(), 0, i -> with(with(i, "actual", "8"), "score", "16")), "totalScore", "94.5");
        Finding f = fails("sichuan-2024", e, "SE18", Severity.WARNING);
        same("8", f.reported());
        same("10", f.computed());
        passes("sichuan-2024", withIndicator(e, 0, i -> with(i, "reason", "疫情停训两个月")));
    }

    @Test
    void anActualFarAboveItsTargetIsAHint() throws Exception {
        fails("sichuan-2024", withIndicator(national(), 0, i -> with(i, "actual", "13")), "SE19", Severity.WARNING);
        passes("sichuan-2024", withIndicator(national(), 0, i -> with(i, "actual", "12.9")));
    }

    @Test
    void totalsAddUp() throws Exception {
        Finding score = fails("sichuan-2024", withNumber(national(), "totalScore", "99"), "SE20", Severity.ERROR);
        same("98.5", score.computed());
        Finding weight = fails("sichuan-2024", withNumber(national(), "totalWeight", "95"), "SE20", Severity.ERROR);
        same("100", weight.computed());
    }

    @Test
    void moneyBlocksAddUpWithRoundingAsInfo() throws Exception {
        Finding err = fails("sichuan-2024", withFund(national(), "other", "budget", "11"), "SE23", Severity.ERROR);
        same("100", err.reported());
        same("101.00", err.computed());
        fails("sichuan-2024", withFund(national(), "other", "budget", "10.01"), "SE23", Severity.INFO);
    }

    // --- other sheet kinds ---------------------------------------------------------------------------------

    private static SelfEvaluation hunanProject() {
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        funds.put("total", row("planned", "5.8", "received", "5.8", "spent", "5.8", "balance", "0"));
        funds.put("city", row("planned", "5.8", "received", "5.8", "spent", "5.8", "balance", "0"));
        List<ExpenseLine> lines = List.of(new ExpenseLine("办公经费", d("26458"), "2021.4.15#", null),
                new ExpenseLine("办公经费", d("31542"), "2021.6.22#", null));
        List<Indicator> inds = List.of(ind("项目产出指标", "数量指标", "争取项目", null, "200个", "个", null, "250", null, null),
                ind("项目效益指标", "服务对象满意度指标", "群众满意度", null, "≥98%", null, null, "98%", null, null));
        return new SelfEvaluation("hunan_project", Map.of("project", "科技交流与合作", "grade", "优秀"),
                row("expenseTotal", "58000", "totalScore", "98"), funds, inds, lines, null, null);
    }

    @Test
    void hunanProjectSheet() throws Exception {
        passes("sichuan-2020", hunanProject());
        fails("sichuan-2020", withNumber(hunanProject(), "totalScore", "85"), "SE22", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanProject(), "total", "balance", "1"), "SE29", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanProject(), "city", "planned", "5"), "SE28", Severity.ERROR);
        Finding spent = fails("sichuan-2020", withFund(withFund(hunanProject(), "total", "spent", "5.9"), "city", "spent", "5.9"),
                "SE36", Severity.ERROR);
        same("5.8000", spent.computed(), "58000 元 = 5.8 万元");
        fails("sichuan-2020", withNumber(hunanProject(), "expenseTotal", "57000"), "SE36", Severity.ERROR);
        fails("sichuan-2020", withIndicator(hunanProject(), 1, i -> with(i, "level1", "项目产出指标")), "SE9", Severity.ERROR);
        fails("sichuan-2020", withIndicator(hunanProject(), 0, i -> with(i, "actual", "150")), "SE18", Severity.WARNING);
        fails("sichuan-2020", withIndicator(hunanProject(), 0, i -> with(i, "actual", "271")), "SE19", Severity.WARNING);
    }

    private static SelfEvaluation scoreSheet() {
        List<Indicator> inds = new ArrayList<>();
        inds.add(new Indicator("部门预算管理 (80分)", "预算编制 (30分)", "目标制定", null, null, null, d("30"), null, d("28"), null, "说明"));
        inds.add(new Indicator("部门预算管理 (80分)", "预算执行 (50分)", "执行进度", null, null, null, d("50"), null, d("45"), null, "说明"));
        inds.add(new Indicator("自评质量（20分）", "自评质量（20分）", "自评准确", null, null, null, d("20"), null, d("20"), null, "说明"));
        return new SelfEvaluation("sichuan_department_score", null, row("totalScore", "93"), null, inds, null, null, null);
    }

    @Test
    void scoreSheetRules() throws Exception {
        passes("sichuan-2020", scoreSheet());
        fails("sichuan-2020", withIndicator(scoreSheet(), 1, i -> with(i, "level2", "预算执行 (40分)")), "SE7", Severity.ERROR);
        fails("sichuan-2020", withNumber(scoreSheet(), "totalScore", "95"), "SE21", Severity.ERROR);
        SelfEvaluation wrongTotal = withIndicator(withIndicator(scoreSheet(), 1, i -> with(i, "weight", "60")), 1,
                i -> with(i, "level2", "预算执行 (60分)"));
        fails("sichuan-2020", withIndicator(wrongTotal, 0, i -> with(i, "level1", "部门预算管理 (90分)")), "SE2", Severity.ERROR);
    }

    private static SelfEvaluation department() {
        Map<String, Map<String, BigDecimal>> funds = Map.of("budget", row("total", "550.34", "fiscal", "550.34", "other", "0"));
        return new SelfEvaluation("sichuan_department", Map.of("department", "示例部门"), null, funds,
                List.of(ind("产出指标", "数量指标", "培训", "≥", "30", "次", "50", "31", null, null),
                        ind("效益指标", "社会效益指标", "受益", "≥", "100", "人", "30", "120", null, null),
                        ind("满意度指标", "服务对象满意度指标", "满意度", "≥", "98", "%", "10", "100%", null, null)), null, null, null);
    }

    @Test
    void departmentSheet() throws Exception {
        passes("sichuan-2024", department());
        fails("sichuan-2024", withFund(department(), "budget", "fiscal", "500"), "SE26", Severity.ERROR);
        Finding missed = fails("sichuan-2024", withIndicator(department(), 2, i -> with(i, "actual", "95%")), "SE18", Severity.WARNING);
        assertTrue(missed.message().contains("表上没有原因栏"), missed.message());
    }

    @Test
    void sichuanProjectMoneyAndRate() throws Exception {
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        funds.put("total", row("initial", "100", "adjusted", "120", "executed", "96", "rate", "96", "weight", "10", "score", "8"));
        funds.put("fiscal", row("initial", "90", "adjusted", "110", "executed", "86"));
        funds.put("other", row("initial", "10", "adjusted", "10", "executed", "10"));
        SelfEvaluation e = new SelfEvaluation("sichuan_project", Map.of("project", "示例", "executionReason", "追加未支付"),
                row("totalWeight", "100", "totalScore", "97"), funds, national().indicators(), null, null, null);
        Finding rate = fails("sichuan-2024", e, "SE12", Severity.ERROR);
        same("80.00", rate.computed(), "96 ÷ 调整后预算数 120");
        SelfEvaluation ok = withFund(e, "total", "rate", "80");
        passes("sichuan-2024", ok);
        fails("sichuan-2024", withFund(ok, "fiscal", "adjusted", "100"), "SE24", Severity.ERROR);
    }

    @Test
    void specialFundAndProjectGoalMoney() throws Exception {
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        funds.put("total", row("amount", "30"));
        funds.put("fiscal", row("amount", "30"));
        SelfEvaluation special = new SelfEvaluation("sichuan_special_fund", Map.of("project", "科技交流与合作"), null, funds,
                department().indicators(), null, null, null);
        passes("sichuan-2024", special);
        fails("sichuan-2024", withFund(special, "fiscal", "amount", "25"), "SE25", Severity.ERROR);
        Map<String, Map<String, BigDecimal>> goal = new LinkedHashMap<>();
        goal.put("total", row("budget", "12.8", "executed", "12"));
        goal.put("fiscal", row("budget", "12.8", "executed", "12"));
        goal.put("other", row("budget", "0", "executed", "0"));
        SelfEvaluation g = new SelfEvaluation("sichuan_project_goal", Map.of("project", "创建四川省创新型城市"), null, goal,
                List.of(ind("项目完成指标", "质量指标", "成立领导小组", null, "成立领导小组", null, null, "已成立了领导小组", null, null)),
                null, null, null);
        passes("sichuan-2020", g);
        fails("sichuan-2020", withFund(g, "fiscal", "budget", "12"), "SE27", Severity.ERROR);
        fails("sichuan-2020", withFund(withFund(g, "total", "executed", "9.4"), "fiscal", "executed", "9.4"), "SE13", Severity.WARNING);
    }

    private static SelfEvaluation hunanDepartment() {
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        for (String r : List.of("all", "office")) {
            funds.put(r, row("income_total", "418.69", "income_gpb", "418.69", "expense_total", "418.69", "expense_basic", "215.74",
                    "expense_personnel", "150.05", "expense_public", "65.69", "expense_project", "202.95", "tp_total", "0.72",
                    "tp_reception", "0.72", "assets_total", "16.15", "assets_in_use", "16.15"));
        }
        return new SelfEvaluation("hunan_department", Map.of("department", "岳阳火炬创业服务中心", "grade", "优秀"),
                row("totalScore", "95"), funds, List.of(ind(null, "质量指标", null, null, "完成综合考评", null, null, "已完成", null, null)),
                null, null, null);
    }

    @Test
    void hunanDepartmentMoney() throws Exception {
        passes("sichuan-2020", hunanDepartment());
        fails("sichuan-2020", withFund(hunanDepartment(), "office", "income_gpb", "400"), "SE30", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanDepartment(), "office", "expense_project", "200"), "SE31", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanDepartment(), "office", "expense_public", "65.68"), "SE32", Severity.INFO);
        fails("sichuan-2020", withFund(hunanDepartment(), "office", "expense_public", "60"), "SE32", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanDepartment(), "office", "tp_reception", "0.5"), "SE33", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanDepartment(), "office", "assets_in_use", "10"), "SE34", Severity.ERROR);
        fails("sichuan-2020", withFund(hunanDepartment(), "sub1", "assets_total", "1"), "SE35", Severity.ERROR);
        fails("sichuan-2020", withField(hunanDepartment(), "grade", "良好"), "SE22", Severity.ERROR);
    }

    @Test
    void scoreSheetWeightRange() throws Exception {
        SelfEvaluation big = withIndicator(scoreSheet(), 2, i -> with(i, "weight", "120"));
        fails("sichuan-2020", big, "SE4", Severity.ERROR);
    }

    private static final java.util.concurrent.atomic.AtomicInteger RUN = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterEach
    void counted() {
        RUN.incrementAndGet();
    }

    /** After the whole class ran (not when one test is run alone): every shipped rule was seen failing. */
    @org.junit.jupiter.api.AfterAll
    static void everyShippedRuleHasAFailingCase() throws Exception {
        long tests = java.util.Arrays.stream(EvalRulesTest.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
        if (RUN.get() < tests) {
            return;
        }
        for (String profile : PROFILES) {
            List<String> ids = new ArrayList<>();
            Json.MAPPER.readTree(Files.readAllBytes(Fixtures.templatesRoot().resolve(profile).resolve(RULES))).path("rules")
                    .forEach(r -> ids.add(r.path("id").asText()));
            assertEquals(38, ids.size(), profile);
            List<String> untested = ids.stream().filter(id -> !FAILED.contains(id)).toList();
            assertTrue(untested.isEmpty(), profile + ": rules without a failing case: " + untested);
        }
    }

    /** The Hubei variant: 预算执行 20, indicators 80, bands 80/50. */
    @Test
    void hubeiVariant() throws Exception {
        Validator hubei = validator("hubei");
        List<String> national = ids(check(hubei, "sichuan-2024", national()));
        assertTrue(national.contains("SE1:error") && national.contains("SE5:error"), national::toString);
        SelfEvaluation e = withFund(withFund(national(), "total", "weight", "20"), "total", "score", "19");
        e = withIndicator(e, 0, i -> with(with(i, "weight", "10"), "score", "10"));
        e = withNumber(withNumber(e, "totalWeight", "100"), "totalScore", "98");
        List<Finding> f = check(hubei, "sichuan-2024", e);
        assertTrue(f.isEmpty(), () -> f.stream().map(Finding::message).toList().toString());
    }
}
