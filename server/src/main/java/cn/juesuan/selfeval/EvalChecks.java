package cn.juesuan.selfeval;

import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SelfEvaluation.ExpenseLine;
import cn.juesuan.model.SelfEvaluation.Indicator;
import cn.juesuan.rules.Severity;
import cn.juesuan.selfeval.IndicatorValue.Op;
import cn.juesuan.text.Text;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The self-evaluation rule kinds: each checks one sheet with its rule's parameters and reports through {@link Out}.
 * Rule files name them by kind (templates/&lt;profile&gt;/rules/self-evaluation.json).
 */
public final class EvalChecks {
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private static final Pattern GROUP_WEIGHT = Pattern.compile("[（(]\\s*(\\d+(?:\\.\\d+)?)\\s*分\\s*[）)]");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[.…。·\\s]+$");

    private EvalChecks() {
    }

    /** One sheet as the checks see it. */
    public record Sheet(SelfEvaluation data, EvalSheetLayout layout) {
        /** "《专项资金绩效目标完成情况自评表》（科技交流与合作）". */
        public String name() {
            String who = data.field("project") != null ? data.field("project")
                    : data.field("department") != null ? data.field("department")
                    : layout.unitField() == null ? null : data.field(layout.unitField());
            return "《" + layout.title() + "》" + (who == null ? "" : "（" + who + "）");
        }
    }

    /** Where a check reports: a finding of the rule's severity (or another one), at value paths of the sheet. */
    public interface Out {
        void add(Severity severity, String message, List<String> paths, List<String> related, BigDecimal reported,
                 BigDecimal computed);
    }

    /** A rule's parameters, falling back to the rule file's shared parameters. */
    public record Params(JsonNode rule, JsonNode shared) {
        JsonNode node(String name) {
            JsonNode n = rule.get(name);
            return n != null && !n.isNull() ? n : shared == null ? null : shared.get(name);
        }

        BigDecimal decimal(String name, String fallback) {
            JsonNode n = node(name);
            return n == null ? fallback == null ? null : new BigDecimal(fallback) : new BigDecimal(n.asText());
        }

        String text(String name, String fallback) {
            JsonNode n = node(name);
            return n == null ? fallback : n.asText();
        }

        List<String> list(String name) {
            JsonNode n = node(name);
            List<String> out = new ArrayList<>();
            if (n != null) {
                n.forEach(e -> out.add(e.asText()));
            }
            return out;
        }

        Severity severity(String name, Severity fallback) {
            JsonNode n = node(name);
            return n == null ? fallback : Severity.parse(n.asText());
        }
    }

    @FunctionalInterface
    interface Check {
        void run(Sheet s, Params p, Severity severity, Out out);
    }

    /** A rule kind: its check and the parameters a rule of it may give (besides the file's shared ones). */
    private record Kind(Check check, List<String> parameters) {
    }

    private static final List<String> JUDGING = List.of("reverse", "overshoot", "approxTolerance");
    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    private static void kind(String name, Check check, List<String> parameters) {
        KINDS.put(name, new Kind(check, parameters));
    }

    static {
        kind("selfeval-weight-total", EvalChecks::weightTotal, List.of("total"));
        kind("selfeval-weight-range", EvalChecks::weightRange, List.of("total"));
        kind("selfeval-weight-split", EvalChecks::weightSplit, List.of("total", "groups", "aliases"));
        kind("selfeval-group-weights", EvalChecks::groupWeights, List.of());
        kind("selfeval-execution-weight", EvalChecks::executionWeight, List.of("row", "weightColumn", "weight"));
        kind("selfeval-level-pairs", EvalChecks::levelPairs, List.of("pairs", "aliases", "unknownSeverity"));
        kind("selfeval-score-cap", EvalChecks::scoreCap, List.of("row"));
        kind("selfeval-execution-rate", EvalChecks::executionRate, List.of("row", "budget", "executed", "weight"));
        kind("selfeval-low-rate-reason", EvalChecks::lowRateReason, List.of("row", "budget", "executed", "reason", "threshold"));
        kind("selfeval-indicator-nature", EvalChecks::indicatorNature, List.of());
        kind("selfeval-indicator-quantified", EvalChecks::indicatorQuantified, JUDGING);
        kind("selfeval-actual-not-number", EvalChecks::actualNotNumber, JUDGING);
        kind("selfeval-indicator-score", EvalChecks::indicatorScore, JUDGING);
        kind("selfeval-qualitative-band", EvalChecks::qualitativeBand, concat(JUDGING, "bands"));
        kind("selfeval-target-missed", EvalChecks::targetMissed, JUDGING);
        kind("selfeval-target-overshoot", EvalChecks::targetOvershoot, concat(JUDGING, "factor"));
        kind("selfeval-total-score", EvalChecks::totalScore, List.of("row", "execution"));
        kind("selfeval-grade", EvalChecks::grade, List.of("grades", "field"));
        kind("selfeval-fund-sum", EvalChecks::fundSum, List.of("axis", "total", "parts", "columns", "rows", "perCell", "label"));
        kind("selfeval-expense-detail", EvalChecks::expenseDetail, List.of("total", "funds"));
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return List.copyOf(out);
    }

