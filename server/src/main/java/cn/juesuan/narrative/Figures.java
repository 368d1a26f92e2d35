package cn.juesuan.narrative;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.rules.Severity;
import cn.juesuan.text.Text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every figure of the 决算情况说明, computed from this year's tables, last year's (optional) and the 全年预算 (optional),
 * all in 万元. Shares use the denominators of the official wording: 收入 over 本年收入合计, 支出 over 本年支出合计,
 * each 类 over 一般公共预算财政拨款支出, each “三公” item over the “三公” 决算 total; completion = 决算 / 全年预算.
 */
public final class Figures {
    public static final String GRAND_TOTAL = "grand_total";
    public static final String GRAND_TOTAL_EXPENSE = "grand_total_expense";
    public static final String INCOME_TOTAL = "income.total";
    public static final String EXPENSE_TOTAL = "expense.total";
    public static final String FISCAL_TOTAL = "fiscal.grand_total";
    public static final String FISCAL_EXPENSE_TOTAL = "fiscal.grand_total_expense";
    public static final String GPB = "gpb.expense";
    public static final String GPB_BASIC = "gpb.basic";
    public static final String PERSONNEL = "personnel";
    public static final String PUBLIC = "public";
    public static final String THREE_TOTAL = "three.total";
    public static final String GFB = "gfb.expense";
    public static final String SOC = "soc.expense";
    public static final String ADMIN_COST = "admin_cost";
    /** The three “三公” items, in the order the narrative lists them. */
    public static final List<String> THREE_ITEMS = List.of("three.abroad", "three.vehicle", "three.reception");

    private static final Pattern ORDINAL = Pattern.compile("^\\s*(?:[一二三四五六七八九十]+|\\d+)[、.．]\\s*");
    private static final String[][] THREE = {
            {"three.total", "total", "“三公”经费财政拨款支出"},
            {"three.abroad", "abroad", "因公出国（境）费"},
            {"three.vehicle", "vehicle", "公务用车购置及运行维护费"},
            {"three.vehicle_purchase", "vehicle_purchase", "公务用车购置费"},
            {"three.vehicle_operation", "vehicle_operation", "公务用车运行维护费"},
            {"three.reception", "reception", "公务接待费"}};

    private final ReportData data;
    private final Profile profile;
    private final int previousYear;
    private final boolean hasPrevious;
    private final String previousUnit;
    private final Budgets budgets;
    private final Map<String, Quantity> byKey = new LinkedHashMap<>();
    private final Map<String, String> subjectNames = new LinkedHashMap<>();
    private final List<String> incomeSources = new ArrayList<>();
    private final List<String> expenseKinds = new ArrayList<>();
    private final List<String> classes = new ArrayList<>();
    private final List<String> items = new ArrayList<>();
    private final List<String> personnelItems = new ArrayList<>();
    private final List<String> publicItems = new ArrayList<>();

    private Figures(ReportData data, Profile profile, ReportData previous, Budgets budgets) {
        this.data = data;
        this.profile = profile;
        this.hasPrevious = previous != null;
        this.previousUnit = previous == null ? null : previous.unit().name();
        this.budgets = budgets == null ? Budgets.NONE : budgets;
        this.previousYear = previous != null && previous.year() != null ? previous.year()
                : data.year() == null ? 0 : data.year() - 1;
    }

    /**
     * @param current  this year's tables
     * @param previous last year's tables, or null
     * @param budgets  全年预算 by 科目, or null
     */
    public static Figures of(ReportData current, ReportData previous, Budgets budgets, ProfileRegistry registry) {
        Profile p = profileOf(current, registry);
        Figures f = new Figures(current, p, previous, budgets);
        Map<String, BigDecimal> now = f.extract(current, p, true);
        Map<String, BigDecimal> before = previous == null ? Map.of() : f.extract(previous, profileOf(previous, registry), false);
        f.assemble(now, before);
        return f;
    }

    private static Profile profileOf(ReportData d, ProfileRegistry registry) {
        if (d.profile() != null && registry.exists(d.profile())) {
            return registry.get(d.profile());
        }
        return d.year() == null ? registry.defaultProfile() : registry.forYear(d.year());
    }

