package cn.juesuan.rules;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.codes.CodeEntry;
import cn.juesuan.codes.Lookup;
import cn.juesuan.codes.Scheme;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * Test data: a fully populated, fully consistent report for a profile. Every amount cell of every table gets a
 * non-zero value and every identity of the rule set holds (in-table sums, 类/款/项, balances, X rules, the Sichuan
 * addendum rules), so that changing any one cell must break something.
 *
 * <p>Built bottom-up from "leaves" (项 of a few deep classes, and the other classes as bare 类 rows); each leaf
 * carries its spending by fund (一般公共预算 / 政府性基金 / 国有资本经营 / 非财政) and by kind (基本 / 项目 / 上缴 /
 * 经营 / 对附属单位补助), its fund balances, and the split of its fiscal spending by economic class. Every table is
 * an aggregate of those atoms. Amounts are whole cents.
 */
final class FullWorkbook {
    static final List<String> ECON = List.of("301", "302", "303", "307", "309", "310", "311", "312", "313", "399");

    /** A 科目 of the area: 类 / 款 / 项. */
    record Node(String code, String name, List<Node> children) {
        boolean leaf() {
            return children.isEmpty();
        }
    }

    private final Profile profile;
    private final int year;
    private final Random rnd = new Random(20240611L);
    private final List<Node> classes = new ArrayList<>();
    /** 类 of 表1/表4 without money this year: printed as 0.00, absent from the 科目 areas. */
    private final List<String> zeroClasses = new ArrayList<>();
    private final List<Node> leaves = new ArrayList<>();
    private final Map<String, Map<String, Long>> atoms = new HashMap<>();
    private final List<String> basicEcon;
    private final List<String> projectEcon;

    private FullWorkbook(Profile profile, CodeCatalogue codes, int year, int deep, int shallow) {
        this.profile = profile;
        this.year = year;
        TableLayout t8 = profile.table("gpb_basic_expenditure").orElseThrow();
        basicEcon = classRows(t8);
        projectEcon = profile.table("gpb_project_expenditure").map(FullWorkbook::classRows).orElse(ECON);
        buildClasses(codes, deep, shallow);
        for (Node l : leaves) {
            atoms.put(l.code(), leafAtoms());
        }
    }

    /**
     * @param deepClasses    类 listed with one 款 and two 项
     * @param shallowClasses further 类 with money, listed as bare 类 rows; every other 类 is 0.00 in 表1/表4
     */
    static ReportData generate(Profile profile, CodeCatalogue codes, int year, int deepClasses, int shallowClasses) {
        return new FullWorkbook(profile, codes, year, deepClasses, shallowClasses).build();
    }

