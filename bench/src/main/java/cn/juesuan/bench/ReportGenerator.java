package cn.juesuan.bench;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.codes.CodeEntry;
import cn.juesuan.codes.Scheme;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Realistic sichuan-2020 data for one unit-year, built so that every identity of the 14 tables holds exactly:
 * row and column sums, 类 = Σ 款 = Σ 项, and the cross-table equalities (表1 ↔ 表2/表3, 表4 ↔ 表6/表11/表13,
 * 表6 ↔ 表7/表8/表9, 三公 ↔ 表8/表9). Amounts are whole 分 (cents) in 万元, so no rounding tail appears.
 * The same seed gives the same data.
 */
public final class ReportGenerator {
    public static final String PROFILE = "sichuan-2020";
    public static final int YEAR = 2021;

    private enum Fund { GPB, GFB, SOC, NONFISCAL }

    /** One 项 (7-digit function subject) and the money behind it, in cents. */
    private static final class Leaf {
        final String code;
        final String name;
        final Fund fund;
        long basic;        // fiscal basic (GPB only)
        long project;      // fiscal project
        long businessBasic;
        long businessProject;
        long otherProject;
        long opening;      // GFB / SOC carried balance (opening = closing)
        final Map<String, Long> econBasic = new TreeMap<>();
        final Map<String, Long> econProject = new TreeMap<>();

        Leaf(String code, String name, Fund fund) {
            this.code = code;
            this.name = name;
            this.fund = fund;
        }

        long fiscal() {
            return basic + project;
        }

        long business() {
            return businessBasic + businessProject;
        }

        long totalBasic() {
            return basic + businessBasic;
        }

        long totalProject() {
            return project + businessProject + otherProject;
        }
    }

    // 部门预算支出经济分类 款 used for basic and project spending (all are rows of 表8 / 表9)
    private static final String[] BASIC_ECON = {"30101", "30102", "30103", "30107", "30108", "30109", "30110", "30113",
            "30199", "30302", "30201", "30205", "30206", "30207", "30211", "30213", "30216", "30217", "30228", "30229",
            "30231", "30299", "31002"};
    private static final String[] PROJECT_ECON = {"30201", "30203", "30211", "30212", "30215", "30216", "30226", "30227",
            "30299", "30305", "31002", "31003", "31007", "31013", "39999"};

    private static final String[][] GFB = {
            {"212", "城乡社区支出"}, {"21208", "国有土地使用权出让收入安排的支出"},
            {"2120801", "征地和拆迁补偿支出"}, {"2120802", "土地开发支出"}, {"2120899", "其他国有土地使用权出让收入安排的支出"},
            {"229", "其他支出"}, {"22960", "彩票公益金安排的支出"},
            {"2296002", "用于社会福利的彩票公益金支出"}, {"2296003", "用于体育事业的彩票公益金支出"}};
    private static final String[][] SOC = {
            {"223", "国有资本经营预算支出"}, {"22301", "解决历史遗留问题及改革成本支出"},
            {"2230105", "国有企业退休人员社会化管理补助支出"}, {"22302", "国有企业资本金注入"}, {"2230201", "国有经济结构调整支出"}};

    private final Random rnd;
    private final Map<String, String> names = new TreeMap<>();
    private final List<Leaf> leaves = new ArrayList<>();

    private ReportGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /**
     * A large unit: about 200 科目 rows over the 8 tables with a 科目 area, 政府性基金 and 国有资本经营 money, a
     * non-empty 三公 table, and {@link #SELF_EVALUATIONS} project self-evaluation sheets.
     */
    public static ReportData full(CodeCatalogue codes, long seed) {
        ReportGenerator g = new ReportGenerator(seed);
        g.pickFunctionLeaves(codes, 12, 4);
        g.addFixed(GFB, Fund.GFB);
        g.addFixed(SOC, Fund.SOC);
        String unit = "四川省第" + (seed % 1000 + 1) + "综合事务局";
        return g.build(unit, "51000" + String.format("%04d", seed % 10000))
                .withSelfEvaluations(selfEvaluations(unit, SELF_EVALUATIONS));
    }