    // --- queries ----------------------------------------------------------------------------------------------

    public Optional<Quantity> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The quantity; fails for a key the figures do not have (a programming error). */
    public Quantity q(String key) {
        Quantity q = byKey.get(key);
        if (q == null) {
            throw new IllegalArgumentException("no figure " + key);
        }
        return q;
    }

    public BigDecimal value(String key) {
        Quantity q = byKey.get(key);
        return q == null ? null : q.value();
    }

    public Map<String, Quantity> all() {
        return Collections.unmodifiableMap(byKey);
    }

    /** Share of the quantity in its base, in %; null when undetermined (no base, or base 0). */
    public BigDecimal share(String key) {
        Quantity q = byKey.get(key);
        if (q == null || q.base() == null) {
            return null;
        }
        return Calc.percent(q.value(), value(q.base()));
    }

    /** This year − last year; null without last year's figures. */
    public BigDecimal change(String key) {
        Quantity q = byKey.get(key);
        if (q == null || q.value() == null || q.previous() == null) {
            return null;
        }
        return q.value().subtract(q.previous());
    }

    /** Change in % of last year; null without last year or when last year was 0. */
    public BigDecimal changeRate(String key) {
        Quantity q = byKey.get(key);
        return q == null ? null : Calc.percent(change(key), q.previous());
    }

    /** 决算 / 全年预算 in %; null when the budget is unknown or 0. */
    public BigDecimal completion(String key) {
        Quantity q = byKey.get(key);
        return q == null ? null : Calc.percent(q.value(), q.budget());
    }

    public int year() {
        return data.year() == null ? 0 : data.year();
    }

    public int previousYear() {
        return previousYear;
    }

    public boolean hasPrevious() {
        return hasPrevious;
    }

    /** Last year's unit name when it differs from this year's, else null. */
    public String previousUnitIfDifferent() {
        return previousUnit == null || data.unit().name() == null
                || Text.key(previousUnit).equals(Text.key(data.unit().name())) ? null : previousUnit;
    }

    public Budgets budgets() {
        return budgets;
    }

    public String unitName() {
        return data.unit().name() == null ? "本单位" : data.unit().name();
    }

    public Profile profile() {
        return profile;
    }

    public ReportData data() {
        return data;
    }

    /** Keys of the income sources of 本年收入合计, in table order. */
    public List<String> incomeSources() {
        return incomeSources;
    }

    /** Keys of the parts of 本年支出合计 (基本支出, 项目支出, …), in column order. */
    public List<String> expenseKinds() {
        return expenseKinds;
    }

    /** Keys of the 类 of the 一般公共预算财政拨款支出决算表, in printed order. */
    public List<String> classes() {
        return classes;
    }

    /** Keys of the lowest-level 科目 (usually 项) of the 一般公共预算财政拨款支出决算表, in printed order. */
    public List<String> items() {
        return items;
    }

    public List<String> personnelItems() {
        return personnelItems;
    }

    public List<String> publicItems() {
        return publicItems;
    }

    /** Name of a 功能分类 code as the tables print it, or null. */
    public String subjectName(String code) {
        return subjectNames.get(code);
    }

    /** The code of a "subject.<code>" key. */
    public static String codeOf(String subjectKey) {
        return subjectKey.substring(subjectKey.indexOf('.') + 1);
    }

    public static String subjectKey(String code) {
        return "subject." + code;
    }

    // --- building ---------------------------------------------------------------------------------------------

    private final Map<String, String[]> meta = new LinkedHashMap<>(); // key → {label, base, source}

    private void describe(String key, String label, String base, String source) {
        meta.putIfAbsent(key, new String[]{label, base, source});
    }

    /** Values of one year by key; with describe = true it also records labels, bases, sources and the lists. */
    private Map<String, BigDecimal> extract(ReportData d, Profile p, boolean describe) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        boolean yuan = "元".equals(d.moneyUnitOr(p.moneyUnit()));
        Tables t = new Tables(d, yuan);
        String ies = title(p, "income_expense_summary", "收入支出决算总表");
        String exp = title(p, "expenditure", "支出决算表");
        String gpbTitle = title(p, "gpb_expenditure", "一般公共预算财政拨款支出决算表");
        String basicTitle = title(p, "gpb_basic_expenditure", "一般公共预算财政拨款基本支出决算表");
        String threeTitle = title(p, "three_public", "财政拨款“三公”经费支出决算表");