    private static List<String> classRows(TableLayout t) {
        List<String> out = new ArrayList<>();
        for (BlockDef b : t.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.key() != null && r.key().length() == 3 && r.key().chars().allMatch(Character::isDigit)) {
                    out.add(r.key());
                }
            }
        }
        return out;
    }

    // ---- structure ----

    private void buildClasses(CodeCatalogue codes, int deep, int shallow) {
        TableLayout t1 = profile.table("income_expense_summary").orElseThrow();
        int deepMade = 0;
        int shallowMade = 0;
        for (RowDef r : t1.blocks().get(1).rows()) {
            if (r.key() == null || r.key().length() != 3 || !r.key().chars().allMatch(Character::isDigit)) {
                continue;
            }
            String code = r.key();
            String name = name(codes, code, r.label().replaceFirst("^[一二三四五六七八九十]+、", ""));
            List<Node> kids = new ArrayList<>();
            if (deepMade < deep) {
                Node kuan = kuan(codes, code);
                if (kuan != null) {
                    kids.add(kuan);
                    deepMade++;
                }
            }
            if (kids.isEmpty() && shallowMade++ >= shallow) {
                zeroClasses.add(code);
                continue;
            }
            Node cls = new Node(code, name, kids);
            classes.add(cls);
            collectLeaves(cls);
        }
    }

    private void collectLeaves(Node n) {
        if (n.leaf()) {
            leaves.add(n);
        } else {
            n.children().forEach(this::collectLeaves);
        }
    }

    /** A 款 of the class with two 项 known for the year (verified lists first), or null. */
    private Node kuan(CodeCatalogue codes, String cls) {
        List<CodeEntry> all = codes.entries(Scheme.FUNCTION).stream().filter(e -> e.covers(year)).toList();
        for (boolean verified : new boolean[]{true, false}) {
            for (CodeEntry k : all) {
                if (k.code().length() != 5 || !k.code().startsWith(cls) || k.verified() != verified) {
                    continue;
                }
                List<Node> items = new ArrayList<>();
                for (CodeEntry x : all) {
                    if (x.code().length() == 7 && x.code().startsWith(k.code()) && x.verified() == verified
                            && items.stream().noneMatch(n -> n.code().equals(x.code()))) {
                        items.add(new Node(x.code(), name(codes, x.code(), x.name()), List.of()));
                    }
                    if (items.size() == 2) {
                        break;
                    }
                }
                if (items.size() == 2) {
                    return new Node(k.code(), name(codes, k.code(), k.name()), items);
                }
            }
        }
        return null;
    }

    private String name(CodeCatalogue codes, String code, String fallback) {
        Lookup l = codes.lookup(Scheme.FUNCTION, year, code);
        return l.known() && !l.names().isEmpty() ? l.names().get(0) : fallback;
    }

    // ---- atoms ----

    private long cents(int lo, int hi) {
        return (lo + rnd.nextInt(hi - lo + 1)) * 100L + 1 + rnd.nextInt(98);
    }

    private Map<String, Long> leafAtoms() {
        Map<String, Long> a = new HashMap<>();
        a.put("Bg", cents(200, 600));
        a.put("Pg", cents(100, 400));
        a.put("Bf", cents(20, 60));
        a.put("Pf", cents(20, 60));
        a.put("Bs", cents(10, 40));
        a.put("Ps", cents(10, 40));
        a.put("Bn", cents(5, 30));
        a.put("Pn", cents(5, 30));
        a.put("R", cents(1, 9));
        a.put("O", cents(1, 9));
        a.put("A", cents(1, 9));
        a.put("Of", cents(1, 20));
        a.put("Os", cents(1, 20));
        a.put("dF", cents(1, 9));
        a.put("dS", cents(1, 9));
        a.put("dG", cents(1, 9));
        split(a, "basicE", a.get("Bg"), basicEcon);
        split(a, "projE", a.get("Pg"), projectEcon);
        split(a, "gfbE", a.get("Bf") + a.get("Pf"), ECON);
        split(a, "socE", a.get("Bs") + a.get("Ps"), ECON);
        return a;
    }

    /** Splits a positive amount into positive parts, one per key, stored as prefix+key. */
    private void split(Map<String, Long> a, String prefix, long total, List<String> keys) {
        long[] parts = parts(total, keys.size());
        for (int i = 0; i < keys.size(); i++) {
            a.put(prefix + keys.get(i), parts[i]);
        }
    }

    private long[] parts(long total, int k) {
        long[] w = new long[k];
        long sw = 0;
        for (int i = 0; i < k; i++) {
            w[i] = 1 + rnd.nextInt(9);
            sw += w[i];
        }
        long[] out = new long[k];
        long used = 0;
        for (int i = 0; i < k - 1; i++) {
            out[i] = Math.max(1, total * w[i] / sw);
            used += out[i];
        }
        out[k - 1] = total - used;
        if (out[k - 1] < 1) {
            throw new IllegalStateException("amount too small to split: " + total + " into " + k);
        }
        return out;
    }

    private long atom(Node leaf, String key) {
        Long v = atoms.get(leaf.code()).get(key);
        return v == null ? 0 : v;
    }

    private long sumLeaves(ToLongFunction<Node> f) {
        return leaves.stream().mapToLong(f).sum();
    }

    // ---- tables ----

    private ReportData build() {
        Map<String, TableData> tables = new LinkedHashMap<>();
        Map<String, ToLongFunction<Node>> t3 = new LinkedHashMap<>();
        t3.put("basic", l -> atom(l, "Bg") + atom(l, "Bf") + atom(l, "Bs") + atom(l, "Bn"));
        t3.put("project", l -> atom(l, "Pg") + atom(l, "Pf") + atom(l, "Ps") + atom(l, "Pn"));
        t3.put("remit_superior", l -> atom(l, "R"));
        t3.put("operating", l -> atom(l, "O"));
        t3.put("affiliated_subsidy", l -> atom(l, "A"));
        t3.put("total", l -> t3.get("basic").applyAsLong(l) + t3.get("project").applyAsLong(l) + atom(l, "R")
                + atom(l, "O") + atom(l, "A"));
        tables.put("expenditure", area("expenditure", t3, classes));

        Map<String, ToLongFunction<Node>> t6 = new LinkedHashMap<>();
        t6.put("basic", l -> atom(l, "Bg"));
        t6.put("project", l -> atom(l, "Pg"));
        t6.put("total", l -> atom(l, "Bg") + atom(l, "Pg"));
        tables.put("gpb_expenditure", area("gpb_expenditure", t6, classes));

        for (String[] f : new String[][]{{"gfb_income_expenditure", "f", "F"}, {"soc_income_expenditure", "s", "S"}}) {
            String x = f[1];
            String d = "d" + f[2];
            Map<String, ToLongFunction<Node>> m = new LinkedHashMap<>();
            m.put("opening", l -> atom(l, "O" + x));
            m.put("income", l -> atom(l, "B" + x) + atom(l, "P" + x) + atom(l, d));
            m.put("basic", l -> atom(l, "B" + x));
            m.put("project", l -> atom(l, "P" + x));
            m.put("expense_total", l -> atom(l, "B" + x) + atom(l, "P" + x));
            m.put("closing", l -> atom(l, "O" + x) + atom(l, d));
            tables.put(f[0], area(f[0], m, classes));
        }
        if (profile.table("soc_expenditure").isPresent()) {
            Map<String, ToLongFunction<Node>> m = new LinkedHashMap<>();
            m.put("basic", l -> atom(l, "Bs"));
            m.put("project", l -> atom(l, "Ps"));
            m.put("total", l -> atom(l, "Bs") + atom(l, "Ps"));
            tables.put("soc_expenditure", area("soc_expenditure", m, classes));
        }
        if (profile.table("gpb_expenditure_detail").isPresent()) {
            Map<String, ToLongFunction<Node>> t7 = new LinkedHashMap<>();
            Map<String, ToLongFunction<Node>> t5 = new LinkedHashMap<>();
            for (String e : ECON) {
                ToLongFunction<Node> g = l -> atom(l, "basicE" + e) + atom(l, "projE" + e);
                t7.put("e" + e, g);
                t5.put("e" + e, l -> g.applyAsLong(l) + atom(l, "gfbE" + e) + atom(l, "socE" + e));
            }
            t7.put("total", l -> atom(l, "Bg") + atom(l, "Pg"));
            t5.put("total", l -> atom(l, "Bg") + atom(l, "Pg") + atom(l, "Bf") + atom(l, "Pf") + atom(l, "Bs") + atom(l, "Ps"));
            tables.put("gpb_expenditure_detail", area("gpb_expenditure_detail", t7, classes));
            tables.put("fiscal_expenditure_detail", area("fiscal_expenditure_detail", t5, classes));
        }

        // 表8 / 表9: economic classes = Σ over leaves, split over their 款
        Map<String, Long> t8 = economic("gpb_basic_expenditure", "basicE");
        tables.put("gpb_basic_expenditure", fixed("gpb_basic_expenditure", t8));
        if (profile.table("gpb_project_expenditure").isPresent()) {
            tables.put("gpb_project_expenditure", fixed("gpb_project_expenditure", economic("gpb_project_expenditure", "projE")));
        }

        // 收入: fiscal income by fund
        long gpbExpense = sumLeaves(l -> atom(l, "Bg") + atom(l, "Pg"));
        long gpbIncome = gpbExpense + sumLeaves(l -> atom(l, "dG"));
        long gfbIncome = sumLeaves(l -> atom(l, "Bf") + atom(l, "Pf") + atom(l, "dF"));
        long socIncome = sumLeaves(l -> atom(l, "Bs") + atom(l, "Ps") + atom(l, "dS"));
        long nonFiscalExpense = sumLeaves(l -> atom(l, "Bn") + atom(l, "Pn") + atom(l, "R") + atom(l, "O") + atom(l, "A"));
        long openingGpb = 12345;
        long closingGpb = openingGpb + sumLeaves(l -> atom(l, "dG"));
        long openingGfb = sumLeaves(l -> atom(l, "Of"));
        long openingSoc = sumLeaves(l -> atom(l, "Os"));
        long closingGfb = sumLeaves(l -> atom(l, "Of") + atom(l, "dF"));
        long closingSoc = sumLeaves(l -> atom(l, "Os") + atom(l, "dS"));

        // non-fiscal income items, in total a little more than non-fiscal spending
        String[] nf = {"superior_subsidy", "business", "operating", "affiliated", "other"};
        long[] nfIncome = parts(nonFiscalExpense + 50_000, nf.length);
        long fiscalIncome = gpbIncome + gfbIncome + socIncome;

        // 表2 收入决算表: only the deep classes, income spread over their 项
        List<Node> incomeClasses = classes.stream().filter(c -> !c.leaf()).toList();
        List<Node> incomeLeaves = new ArrayList<>();
        incomeClasses.forEach(c -> c.children().forEach(k -> incomeLeaves.addAll(k.children())));
        Map<String, long[]> incomeSplit = new HashMap<>();
        incomeSplit.put("fiscal", parts(fiscalIncome, incomeLeaves.size()));
        for (int i = 0; i < nf.length; i++) {
            incomeSplit.put(nf[i], parts(nfIncome[i], incomeLeaves.size()));
        }
        Map<String, ToLongFunction<Node>> t2 = new LinkedHashMap<>();
        for (String col : incomeSplit.keySet()) {
            t2.put(col, l -> incomeSplit.get(col)[incomeLeaves.indexOf(l)]);
        }
        t2.put("total", l -> incomeSplit.values().stream().mapToLong(p -> p[incomeLeaves.indexOf(l)]).sum());
        tables.put("income", area("income", t2, incomeClasses));

        // 表4 财政拨款收入支出决算总表
        Map<String, Long> t1 = new HashMap<>();
        Map<String, Long> t4 = new HashMap<>();
        t4.put("gpb|amount", gpbIncome);
        t4.put("gfb|amount", gfbIncome);
        t4.put("soc|amount", socIncome);
        t4.put("opening_gpb|amount", openingGpb);
        t4.put("opening_gfb|amount", openingGfb);
        t4.put("opening_soc|amount", openingSoc);
        for (Node c : classes) {
            t4.put(c.code() + "|gpb", value(c, l -> atom(l, "Bg") + atom(l, "Pg")));
            t4.put(c.code() + "|gfb", value(c, l -> atom(l, "Bf") + atom(l, "Pf")));
            t4.put(c.code() + "|soc", value(c, l -> atom(l, "Bs") + atom(l, "Ps")));
        }
        for (String z : zeroClasses) {
            t4.put(z + "|gpb", 0L);
            t4.put(z + "|gfb", 0L);
            t4.put(z + "|soc", 0L);
            t1.put(z + "|amount", 0L);
        }
        t4.put("closing_balance|gpb", closingGpb);
        t4.put("closing_balance|gfb", closingGfb);
        t4.put("closing_balance|soc", closingSoc);
        tables.put("fiscal_summary", fixed("fiscal_summary", t4));

        // 表1 收入支出决算总表
        t1.put("gpb|amount", gpbIncome);
        t1.put("gfb|amount", gfbIncome);
        t1.put("soc|amount", socIncome);
        for (int i = 0; i < nf.length; i++) {
            t1.put(nf[i] + "|amount", nfIncome[i]);
        }
        long use = 1000;
        long opening = openingGpb + openingGfb + openingSoc + 5000;
        long distribution = 500;
        long totalIncome = fiscalIncome + nfIncome[0] + nfIncome[1] + nfIncome[2] + nfIncome[3] + nfIncome[4];
        long totalExpense = 0;
        for (Node c : classes) {
            long v = value(c, t3.get("total"));
            t1.put(c.code() + "|amount", v);
            totalExpense += v;
        }
        t1.put("use_nonfiscal_balance|amount", use);
        t1.put("opening_balance|amount", opening);
        t1.put("distribution|amount", distribution);
        t1.put("closing_balance|amount", totalIncome + use + opening - totalExpense - distribution);
        tables.put("income_expense_summary", fixed("income_expense_summary", t1));

        // 三公: 决算 at least the 表8 items
        Map<String, Long> san = new HashMap<>();
        san.put("amount|b_abroad", 30_00L);
        san.put("amount|b_vehicle_purchase", 20_00L);
        san.put("amount|b_vehicle_operation", 15_00L);
        san.put("amount|b_reception", 10_00L);
        san.put("amount|f_abroad", t8.getOrDefault("30212|amount", 0L) + 1_23);
        san.put("amount|f_vehicle_purchase", t8.getOrDefault("31013|amount", 0L) + 2_34);
        san.put("amount|f_vehicle_operation", t8.getOrDefault("30231|amount", 0L) + 3_45);
        san.put("amount|f_reception", t8.getOrDefault("30217|amount", 0L) + 4_56);
        tables.put("three_public", fixed("three_public", san));
        if (profile.table("gfb_three_public").isPresent()) {
            Map<String, Long> g = new HashMap<>();
            String[] cols = {"b_abroad", "b_vehicle_purchase", "b_vehicle_operation", "b_reception", "f_abroad",
                    "f_vehicle_purchase", "f_vehicle_operation", "f_reception"};
            for (int i = 0; i < cols.length; i++) {
                g.put("amount|" + cols[i], 1_11L * (i + 1));
            }
            tables.put("gfb_three_public", fixed("gfb_three_public", g));
        }
        tables.keySet().removeIf(k -> profile.table(k).isEmpty());
        return new ReportData(profile.id(), year, new UnitInfo("全表测试单位", null), "万元", tables);
    }

    /** Economic-class amounts of 表8/表9: each 类 = Σ of the leaves' split; its 款 share it out. "code" → cents. */
    private Map<String, Long> economic(String table, String prefix) {
        Map<String, Long> out = new HashMap<>();
        TableLayout t = profile.table(table).orElseThrow();
        for (BlockDef b : t.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.key() == null || r.key().length() != 3 || !r.isSum()) {
                    continue;
                }
                long total = sumLeaves(l -> atom(l, prefix + r.key()));
                long[] p = parts(total, r.sum().size());
                for (int i = 0; i < p.length; i++) {
                    out.put(r.sum().get(i) + "|amount", p[i]);
                }
            }
        }
        return out;
    }

    private long value(Node n, ToLongFunction<Node> leafValue) {
        if (n.leaf()) {
            return leafValue.applyAsLong(n);
        }
        long s = 0;
        for (Node c : n.children()) {
            s += value(c, leafValue);
        }
        return s;
    }

    /** A 科目 table: rows in pre-order, each column the leaves' values added up; the 合计 row = Σ classes. */
    private TableData area(String table, Map<String, ToLongFunction<Node>> cols, List<Node> roots) {
        List<SubjectRow> rows = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        for (Node c : roots) {
            addRows(c, cols, rows);
            cols.forEach((k, f) -> total.merge(k, money(value(c, f)), BigDecimal::add));
        }
        TableLayout t = profile.table(table).orElseThrow();
        for (RowDef r : t.areaBlock().orElseThrow().rows()) {
            if (r.isSumOfClasses()) {
                values.put(r.key(), total);
            }
        }
        return new TableData(values, rows, null);
    }

    private void addRows(Node n, Map<String, ToLongFunction<Node>> cols, List<SubjectRow> out) {
        Map<String, BigDecimal> a = new LinkedHashMap<>();
        cols.forEach((k, f) -> a.put(k, money(value(n, f))));
        out.add(new SubjectRow(n.code(), n.name(), a));
        n.children().forEach(c -> addRows(c, cols, out));
    }

    /**
     * A table of fixed rows: the given input cells ("row|col" → cents); every descriptor sum (rows, then columns)
     * computed from them.
     */
    private TableData fixed(String table, Map<String, Long> inputs) {
        TableLayout t = profile.table(table).orElseThrow();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        for (BlockDef b : t.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.key() == null || r.isArea()) {
                    continue;
                }
                Map<String, BigDecimal> cols = new LinkedHashMap<>();
                for (ColumnDef c : b.amountColumns()) {
                    cols.put(c.key(), money(cell(t, r.key(), c.key(), inputs)));
                }
                values.put(r.key(), cols);
            }
        }
        return new TableData(values, null, null);
    }

    private long cell(TableLayout t, String row, String col, Map<String, Long> inputs) {
        RowDef r = t.row(row).orElseThrow();
        BlockDef b = t.blockOfRow(row).orElseThrow();
        if (r.isSum() && !r.isSumOfClasses()) {
            long s = 0;
            for (String k : r.sum()) {
                if (t.blockOfRow(k).flatMap(x -> x.column(col)).isPresent()) {
                    s += cell(t, k, col, inputs);
                }
            }
            return s;
        }
        ColumnDef c = b.column(col).orElseThrow();
        if (!c.sum().isEmpty()) {
            long s = 0;
            for (String k : c.sum()) {
                s += cell(t, row, k, inputs);
            }
            return s;
        }
        Long v = inputs.get(row + "|" + col);
        if (v == null) {
            throw new IllegalStateException("no generated value for " + t.key() + " " + row + "." + col);
        }
        return v;
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