    /** Self-evaluation sheets of the "full" unit. */
    public static final int SELF_EVALUATIONS = 10;
    /** A published 项目绩效目标完成情况表 (泸州, seed000) that validates without 错误, copied per project. */
    private static final String EVAL_SEED = "/seeds/seed000-selfeval.json";
    private static final String EVAL_PROJECT = "众创空间建设培训宣传";

    /** Project self-evaluation sheets: copies of the published sheet, one per project (名称 numbered), of this unit. */
    static List<SelfEvaluation> selfEvaluations(String unitName, int count) {
        SelfEvaluation sheet;
        try (InputStream in = ReportGenerator.class.getResourceAsStream(EVAL_SEED)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + EVAL_SEED);
            }
            sheet = Json.MAPPER.readValue(in, ReportData.class).selfEvaluations().stream()
                    .filter(e -> EVAL_PROJECT.equals(e.field("project"))).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<SelfEvaluation> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, String> fields = new LinkedHashMap<>(sheet.fields());
            fields.put("project", EVAL_PROJECT + "（第" + i + "期）");
            fields.put("budgetUnit", unitName);
            out.add(new SelfEvaluation(sheet.kind(), fields, sheet.numbers(), sheet.funds(), sheet.indicators(),
                    sheet.expenses(), sheet.reviewers(), sheet.tasks()));
        }
        return out;
    }

    /** A small unit: two 项, general budget money only; the fund tables are empty (with their notes). */
    public static ReportData minimal(CodeCatalogue codes, long seed) {
        ReportGenerator g = new ReportGenerator(seed);
        g.pickFunctionLeaves(codes, 2, 0);
        return g.build("四川省第" + (seed % 1000 + 1) + "小型事业单位", null);
    }

    /** The catalogue shipped in the jar (or ./templates/codes when run from the repository root). */
    public static CodeCatalogue catalogue() {
        Path local = Path.of("templates");
        return CodeCatalogue.load(local.toFile().isDirectory() ? local : null);
    }

    // --- picking subjects ---------------------------------------------------------------------------------

    /** Picks general-budget 项 from the catalogue (with their 类 and 款), plus some funded only by 事业/其他收入. */
    private void pickFunctionLeaves(CodeCatalogue codes, int gpbLeaves, int nonFiscalLeaves) {
        Map<String, String> all = new TreeMap<>();
        for (CodeEntry e : codes.entries(Scheme.FUNCTION)) {
            if (e.covers(YEAR)) {
                all.putIfAbsent(e.code(), e.name());
            }
        }
        List<String> items = new ArrayList<>();
        for (String c : all.keySet()) {
            if (c.length() == 7 && all.containsKey(c.substring(0, 5)) && all.containsKey(c.substring(0, 3))
                    && !c.startsWith("212") && !c.startsWith("223") && !c.startsWith("229")) {
                items.add(c);
            }
        }
        if (items.size() < gpbLeaves + nonFiscalLeaves) {
            throw new IllegalStateException("code catalogue has only " + items.size() + " usable 项");
        }
        // a unit spends in a few classes: draw classes first, then 项 within them
        List<String> classes = new ArrayList<>(new TreeSet<>(items.stream().map(c -> c.substring(0, 3)).toList()));
        java.util.Collections.shuffle(classes, rnd);
        List<String> picked = new ArrayList<>();
        for (int round = 0; picked.size() < gpbLeaves + nonFiscalLeaves; round++) {
            String cls = classes.get(round % Math.min(classes.size(), 6));
            List<String> inClass = items.stream().filter(c -> c.startsWith(cls) && !picked.contains(c)).toList();
            if (!inClass.isEmpty()) {
                picked.add(inClass.get(rnd.nextInt(inClass.size())));
            }
            if (round > 10_000) {
                throw new IllegalStateException("cannot draw enough 项");
            }
        }
        for (int i = 0; i < picked.size(); i++) {
            String c = picked.get(i);
            names.put(c.substring(0, 3), all.get(c.substring(0, 3)));
            names.put(c.substring(0, 5), all.get(c.substring(0, 5)));
            names.put(c, all.get(c));
            Leaf leaf = new Leaf(c, all.get(c), i < gpbLeaves ? Fund.GPB : Fund.NONFISCAL);
            leaves.add(leaf);
        }
        for (Leaf l : leaves) {
            if (l.fund == Fund.GPB) {
                l.basic = rnd.nextInt(4) == 0 ? 0 : cents(20, 900);
                l.project = rnd.nextInt(3) == 0 ? 0 : cents(5, 600);
                if (l.basic + l.project == 0) {
                    l.basic = cents(20, 200);
                }
                split(l.basic, BASIC_ECON, l.econBasic, 6);
                split(l.project, PROJECT_ECON, l.econProject, 3);
                if (rnd.nextInt(3) == 0) {
                    l.businessBasic = cents(1, 80);
                }
            } else {
                l.businessBasic = cents(5, 120);
                l.businessProject = cents(1, 60);
                l.otherProject = rnd.nextBoolean() ? cents(1, 20) : 0;
            }
        }
    }

    private void addFixed(String[][] subjects, Fund fund) {
        for (String[] s : subjects) {
            names.put(s[0], s[1]);
            if (s[0].length() == 7) {
                Leaf l = new Leaf(s[0], s[1], fund);
                l.project = cents(10, 800);
                l.opening = rnd.nextBoolean() ? cents(1, 100) : 0;
                split(l.project, PROJECT_ECON, l.econProject, 2);
                leaves.add(l);
            }
        }
    }

    private long cents(int minWan, int maxWan) {
        return (minWan + rnd.nextInt(maxWan - minWan + 1)) * 100L + rnd.nextInt(100);
    }

    /** Splits an amount over a few of the given codes; the parts add up to the amount exactly. */
    private void split(long amount, String[] codes, Map<String, Long> into, int maxParts) {
        if (amount == 0) {
            return;
        }
        int parts = 1 + rnd.nextInt(maxParts);
        long left = amount;
        for (int i = 0; i < parts; i++) {
            String code = codes[rnd.nextInt(codes.length)];
            long part = i == parts - 1 ? left : left * (20 + rnd.nextInt(50)) / 100;
            if (part != 0) {
                into.merge(code, part, Long::sum);
            }
            left -= part;
        }
    }

    // --- building the tables ------------------------------------------------------------------------------

    private ReportData build(String unitName, String unitCode) {
        leaves.sort((a, b) -> a.code.compareTo(b.code));
        Map<String, TableData> t = new LinkedHashMap<>();
        t.put("income", area(leaves, l -> true, l -> amounts(
                "fiscal", l.fiscal(), "business", l.business(), "other", l.otherProject), "total"));
        t.put("expenditure", area(leaves, l -> true, l -> amounts(
                "basic", l.totalBasic(), "project", l.totalProject()), "total"));
        t.put("fiscal_expenditure_detail", area(leaves, l -> l.fund != Fund.NONFISCAL, l -> econ(l), "total"));
        t.put("gpb_expenditure", area(leaves, l -> l.fund == Fund.GPB, l -> amounts(
                "basic", l.basic, "project", l.project), "total"));
        t.put("gpb_expenditure_detail", area(leaves, l -> l.fund == Fund.GPB, l -> econ(l), "total"));
        t.put("gpb_basic_expenditure", economicTable(true));
        t.put("gpb_project_expenditure", economicTable(false));
        t.put("three_public", threePublic());
        t.put("gfb_income_expenditure", fundTable(Fund.GFB));
        t.put("soc_income_expenditure", fundTable(Fund.SOC));
        t.put("soc_expenditure", area(leaves, l -> l.fund == Fund.SOC, l -> amounts(
                "basic", 0, "project", l.project), "total"));
        t.put("fiscal_summary", fiscalSummary());
        t.put("income_expense_summary", summary());
        Map<String, TableData> ordered = new LinkedHashMap<>();
        for (String key : List.of("income_expense_summary", "income", "expenditure", "fiscal_summary",
                "fiscal_expenditure_detail", "gpb_expenditure", "gpb_expenditure_detail", "gpb_basic_expenditure",
                "gpb_project_expenditure", "three_public", "gfb_income_expenditure", "soc_income_expenditure",
                "soc_expenditure")) {
            TableData d = t.get(key);
            if (d != null && !d.isEmpty()) {
                ordered.put(key, d);
            }
        }
        return new ReportData(PROFILE, YEAR, new UnitInfo(unitName, unitCode), "万元", ordered);
    }

    private interface LeafFilter {
        boolean test(Leaf l);
    }

    private interface LeafAmounts {
        Map<String, Long> of(Leaf l);
    }

    /**
     * A table with a 科目 area: 类, 款, 项 rows in code order, each the sum of its 项; the total column (named
     * totalKey, if any) is the sum of the others in every row, and the 合计 row is the sum of the 类 rows.
     */
    private TableData area(List<Leaf> all, LeafFilter filter, LeafAmounts amounts, String totalKey) {
        Map<String, Map<String, Long>> byCode = new TreeMap<>();
        Map<String, Long> grand = new LinkedHashMap<>();
        for (Leaf l : all) {
            if (!filter.test(l)) {
                continue;
            }
            Map<String, Long> a = withTotal(amounts.of(l), totalKey);
            for (String code : List.of(l.code.substring(0, 3), l.code.substring(0, 5), l.code)) {
                Map<String, Long> acc = byCode.computeIfAbsent(code, k -> new LinkedHashMap<>());
                a.forEach((k, v) -> acc.merge(k, v, Long::sum));
            }
            a.forEach((k, v) -> grand.merge(k, v, Long::sum));
        }
        if (byCode.isEmpty()) {
            return TableData.EMPTY;
        }
        List<SubjectRow> rows = new ArrayList<>();
        byCode.forEach((code, a) -> rows.add(new SubjectRow(code, names.get(code), money(a))));
        return TableData.of(Map.of("total", money(grand)), rows);
    }

    private static Map<String, Long> withTotal(Map<String, Long> parts, String totalKey) {
        if (totalKey == null) {
            return parts;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(totalKey, parts.values().stream().mapToLong(Long::longValue).sum());
        out.putAll(parts);
        return out;
    }

    /** 表5 / 表7 columns: economic 类 e301 … e399 of the leaf's fiscal spending. */
    private static Map<String, Long> econ(Leaf l) {
        Map<String, Long> out = new TreeMap<>();
        l.econBasic.forEach((code, v) -> out.merge("e" + code.substring(0, 3), v, Long::sum));
        l.econProject.forEach((code, v) -> out.merge("e" + code.substring(0, 3), v, Long::sum));
        return out;
    }

    /** 表8 (basic) or 表9 (project): general-budget spending by economic 款, with the 类 subtotals. */
    private TableData economicTable(boolean basic) {
        Map<String, Long> byItem = new TreeMap<>();
        for (Leaf l : leaves) {
            if (l.fund == Fund.GPB) {
                (basic ? l.econBasic : l.econProject).forEach((k, v) -> byItem.merge(k, v, Long::sum));
            }
        }
        if (byItem.isEmpty()) {
            return TableData.EMPTY;
        }
        Map<String, Map<String, Long>> values = new LinkedHashMap<>();
        Map<String, Long> classes = new TreeMap<>();
        byItem.forEach((code, v) -> {
            values.put(code, Map.of("amount", v));
            classes.merge(code.substring(0, 3), v, Long::sum);
        });
        classes.forEach((code, v) -> values.put(code, Map.of("amount", v)));
        if (basic) {
            values.put("personnel_total", Map.of("amount", classes.getOrDefault("301", 0L) + classes.getOrDefault("303", 0L)));
            values.put("public_total", Map.of("amount", classes.getOrDefault("302", 0L) + classes.getOrDefault("307", 0L)
                    + classes.getOrDefault("310", 0L) + classes.getOrDefault("399", 0L)));
        } else {
            values.put("total", Map.of("amount", classes.values().stream().mapToLong(Long::longValue).sum()));
        }
        return TableData.of(moneyRows(values), null);
    }

    /** 表10: 决算 from the economic 款 30212 / 31013 / 30231 / 30217; 预算 a little above. */
    private TableData threePublic() {
        long abroad = 0;
        long purchase = 0;
        long operation = 0;
        long reception = 0;
        for (Leaf l : leaves) {
            if (l.fund != Fund.GPB) {
                continue;
            }
            for (Map<String, Long> m : List.of(l.econBasic, l.econProject)) {
                abroad += m.getOrDefault("30212", 0L);
                purchase += m.getOrDefault("31013", 0L);
                operation += m.getOrDefault("30231", 0L);
                reception += m.getOrDefault("30217", 0L);
            }
        }
        Map<String, Long> a = new LinkedHashMap<>();
        three(a, "f_", abroad, purchase, operation, reception);
        three(a, "b_", above(abroad), above(purchase), above(operation), above(reception));
        return TableData.of(Map.of("amount", money(a)), null);
    }

    private long above(long v) {
        return v + v * rnd.nextInt(20) / 100;
    }

    private static void three(Map<String, Long> a, String p, long abroad, long purchase, long operation, long reception) {
        a.put(p + "total", abroad + purchase + operation + reception);
        a.put(p + "abroad", abroad);
        a.put(p + "vehicle", purchase + operation);
        a.put(p + "vehicle_purchase", purchase);
        a.put(p + "vehicle_operation", operation);
        a.put(p + "reception", reception);
    }

    /** 表11 / 表13: opening + income − spending = closing per row; spending is all project money. */
    private TableData fundTable(Fund fund) {
        return area(leaves, l -> l.fund == fund, l -> {
            Map<String, Long> m = new LinkedHashMap<>();
            m.put("opening", l.opening);
            m.put("income", l.project);
            m.put("expense_total", l.project);
            m.put("basic", 0L);
            m.put("project", l.project);
            m.put("closing", l.opening);
            return m;
        }, null);
    }

    /** 表4: fiscal income by fund, spending by class and fund, balances. */
    private TableData fiscalSummary() {
        long gpb = sum(Fund.GPB, Leaf::fiscal);
        long gfb = sum(Fund.GFB, Leaf::fiscal);
        long soc = sum(Fund.SOC, Leaf::fiscal);
        long openGfb = sum(Fund.GFB, l -> l.opening);
        long openSoc = sum(Fund.SOC, l -> l.opening);
        long openGpb = 1234_56L + rnd.nextInt(100_00);
        long opening = openGpb + openGfb + openSoc;
        Map<String, Map<String, Long>> v = new LinkedHashMap<>();
        v.put("gpb", Map.of("amount", gpb));
        v.put("gfb", Map.of("amount", gfb));
        v.put("soc", Map.of("amount", soc));
        v.put("total_income", Map.of("amount", gpb + gfb + soc));
        v.put("opening_balance", Map.of("amount", opening));
        v.put("opening_gpb", Map.of("amount", openGpb));
        v.put("opening_gfb", Map.of("amount", openGfb));
        v.put("opening_soc", Map.of("amount", openSoc));
        v.put("grand_total_income", Map.of("amount", gpb + gfb + soc + opening));
        Map<String, Map<String, Long>> byClass = new TreeMap<>();
        for (Leaf l : leaves) {
            if (l.fund == Fund.NONFISCAL || l.fiscal() == 0) {
                continue;
            }
            Map<String, Long> c = byClass.computeIfAbsent(l.code.substring(0, 3), k -> new LinkedHashMap<>());
            c.merge("total", l.fiscal(), Long::sum);
            c.merge(fundColumn(l.fund), l.fiscal(), Long::sum);
        }
        byClass.forEach((cls, c) -> {
            Map<String, Long> full = new LinkedHashMap<>();
            full.put("total", c.get("total"));
            for (String f : List.of("gpb", "gfb", "soc")) {
                full.put(f, c.getOrDefault(f, 0L));
            }
            v.put(cls, full);
        });
        v.put("total_expense", Map.of("total", gpb + gfb + soc, "gpb", gpb, "gfb", gfb, "soc", soc));
        // every fund spends what it receives, so the balance carried forward equals the opening balance
        v.put("closing_balance", Map.of("total", opening, "gpb", openGpb, "gfb", openGfb, "soc", openSoc));
        v.put("grand_total_expense", Map.of("total", gpb + gfb + soc + opening, "gpb", gpb + openGpb,
                "gfb", gfb + openGfb, "soc", soc + openSoc));
        fiscalOpening = opening;
        return TableData.of(moneyRows(v), null);
    }

    private long fiscalOpening;

    private static String fundColumn(Fund f) {
        return switch (f) {
            case GPB -> "gpb";
            case GFB -> "gfb";
            case SOC -> "soc";
            case NONFISCAL -> throw new IllegalArgumentException();
        };
    }

    /** 表1: all income by source, spending by class (= 表3 类 rows), balances. */
    private TableData summary() {
        long gpb = sum(Fund.GPB, Leaf::fiscal);
        long gfb = sum(Fund.GFB, Leaf::fiscal);
        long soc = sum(Fund.SOC, Leaf::fiscal);
        long business = sum(null, Leaf::business);
        long other = sum(null, l -> l.otherProject);
        long income = gpb + gfb + soc + business + other;
        long opening = fiscalOpening + 56_78L + rnd.nextInt(50_00);
        Map<String, Map<String, Long>> v = new LinkedHashMap<>();
        v.put("gpb", Map.of("amount", gpb));
        v.put("gfb", Map.of("amount", gfb));
        v.put("soc", Map.of("amount", soc));
        v.put("business", Map.of("amount", business));
        v.put("other", Map.of("amount", other));
        v.put("total_income", Map.of("amount", income));
        v.put("opening_balance", Map.of("amount", opening));
        v.put("grand_total_income", Map.of("amount", income + opening));
        Map<String, Long> byClass = new TreeMap<>();
        for (Leaf l : leaves) {
            byClass.merge(l.code.substring(0, 3), l.totalBasic() + l.totalProject(), Long::sum);
        }
        byClass.forEach((cls, a) -> v.put(cls, Map.of("amount", a)));
        v.put("total_expense", Map.of("amount", income));
        v.put("closing_balance", Map.of("amount", opening));
        v.put("grand_total_expense", Map.of("amount", income + opening));
        return TableData.of(moneyRows(v), null);
    }

    private interface LeafLong {
        long of(Leaf l);
    }

    private long sum(Fund fund, LeafLong f) {
        long s = 0;
        for (Leaf l : leaves) {
            if (fund == null || l.fund == fund) {
                s += f.of(l);
            }
        }
        return s;
    }

    private static Map<String, Long> amounts(Object... keyValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            long v = ((Number) keyValues[i + 1]).longValue();
            if (v != 0 || i < 4) {
                m.put((String) keyValues[i], v);
            }
        }
        return m;
    }

    private static Map<String, BigDecimal> money(Map<String, Long> cents) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        cents.forEach((k, v) -> out.put(k, BigDecimal.valueOf(v, 2)));
        return out;
    }

    private static Map<String, Map<String, BigDecimal>> moneyRows(Map<String, Map<String, Long>> rows) {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, money(v)));
        return out;
    }
}