        m.put(GRAND_TOTAL, first(t.v("income_expense_summary", "grand_total_income", "amount"),
                t.v("income_expense_summary", "grand_total_expense", "amount")));
        m.put(GRAND_TOTAL_EXPENSE, first(t.v("income_expense_summary", "grand_total_expense", "amount"), m.get(GRAND_TOTAL)));
        m.put(INCOME_TOTAL, first(t.v("income_expense_summary", "total_income", "amount"),
                t.v("income", "total", "total")));
        m.put(EXPENSE_TOTAL, first(t.v("expenditure", "total", "total"),
                t.v("income_expense_summary", "total_expense", "amount")));
        if (describe) {
            describe(GRAND_TOTAL, "收入、支出总计", null, "《" + ies + "》总计");
            describe(GRAND_TOTAL_EXPENSE, "支出总计", null, "《" + ies + "》支出总计");
            describe(INCOME_TOTAL, "本年收入合计", null, "《" + ies + "》本年收入合计");
            describe(EXPENSE_TOTAL, "本年支出合计", null, "《" + exp + "》合计行的本年支出合计");
        }
        for (RowDef r : incomeRows(p)) {
            String key = "income." + r.key();
            m.put(key, t.vz("income_expense_summary", r.key(), "amount"));
            if (describe) {
                String label = stripOrdinal(r.label());
                describe(key, label, INCOME_TOTAL, "《" + ies + "》" + label);
                incomeSources.add(key);
            }
        }
        for (ColumnDef c : expenseColumns(p)) {
            String key = "expense." + c.key();
            m.put(key, t.vz("expenditure", "total", c.key()));
            if (describe) {
                describe(key, c.leafHeader(), EXPENSE_TOTAL, "《" + exp + "》合计行的" + c.leafHeader());
                expenseKinds.add(key);
            }
        }

        String fs = title(p, "fiscal_summary", "财政拨款收入支出决算总表");
        m.put(FISCAL_TOTAL, first(t.v("fiscal_summary", "grand_total_income", "amount"),
                t.v("fiscal_summary", "grand_total_expense", "total")));
        m.put(FISCAL_EXPENSE_TOTAL, first(t.v("fiscal_summary", "grand_total_expense", "total"), m.get(FISCAL_TOTAL)));
        m.put(GPB, first(t.v("gpb_expenditure", "total", "total"), t.v("fiscal_summary", "total_expense", "gpb")));
        m.put(GPB_BASIC, t.v("gpb_expenditure", "total", "basic"));
        m.put("gpb.project", t.v("gpb_expenditure", "total", "project"));
        if (describe) {
            describe(FISCAL_TOTAL, "财政拨款收入、支出总计", null, "《" + fs + "》总计");
            describe(FISCAL_EXPENSE_TOTAL, "财政拨款支出总计", null, "《" + fs + "》支出总计");
            describe(GPB, "一般公共预算财政拨款支出", EXPENSE_TOTAL, "《" + gpbTitle + "》合计");
            describe(GPB_BASIC, "一般公共预算财政拨款基本支出", null, "《" + gpbTitle + "》合计行的基本支出");
            describe("gpb.project", "一般公共预算财政拨款项目支出", null, "《" + gpbTitle + "》合计行的项目支出");
        }

        subjects(d, p, t, m, describe, gpbTitle);

        m.put(PERSONNEL, t.v("gpb_basic_expenditure", "personnel_total", "amount"));
        m.put(PUBLIC, t.v("gpb_basic_expenditure", "public_total", "amount"));
        m.put(ADMIN_COST, m.get(PUBLIC));
        if (describe) {
            describe(PERSONNEL, "人员经费", GPB_BASIC, "《" + basicTitle + "》人员经费合计");
            describe(PUBLIC, "公用经费", GPB_BASIC, "《" + basicTitle + "》公用经费合计");
            describe(ADMIN_COST, "机关运行经费", null, "《" + basicTitle + "》公用经费合计");
        }
        p.table("gpb_basic_expenditure").ifPresent(layout -> {
            for (BlockDef b : layout.blocks()) {
                for (RowDef r : b.rows()) {
                    if (r.code() == null || r.code().length() != 5) {
                        continue;
                    }
                    String key = "econ." + r.code();
                    m.put(key, t.vz("gpb_basic_expenditure", r.code(), "amount"));
                    if (describe) {
                        describe(key, r.label(), null, "《" + basicTitle + "》" + r.code() + " " + r.label());
                        (b.key().equals("personnel") ? personnelItems : publicItems).add(key);
                    }
                }
            }
        });