    /** The rule kind names ("selfeval-weight-total" …). */
    public static java.util.Set<String> kinds() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }

    /** The parameters a rule of this kind may give. */
    public static List<String> parameters(String kind) {
        return KINDS.get(kind).parameters();
    }

    /** Runs one rule of a kind on one sheet. */
    public static void run(String kind, Sheet s, Params p, Severity severity, Out out) {
        KINDS.get(kind).check().run(s, p, severity, out);
    }

    // --- weights ---------------------------------------------------------------------------------------------

    private static List<Integer> weighted(Sheet s) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < s.data().indicators().size(); i++) {
            if (s.data().indicators().get(i).weight() != null) {
                out.add(i);
            }
        }
        return out;
    }

    private static BigDecimal sumWeights(Sheet s) {
        return s.data().indicators().stream().map(Indicator::weight).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Σ indicator weights = total (90 beside 10 for budget execution; 100 on score sheets; 80 in the Hubei variant). */
    static void weightTotal(Sheet s, Params p, Severity severity, Out out) {
        List<Integer> w = weighted(s);
        if (w.isEmpty()) {
            return;
        }
        BigDecimal total = p.decimal("total", p.text("indicatorWeight", "90"));
        BigDecimal sum = sumWeights(s);
        if (sum.compareTo(total) != 0) {
            out.add(severity, s.name() + "绩效指标权重合计为 " + plain(sum) + "，应为 " + plain(total) + "。",
                    w.stream().map(i -> path(i, "weight")).toList(), List.of(), sum, total);
        }
    }

    /** Every weight in (0, total]: a weight of 105 on a 90-point sheet is a typing error. */
    static void weightRange(Sheet s, Params p, Severity severity, Out out) {
        BigDecimal total = p.decimal("total", p.text("indicatorWeight", "90"));
        for (int i : weighted(s)) {
            BigDecimal w = s.data().indicators().get(i).weight();
            if (w.signum() <= 0 || w.compareTo(total) > 0) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "的权重为 " + plain(w) + "，应大于 0 且不超过 " + plain(total) + "。",
                        List.of(path(i, "weight")), List.of(), w, total);
            }
        }
    }

    /** The national 50/30/10 split of 产出/效益/满意度 (only a hint; provinces set their own). */
    static void weightSplit(Sheet s, Params p, Severity severity, Out out) {
        BigDecimal total = p.decimal("total", p.text("indicatorWeight", "90"));
        if (weighted(s).isEmpty() || sumWeights(s).compareTo(total) != 0) {
            return;
        }
        Levels levels = Levels.of(p);
        for (JsonNode g : p.node("groups") == null ? List.<JsonNode>of() : iterable(p.node("groups"))) {
            List<String> names = new ArrayList<>();
            g.path("level1").forEach(n -> names.add(levels.canonical(n.asText())));
            BigDecimal expected = new BigDecimal(g.path("weight").asText());
            BigDecimal sum = BigDecimal.ZERO;
            List<String> paths = new ArrayList<>();
            for (int i : weighted(s)) {
                Indicator ind = s.data().indicators().get(i);
                if (names.contains(levels.canonical(ind.level1()))) {
                    sum = sum.add(ind.weight());
                    paths.add(path(i, "weight"));
                }
            }
            if (!paths.isEmpty() && sum.compareTo(expected) != 0) {
                out.add(severity, s.name() + "“" + String.join("、", names) + "”的权重合计为 " + plain(sum) + "，按规定的比例应为 "
                        + plain(expected) + "（仅作提示，可按实际设置）。", paths, List.of(), sum, expected);
            }
        }
    }

    /** Score sheets print group weights in the labels: “部门预算管理（80分）” = Σ of its indicators. */
    static void groupWeights(Sheet s, Params p, Severity severity, Out out) {
        for (String level : List.of("level1", "level2")) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            List<Indicator> inds = s.data().indicators();
            for (int i = 0; i < inds.size(); i++) {
                String label = level.equals("level1") ? inds.get(i).level1() : inds.get(i).level1() + "|" + inds.get(i).level2();
                String own = level.equals("level1") ? inds.get(i).level1() : inds.get(i).level2();
                if (own != null && GROUP_WEIGHT.matcher(own).find()) {
                    groups.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
                }
            }
            groups.forEach((label, members) -> {
                String own = level.equals("level1") ? inds.get(members.get(0)).level1() : inds.get(members.get(0)).level2();
                Matcher m = GROUP_WEIGHT.matcher(own);
                m.find();
                BigDecimal expected = new BigDecimal(m.group(1));
                BigDecimal sum = members.stream().map(i -> inds.get(i).weight()).filter(Objects::nonNull)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(expected) != 0) {
                    out.add(severity, s.name() + "“" + oneLine(own) + "”下各指标分值合计为 " + plain(sum) + "，与标注的 "
                            + plain(expected) + " 分不符。", List.of(path(members.get(0), level)),
                            members.stream().map(i -> path(i, "weight")).toList(), sum, expected);
                }
            });
        }
    }

    /** The budget-execution weight printed in the funds block (10; 20 in the Hubei variant). */
    static void executionWeight(Sheet s, Params p, Severity severity, Out out) {
        String row = p.text("row", "total");
        String col = p.text("weightColumn", "weight");
        BigDecimal reported = s.data().fund(row, col);
        BigDecimal expected = p.decimal("weight", p.text("executionWeight", "10"));
        if (reported != null && reported.compareTo(expected) != 0) {
            out.add(severity, s.name() + "预算执行的分值（权重）为 " + plain(reported) + "，应为 " + plain(expected) + "。",
                    List.of("funds." + row + "." + col), List.of(), reported, expected);
        }
    }

    // --- 一级 / 二级 ------------------------------------------------------------------------------------------

    /** Canonical indicator level names: aliases resolved, spaces and trailing dots removed, “指标” appended. */
    record Levels(Map<String, List<String>> pairs, Map<String, String> aliases) {
        static Levels of(Params p) {
            Map<String, List<String>> pairs = new LinkedHashMap<>();
            Map<String, String> aliases = new HashMap<>();
            JsonNode a = p.node("aliases");
            if (a != null) {
                a.fields().forEachRemaining(e -> aliases.put(norm(e.getKey()), norm(e.getValue().asText())));
            }
            JsonNode n = p.node("pairs");
            if (n != null) {
                n.fields().forEachRemaining(e -> {
                    List<String> l2 = new ArrayList<>();
                    e.getValue().forEach(v -> l2.add(norm(v.asText())));
                    pairs.put(norm(e.getKey()), l2);
                });
            }
            return new Levels(pairs, aliases);
        }

        static String norm(String s) {
            String k = Text.key(s).replaceAll("[.…。·]+$", "").replaceAll("[（(][^）)]*分[）)]$", "");
            return k.isEmpty() || k.endsWith("指标") ? k : k + "指标";
        }

        String canonical(String s) {
            if (s == null) {
                return null;
            }
            String k = norm(s);
            return aliases.getOrDefault(k, k);
        }

        String parentOf(String level2) {
            for (var e : pairs.entrySet()) {
                if (e.getValue().contains(level2)) {
                    return e.getKey();
                }
            }
            return null;
        }
    }

    /** 一级/二级 pairs: 产出指标 → 数量/质量/时效/成本指标 … (per profile and sheet kind). */
    static void levelPairs(Sheet s, Params p, Severity severity, Out out) {
        Levels levels = Levels.of(p);
        Severity unknown = p.severity("unknownSeverity", Severity.WARNING);
        List<Indicator> inds = s.data().indicators();
        String lastReported = null;
        for (int i = 0; i < inds.size(); i++) {
            Indicator ind = inds.get(i);
            String key = ind.level1() + "|" + ind.level2();
            if (key.equals(lastReported) || ind.level2() == null || PLACEHOLDER.matcher(ind.level2()).matches()) {
                continue;
            }
            String l1 = levels.canonical(ind.level1());
            String l2 = levels.canonical(ind.level2());
            if (l1 != null && !levels.pairs().containsKey(l1)) {
                out.add(unknown, s.name() + "一级指标“" + oneLine(ind.level1()) + "”不是规定的名称（" + String.join("、",
                        levels.pairs().keySet()) + "）。", List.of(path(i, "level1")), List.of(), null, null);
                lastReported = key;
                continue;
            }
            if (l1 == null || levels.pairs().get(l1).contains(l2)) {
                continue;
            }
            String parent = levels.parentOf(l2);
            lastReported = key;
            if (parent != null) {
                out.add(severity, s.name() + "二级指标“" + oneLine(ind.level2()) + "”属于“" + parent + "”，不应放在一级指标“"
                        + oneLine(ind.level1()) + "”下。", List.of(path(i, "level2")), List.of(path(i, "level1")), null, null);
            } else {
                out.add(unknown, s.name() + "二级指标“" + oneLine(ind.level2()) + "”不是“" + l1 + "”下规定的名称（"
                        + String.join("、", levels.pairs().get(l1)) + "）。", List.of(path(i, "level2")), List.of(), null, null);
            }
        }
    }

    // --- scores ----------------------------------------------------------------------------------------------

    /** 0 ≤ score ≤ weight, for every indicator and for budget execution. */
    static void scoreCap(Sheet s, Params p, Severity severity, Out out) {
        List<Indicator> inds = s.data().indicators();
        for (int i = 0; i < inds.size(); i++) {
            Indicator ind = inds.get(i);
            if (ind.score() != null && (ind.score().signum() < 0 || ind.weight() != null && ind.score().compareTo(ind.weight()) > 0)) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "得分 " + plain(ind.score()) + " 超出分值 "
                        + (ind.weight() == null ? "" : plain(ind.weight())) + "（得分应在 0 与分值之间）。",
                        List.of(path(i, "score")), ind.weight() == null ? List.of() : List.of(path(i, "weight")), ind.score(), ind.weight());
            }
        }
        String row = p.text("row", "total");
        BigDecimal score = s.data().fund(row, "score");
        BigDecimal weight = s.data().fund(row, "weight");
        if (score != null && (score.signum() < 0 || weight != null && score.compareTo(weight) > 0)) {
            out.add(severity, s.name() + "预算执行得分 " + plain(score) + " 超出分值 " + (weight == null ? "" : plain(weight)) + "。",
                    List.of("funds." + row + ".score"), List.of("funds." + row + ".weight"), score, weight);
        }
    }

    private static BigDecimal executionWeightOf(Sheet s, Params p) {
        BigDecimal printed = s.data().fund(p.text("row", "total"), "weight");
        return printed != null ? printed : p.decimal("weight", p.text("executionWeight", "10"));
    }

    /** 执行率 = 执行数 / 全年（调整后）预算数; its score = weight × min(rate, 1). */
    static void executionRate(Sheet s, Params p, Severity severity, Out out) {
        String row = p.text("row", "total");
        String budgetCol = p.text("budget", "budget");
        String executedCol = p.text("executed", "executed");
        BigDecimal rate = Scoring.executionRate(s.data().fund(row, executedCol), s.data().fund(row, budgetCol));
        if (rate == null) {
            return;
        }
        List<String> inputs = List.of("funds." + row + "." + executedCol, "funds." + row + "." + budgetCol);
        BigDecimal reported = s.data().fund(row, "rate");
        if (reported != null && reported.subtract(rate).abs().compareTo(CENT) > 0) {
            out.add(severity, s.name() + "预算执行率填为 " + plain(reported) + "%，按执行数 / 预算数计算应为 " + plain(rate) + "%。",
                    List.of("funds." + row + ".rate"), inputs, reported, rate);
        }
        BigDecimal score = s.data().fund(row, "score");
        BigDecimal expected = Scoring.executionScore(rate, executionWeightOf(s, p));
        if (score != null && score.subtract(expected).abs().compareTo(CENT) > 0) {
            out.add(severity, s.name() + "预算执行得分填为 " + plain(score) + "，按分值 × 执行率（" + plain(rate) + "%，最高按100%）应为 "
                    + plain(expected) + "。", List.of("funds." + row + ".score"), inputs, score, expected);
        }
    }

    /** 执行率 below the threshold (90%) needs a reason. */
    static void lowRateReason(Sheet s, Params p, Severity severity, Out out) {
        String row = p.text("row", "total");
        BigDecimal rate = Scoring.executionRate(s.data().fund(row, p.text("executed", "executed")),
                s.data().fund(row, p.text("budget", "budget")));
        BigDecimal threshold = p.decimal("threshold", p.text("rateThreshold", "90"));
        if (rate == null || rate.compareTo(threshold) >= 0) {
            return;
        }
        String reasonField = p.text("reason", null);
        boolean hasPlace = reasonField != null && s.layout().valueCells().stream().anyMatch(c -> reasonField.equals(c.field()));
        if (hasPlace && s.data().field(reasonField) != null) {
            return;
        }
        out.add(severity, s.name() + "预算执行率为 " + plain(rate) + "%，低于 " + plain(threshold) + "%，" + (hasPlace
                        ? "须在“原因”栏说明未执行的原因。" : "须在自评报告中说明未执行的原因（表上没有原因栏）。"),
                List.of(hasPlace ? "fields." + reasonField : "funds." + row + "." + p.text("executed", "executed")),
                List.of("funds." + row + "." + p.text("budget", "budget")), rate, threshold);
    }

    // --- indicators -------------------------------------------------------------------------------------------

    /** An indicator's target and actual, parsed and compared by the rule's parameters. */
    record Judged(Indicator ind, IndicatorValue target, IndicatorValue actual, Op op, Scoring.Outcome outcome) {
    }

    static Judged judge(Sheet s, int i, Params p) {
        Indicator ind = s.data().indicators().get(i);
        IndicatorValue target = IndicatorValue.parse(ind.nature(), ind.target(), ind.unit());
        IndicatorValue actual = IndicatorValue.parse(null, ind.actual(), ind.unit());
        Op op = target.op();
        if (op == null) {
            // numbers without a direction (or 定性 written over numbers): 正向, 反向 for 成本指标
            op = isCost(ind) ? Op.LE : Op.GE;
        }
        Scoring.Outcome outcome = Scoring.compare(target, actual, op, ind.weight(),
                Scoring.Reverse.valueOf(p.text("reverse", "deviation").toUpperCase()),
                p.decimal("overshoot", "1.3"), p.decimal("approxTolerance", "0.1"));
        return new Judged(ind, target, actual, op, outcome);
    }

    private static boolean isCost(Indicator ind) {
        String l1 = ind.level1() == null ? "" : Text.key(ind.level1());
        String l2 = ind.level2() == null ? "" : Text.key(ind.level2());
        return l1.contains("成本") || l2.contains("成本");
    }

    /** 指标性质 that says nothing known (often a value written one column off). */
    static void indicatorNature(Sheet s, Params p, Severity severity, Out out) {
        List<Indicator> inds = s.data().indicators();
        for (int i = 0; i < inds.size(); i++) {
            if (!IndicatorValue.isNature(inds.get(i).nature())) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "的指标性质“" + oneLine(inds.get(i).nature())
                        + "”无法识别，应为 ≥、≤、= 或“定性”（是否错列？）。", List.of(path(i, "nature")), List.of(), null, null);
            }
        }
    }

    /** 指标性质 “定性” although target and actual are numbers: checked as quantitative, and said so. */
    static void indicatorQuantified(Sheet s, Params p, Severity severity, Out out) {
        for (int i = 0; i < s.data().indicators().size(); i++) {
            Judged j = judge(s, i, p);
            if (j.target().declaredQualitative() && j.outcome().comparable()) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "的指标性质填为“定性”，但指标值和完成值都是数值，已按定量（"
                        + condition(j) + "）核对。", List.of(path(i, "nature")), List.of(path(i, "target"), path(i, "actual")), null, null);
            }
        }
    }

    /** A quantitative target (≥ ≤ = in the 指标性质 column) whose actual value is not a number ("满意"). */
    static void actualNotNumber(Sheet s, Params p, Severity severity, Out out) {
        for (int i = 0; i < s.data().indicators().size(); i++) {
            Judged j = judge(s, i, p);
            Op column = j.target().columnOp();
            if (column != null && column != Op.QUALITATIVE && j.target().hasNumbers() && j.ind().actual() != null
                    && !j.actual().hasNumbers()) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "是定量指标（" + condition(j) + "），完成值“"
                        + oneLine(j.ind().actual()) + "”却不是数值，无法核对。", List.of(path(i, "actual")), List.of(path(i, "target")), null, null);
            }
        }
    }

    /** A reported score that differs from the 正向 / 反向 / = formula. */
    static void indicatorScore(Sheet s, Params p, Severity severity, Out out) {
        for (int i = 0; i < s.data().indicators().size(); i++) {
            Indicator ind = s.data().indicators().get(i);
            if (ind.score() == null || ind.weight() == null) {
                continue;
            }
            Judged j = judge(s, i, p);
            BigDecimal expected = j.outcome().score();
            if (expected != null && ind.score().subtract(expected).abs().compareTo(CENT) > 0) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "得分填为 " + plain(ind.score()) + "，按" + formula(j, p)
                                + "计算应为 " + plain(expected) + "。", List.of(path(i, "score")),
                        List.of(path(i, "target"), path(i, "actual"), path(i, "weight")), ind.score(), expected);
            }
        }
    }

    private static String formula(Judged j, Params p) {
        return switch (j.op()) {
            case LE -> "反向指标（" + (p.text("reverse", "deviation").equalsIgnoreCase("ratio")
                    ? "超出时 指标值 ÷ 完成值 × 分值" : "超出时 (1 − 偏离度) × 分值，达两倍记0分") + "）";
            case EQ -> "等于型指标";
            default -> "正向指标（未达到时 完成值 ÷ 指标值 × 分值）";
        };
    }

    /** Qualitative scores within the band the actual text states: 达成 80–100%, 部分达成 60–80%, 未达成 < 60%. */
    static void qualitativeBand(Sheet s, Params p, Severity severity, Out out) {
        JsonNode bands = p.node("bands");
        if (bands == null) {
            return;
        }
        for (int i = 0; i < s.data().indicators().size(); i++) {
            Indicator ind = s.data().indicators().get(i);
            if (ind.score() == null || ind.weight() == null || ind.weight().signum() <= 0 || ind.actual() == null) {
                continue;
            }
            Judged j = judge(s, i, p);
            if (j.outcome().comparable()) {
                continue;
            }
            String actual = Text.key(ind.actual());
            for (JsonNode band : iterable(bands)) {
                boolean says = false;
                for (JsonNode w : band.path("words")) {
                    says |= actual.contains(Text.key(w.asText()));
                }
                boolean excluded = false;
                for (JsonNode w : band.path("unless")) {
                    excluded |= actual.contains(Text.key(w.asText()));
                }
                if (!says || excluded) {
                    continue;
                }
                BigDecimal lo = ind.weight().multiply(new BigDecimal(band.path("from").asText("0"))).setScale(2, RoundingMode.HALF_UP);
                BigDecimal hi = ind.weight().multiply(new BigDecimal(band.path("to").asText("1"))).setScale(2, RoundingMode.HALF_UP);
                boolean top = band.path("to").asText("1").equals("1");
                boolean inside = ind.score().compareTo(lo) >= 0 && (top ? ind.score().compareTo(hi) <= 0 : ind.score().compareTo(hi) < 0);
                if (!inside) {
                    out.add(severity, s.name() + indicatorLabel(s, i) + "完成情况为“" + oneLine(ind.actual()) + "”（" + band.path("label").asText()
                                    + "），得分应在 " + plain(lo) + "–" + plain(hi) + " 之间，填为 " + plain(ind.score()) + "。",
                            List.of(path(i, "score")), List.of(path(i, "actual"), path(i, "weight")), ind.score(), lo);
                }
                break;
            }
        }
    }

    /** A missed target (or a score below its weight) with no reason given. */
    static void targetMissed(Sheet s, Params p, Severity severity, Out out) {
        boolean hasReason = s.layout().list("indicators").flatMap(l -> l.column("reason")).isPresent();
        for (int i = 0; i < s.data().indicators().size(); i++) {
            Indicator ind = s.data().indicators().get(i);
            Judged j = judge(s, i, p);
            boolean missed = j.outcome().comparable() && !j.outcome().met();
            boolean lowScore = ind.score() != null && ind.weight() != null && ind.score().compareTo(ind.weight()) < 0;
            if (!missed && !lowScore || ind.reason() != null) {
                continue;
            }
            String what = missed ? "未完成指标值（" + condition(j) + "，完成 " + numbers(j.actual()) + "）"
                    : "得分 " + plain(ind.score()) + " 低于分值 " + plain(ind.weight());
            out.add(severity, s.name() + indicatorLabel(s, i) + what + "，" + (hasReason ? "须填写偏差（未完成）原因。"
                            : "表上没有原因栏，须在自评报告中说明原因。"),
                    List.of(hasReason ? path(i, "reason") : path(i, "actual")), List.of(path(i, "target")),
                    missed ? first(j.actual()) : ind.score(), missed ? first(j.target()) : ind.weight());
        }
    }

    /** Actual ≥ 130% of a 正向 target: the target may have been set too low (偏离度). */
    static void targetOvershoot(Sheet s, Params p, Severity severity, Out out) {
        BigDecimal factor = p.decimal("factor", p.text("overshoot", "1.3"));
        for (int i = 0; i < s.data().indicators().size(); i++) {
            Judged j = judge(s, i, p);
            if (j.outcome().comparable() && j.outcome().overshoot()) {
                out.add(severity, s.name() + indicatorLabel(s, i) + "完成 " + numbers(j.actual()) + "，达到指标值 " + numbers(j.target())
                                + " 的 " + plain(factor.movePointRight(2)) + "% 以上，指标值是否设定偏低？（按偏离度可适当扣分）",
                        List.of(path(i, "actual")), List.of(path(i, "target")), first(j.actual()), first(j.target()));
            }
        }
    }

    // --- totals and grade ------------------------------------------------------------------------------------

    /** 总分 = 预算执行得分 + Σ 指标得分; the printed Σ of weights = execution weight + Σ indicator weights. */
    static void totalScore(Sheet s, Params p, Severity severity, Out out) {
        String row = p.text("row", "total");
        boolean execution = p.node("execution") == null || p.node("execution").asBoolean(true);
        List<Indicator> inds = s.data().indicators();
        BigDecimal execScore = execution ? s.data().fund(row, "score") : null;
        boolean anyScore = execScore != null || inds.stream().anyMatch(x -> x.score() != null);
        BigDecimal reported = s.data().number("totalScore");
        if (anyScore && reported != null) {
            BigDecimal sum = inds.stream().map(Indicator::score).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .add(execScore == null ? BigDecimal.ZERO : execScore);
            if (reported.subtract(sum).abs().compareTo(CENT) > 0) {
                List<String> related = new ArrayList<>();
                for (int i = 0; i < inds.size(); i++) {
                    if (inds.get(i).score() != null) {
                        related.add(path(i, "score"));
                    }
                }
                if (execScore != null) {
                    related.add(0, "funds." + row + ".score");
                }
                out.add(severity, s.name() + "总分填为 " + plain(reported) + "，" + (execScore == null ? "" : "预算执行得分与")
                        + "各指标得分合计为 " + plain(sum) + "。", List.of("numbers.totalScore"), related, reported, sum);
            }
        }
        BigDecimal printedWeight = s.data().number("totalWeight");
        if (printedWeight != null && !weighted(s).isEmpty()) {
            BigDecimal execWeight = execution ? s.data().fund(row, "weight") : null;
            BigDecimal sum = sumWeights(s).add(execWeight == null ? BigDecimal.ZERO : execWeight);
            if (printedWeight.compareTo(sum) != 0) {
                out.add(severity, s.name() + "合计的分值（权重）填为 " + plain(printedWeight) + "，各项分值合计为 " + plain(sum) + "。",
                        List.of("numbers.totalWeight"), weighted(s).stream().map(i -> path(i, "weight")).toList(), printedWeight, sum);
            }
        }
    }

    /** 等次 from the total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 < 60 (labels and bounds per profile). */
    static void grade(Sheet s, Params p, Severity severity, Out out) {
        String grade = s.data().field(p.text("field", "grade"));
        BigDecimal total = s.data().number("totalScore");
        JsonNode grades = p.node("grades");
        if (grade == null || total == null || grades == null) {
            return;
        }
        String expected = null;
        List<String> accepted = new ArrayList<>();
        for (JsonNode g : iterable(grades)) {
            if (total.compareTo(new BigDecimal(g.path("min").asText("0"))) >= 0) {
                expected = g.path("label").asText();
                accepted.add(Text.key(expected));
                g.path("aliases").forEach(a -> accepted.add(Text.key(a.asText())));
                break;
            }
        }
        if (expected != null && !accepted.contains(Text.key(grade))) {
            out.add(severity, s.name() + "评价等次填为“" + grade + "”，总分 " + plain(total) + " 对应的等次是“" + expected + "”。",
                    List.of("fields." + p.text("field", "grade")), List.of("numbers.totalScore"), total, null);
        }
    }

    // --- money blocks ----------------------------------------------------------------------------------------

    /**
     * A sum in the funds block, along rows (total row = Σ part rows, in each column) or columns (total column = Σ part
     * columns, in each row). A difference within n × 0.005 is 尾差 (信息).
     */
    static void fundSum(Sheet s, Params p, Severity severity, Out out) {
        boolean alongRows = p.text("axis", "row").equals("row");
        String total = p.text("total", "total");
        List<String> parts = p.list("parts");
        List<String> across = p.list(alongRows ? "columns" : "rows");
        if (across.isEmpty()) {
            s.data().funds().forEach((row, cols) -> {
                if (alongRows) {
                    cols.keySet().stream().filter(c -> !across.contains(c)).forEach(across::add);
                } else if (!across.contains(row)) {
                    across.add(row);
                }
            });
        }
        BigDecimal perCell = p.decimal("perCell", "0.005");
        for (String x : across) {
            String totalPath = alongRows ? total + "." + x : x + "." + total;
            BigDecimal reported = fund(s, totalPath);
            List<String> partPaths = parts.stream().map(part -> alongRows ? part + "." + x : x + "." + part).toList();
            List<BigDecimal> values = partPaths.stream().map(pp -> fund(s, pp)).toList();
            if (reported == null || values.stream().allMatch(Objects::isNull)) {
                continue;
            }
            BigDecimal sum = values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal diff = reported.subtract(sum).abs();
            if (diff.signum() == 0) {
                continue;
            }
            BigDecimal tolerance = perCell.multiply(BigDecimal.valueOf(parts.size() + 1));
            boolean rounding = diff.compareTo(tolerance) <= 0;
            String label = p.text("label", "");
            out.add(rounding ? Severity.INFO : severity, s.name() + label + "合计 " + plain(reported) + " 与各项之和 " + plain(sum)
                            + (rounding ? " 相差 " + plain(diff) + "，在尾差范围内。" : " 不等，相差 " + plain(diff) + "。"),
                    List.of("funds." + totalPath), partPaths.stream().map(pp -> "funds." + pp).toList(), reported, sum);
        }
    }

    private static BigDecimal fund(Sheet s, String rowDotCol) {
        int dot = rowDotCol.indexOf('.');
        return s.data().fund(rowDotCol.substring(0, dot), rowDotCol.substring(dot + 1));
    }

    /** Σ 支出明细 = 支出合计 = 实际支出, with 元 and 万元 converted (58000.00 元 = 5.8 万元). */
    static void expenseDetail(Sheet s, Params p, Severity severity, Out out) {
        List<ExpenseLine> lines = s.data().expenses();
        if (lines.stream().allMatch(l -> l.amount() == null)) {
            return;
        }
        String listUnit = s.layout().list("expenses").map(EvalSheetLayout.ListDef::unit).orElse(s.layout().moneyUnit());
        BigDecimal sum = lines.stream().map(ExpenseLine::amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> related = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).amount() != null) {
                related.add("expenses[" + i + "].amount");
            }
        }
        BigDecimal tolerance = new BigDecimal("0.005").multiply(BigDecimal.valueOf(related.size() + 1));
        BigDecimal printed = s.data().number(p.text("total", "expenseTotal"));
        if (printed != null && printed.subtract(sum).abs().compareTo(tolerance) > 0) {
            out.add(severity, s.name() + "支出合计填为 " + plain(printed) + " " + listUnit + "，支出明细合计为 " + plain(sum) + " "
                    + listUnit + "。", List.of("numbers." + p.text("total", "expenseTotal")), related, printed, sum);
        }
        String spentPath = p.text("funds", "total.spent");
        BigDecimal spent = fund(s, spentPath);
        if (spent != null) {
            BigDecimal converted = convert(sum, listUnit, s.layout().moneyUnit());
            BigDecimal tol = convert(tolerance, listUnit, s.layout().moneyUnit()).max(new BigDecimal("0.005"));
            if (spent.subtract(converted).abs().compareTo(tol) > 0) {
                out.add(severity, s.name() + "实际支出为 " + plain(spent) + " " + s.layout().moneyUnit() + "，支出明细合计 " + plain(sum)
                                + " " + listUnit + "（合 " + plain(converted) + " " + s.layout().moneyUnit() + "）不等。",
                        List.of("funds." + spentPath), related, spent, converted);
            }
        }
    }

    static BigDecimal convert(BigDecimal v, String from, String to) {
        if (Objects.equals(from, to)) {
            return v;
        }
        if ("元".equals(from) && "万元".equals(to)) {
            return v.movePointLeft(4);
        }
        if ("万元".equals(from) && "元".equals(to)) {
            return v.movePointRight(4);
        }
        return v;
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    static String path(int i, String field) {
        return "indicators[" + i + "]." + field;
    }

    private static String indicatorLabel(Sheet s, int i) {
        Indicator ind = s.data().indicators().get(i);
        String name = ind.level3() != null ? ind.level3() : ind.target() != null ? ind.target() : ind.level2();
        if (name != null && name.length() > 30) {
            name = name.substring(0, 30) + "…";
        }
        return "指标“" + (name == null ? "第 " + (i + 1) + " 项" : oneLine(name)) + "”";
    }

    /** "≥14", "≥580、210", "在 20–30 之间". */
    private static String condition(Judged j) {
        return j.target().range() ? "在 " + numbers(j.target()) + " 之间" : j.op().symbol() + numbers(j.target());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\n\\s*", "");
    }

    private static String numbers(IndicatorValue v) {
        if (v.range()) {
            return plain(v.values().get(0)) + "–" + plain(v.values().get(1));
        }
        return String.join("、", v.values().stream().map(EvalChecks::plain).toList());
    }

    private static BigDecimal first(IndicatorValue v) {
        return v.values().isEmpty() ? null : v.values().get(0);
    }

    static String plain(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