        for (String[] three : THREE) {
            m.put(three[0], t.v("three_public", "amount", "f_" + three[1]));
            m.put(three[0] + "#budget", t.v("three_public", "amount", "b_" + three[1]));
            if (describe) {
                describe(three[0], three[2], three[0].equals(THREE_TOTAL) || three[0].startsWith("three.vehicle_")
                        ? null : THREE_TOTAL, "《" + threeTitle + "》决算数的" + (three[0].equals(THREE_TOTAL) ? "合计" : three[2]));
            }
        }
        BigDecimal reception = m.get("three.reception");
        BigDecimal split = Calc.isZero(reception) ? BigDecimal.ZERO : null; // the tables split it only when it is 0
        m.put("three.reception_domestic", split);
        m.put("three.reception_foreign", split);
        if (describe) {
            describe("three.reception_domestic", "国内公务接待费", null, "《" + threeTitle + "》公务接待费（为0时国内、外事接待均为0）");
            describe("three.reception_foreign", "外事接待费", null, "《" + threeTitle + "》公务接待费（为0时国内、外事接待均为0）");
        }

        m.put(GFB, orZero(first(t.v("gfb_income_expenditure", "total", "expense_total"), null)));
        m.put(SOC, orZero(first(t.v("soc_expenditure", "total", "total"),
                t.v("soc_income_expenditure", "total", "expense_total"))));
        if (describe) {
            describe(GFB, "政府性基金预算财政拨款支出", EXPENSE_TOTAL,
                    "《" + title(p, "gfb_income_expenditure", "政府性基金预算财政拨款收入支出决算表") + "》本年支出合计");
            describe(SOC, "国有资本经营预算财政拨款支出", EXPENSE_TOTAL,
                    "《" + title(p, "soc_income_expenditure", "国有资本经营预算财政拨款收入支出决算表") + "》本年支出合计");
        }
        return m;
    }

    /** 功能分类 rows of the 一般公共预算财政拨款支出决算表, and every 类 of the profile (0 when absent). */
    private void subjects(ReportData d, Profile p, Tables t, Map<String, BigDecimal> m, boolean describe, String gpbTitle) {
        List<SubjectRow> rows = d.table("gpb_expenditure").rows();
        for (int i = 0; i < rows.size(); i++) {
            SubjectRow r = rows.get(i);
            if (r.code() == null || r.level() == 0) {
                continue;
            }
            String key = subjectKey(r.code());
            m.put(key, t.scale(r.amounts().get("total")));
            if (describe) {
                subjectNames.putIfAbsent(r.code(), r.name());
                describe(key, r.name(), r.level() == 1 ? GPB : null, "《" + gpbTitle + "》" + r.code() + " " + r.name());
                if (r.level() == 1) {
                    classes.add(key);
                }
                boolean leaf = i + 1 >= rows.size() || rows.get(i + 1).code() == null
                        || !rows.get(i + 1).code().startsWith(r.code()) || rows.get(i + 1).code().length() <= r.code().length();
                if (leaf && r.level() > 1) {
                    items.add(key);
                }
            }
        }
        boolean hasGpb = d.tables().containsKey("gpb_expenditure");
        for (RowDef r : expenseClassRows(p)) {
            String key = subjectKey(r.key());
            if (!m.containsKey(key)) {
                m.put(key, hasGpb ? BigDecimal.ZERO : null);
            }
            if (describe) {
                String label = stripOrdinal(r.label());
                subjectNames.putIfAbsent(r.key(), label);
                describe(key, label, GPB, "《" + gpbTitle + "》" + r.key() + " " + label);
            }
        }
    }

    private void assemble(Map<String, BigDecimal> now, Map<String, BigDecimal> before) {
        for (Map.Entry<String, String[]> e : meta.entrySet()) {
            String key = e.getKey();
            String[] d = e.getValue();
            BigDecimal prev = hasPrevious ? orZero(before.get(key)) : null;
            if (hasPrevious && before.get(key) == null && now.get(key) == null) {
                prev = null;
            }
            Severity mismatch = key.equals(ADMIN_COST) ? Severity.WARNING : Severity.ERROR;
            byKey.put(key, new Quantity(key, d[0], now.get(key), prev, budgetOf(key, now), d[1], d[2], mismatch));
        }
    }

    private BigDecimal budgetOf(String key, Map<String, BigDecimal> now) {
        if (key.startsWith("three.")) {
            return now.get(key + "#budget");
        }
        if (key.startsWith("subject.")) {
            return subjectBudget(codeOf(key));
        }
        if (key.equals(GPB)) {
            if (budgets.total() != null) {
                return budgets.total();
            }
            return sumOrNull(classes.stream().map(k -> subjectBudget(codeOf(k))).toList());
        }
        return null;
    }

    /** The 科目's own budget, or the sum of its children's when each child has one. */
    private BigDecimal subjectBudget(String code) {
        BigDecimal own = budgets.of(code);
        if (own != null) {
            return own;
        }
        List<String> children = subjectNames.keySet().stream()
                .filter(c -> c.length() == code.length() + 2 && c.startsWith(code)).toList();
        if (children.isEmpty()) {
            return null;
        }
        return sumOrNull(children.stream().map(this::subjectBudget).toList());
    }

    private static BigDecimal sumOrNull(List<BigDecimal> values) {
        if (values.isEmpty() || values.contains(null)) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // --- layout helpers ---------------------------------------------------------------------------------------

    /** Rows of 本年收入合计's sources: the income block of the 收入支出决算总表 up to its total. */
    static List<RowDef> incomeRows(Profile p) {
        List<RowDef> out = new ArrayList<>();
        p.table("income_expense_summary").flatMap(t -> t.blocks().stream().filter(b -> b.key().equals("income")).findFirst())
                .ifPresent(b -> {
                    for (RowDef r : b.rows()) {
                        if ("total_income".equals(r.key())) {
                            break;
                        }
                        if (r.key() != null && !r.isSum()) {
                            out.add(r);
                        }
                    }
                });
        return out;
    }

    /** The 类 rows of the expense block of the 收入支出决算总表 (keys are 3-digit codes). */
    static List<RowDef> expenseClassRows(Profile p) {
        List<RowDef> out = new ArrayList<>();
        p.table("income_expense_summary").flatMap(t -> t.blocks().stream().filter(b -> b.key().equals("expense")).findFirst())
                .ifPresent(b -> b.rows().stream().filter(r -> r.key() != null && r.key().matches("\\d{3}")).forEach(out::add));
        return out;
    }

    private static List<ColumnDef> expenseColumns(Profile p) {
        return p.table("expenditure").map(t -> t.blocks().get(0).amountColumns().stream()
                .filter(c -> !c.key().equals("total")).toList()).orElse(List.of());
    }

    private static String title(Profile p, String key, String fallback) {
        return p.table(key).map(TableLayout::title).orElse(fallback);
    }

    static String stripOrdinal(String label) {
        return label == null ? "" : ORDINAL.matcher(label).replaceFirst("").strip();
    }

    private static BigDecimal first(BigDecimal a, BigDecimal b) {
        return a != null ? a : b;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** Table values in 万元; an empty cell of a table that has data is 0, of a table that is absent unknown. */
    private record Tables(ReportData d, boolean yuan) {
        BigDecimal v(String table, String row, String col) {
            return scale(d.table(table).value(row, col));
        }

        BigDecimal vz(String table, String row, String col) {
            BigDecimal v = v(table, row, col);
            return v == null && d.tables().containsKey(table) ? BigDecimal.ZERO : v;
        }

        BigDecimal scale(BigDecimal v) {
            return v == null || !yuan ? v : v.movePointLeft(4);
        }

        TableData table(String key) {
            return d.table(key);
        }
    }
}
