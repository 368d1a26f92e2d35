package cn.juesuan.narrative;

import cn.juesuan.narrative.NarrativeDoc.Block;
import cn.juesuan.narrative.NarrativeDoc.Chart;
import cn.juesuan.narrative.NarrativeDoc.Heading;
import cn.juesuan.narrative.NarrativeDoc.Para;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Writes the 第二部分 决算情况说明 (sections 一 to 十) from the figures, in the wording of the profile. */
public final class NarrativeGenerator {
    private final Figures f;
    private final Wording w;
    private final UnaryOperator<String> catalogueName;
    private final List<Block> blocks = new ArrayList<>();
    private int chartNo;

    /**
     * @param catalogueName name of a 功能分类 code from the code catalogue, or null; used for 类/款 names the tables
     *                      do not print
     */
    public NarrativeGenerator(Figures figures, Wording wording, UnaryOperator<String> catalogueName) {
        this.f = figures;
        this.w = wording;
        this.catalogueName = catalogueName == null ? c -> null : catalogueName;
    }

    public NarrativeDoc generate() {
        blocks.clear();
        chartNo = 0;
        para(w.t("intro", vars("notes", notes())));
        section1();
        structure("s2", Figures.INCOME_TOTAL, f.incomeSources(), "zeroIncome", "chart2.title");
        structure("s3", Figures.EXPENSE_TOTAL, f.expenseKinds(), "zeroExpense", "chart3.title");
        section4();
        section5();
        section6();
        section7();
        section8or9("s8", Figures.GFB);
        section8or9("s9", Figures.SOC);
        section10();
        return new NarrativeDoc(w.t("title", vars()), blocks);
    }

    private String notes() {
        List<String> n = new ArrayList<>();
        if (!f.hasPrevious()) {
            n.add("未提供" + f.previousYear() + "年度决算工作簿，与上年比较的增减额和增减率须人工填写（或提供上年工作簿后重新生成）。");
        }
        if (f.budgets().isEmpty()) {
            n.add("工作簿中没有“全年预算”表，各科目完成预算的比例须人工填写（决算助手生成的工作簿中附有该表，填好后重新生成即可）。");
        }
        n.addAll(f.budgets().notes());
        if (f.previousUnitIfDifferent() != null) {
            n.add("上年工作簿的单位是“" + f.previousUnitIfDifferent() + "”，与本年“" + f.unitName() + "”不同，请核实增减比较。");
        }
        return String.join("", n);
    }

    // --- sections ---------------------------------------------------------------------------------------------

    private void section1() {
        heading(1, "s1.title");
        para(w.t("s1.body", change(Figures.GRAND_TOTAL, vars("amount", amount(Figures.GRAND_TOTAL)))));
        chart(bar("chart1.title", List.of(new String[]{"收入总计", Figures.GRAND_TOTAL},
                new String[]{"支出总计", Figures.GRAND_TOTAL_EXPENSE})));
    }

    /** Sections 二 and 三: a total, its parts with their shares, and the pie chart of the parts. */
    private void structure(String id, String total, List<String> parts, String zeroOption, String chartTitle) {
        heading(1, id + ".title");
        List<String> keys = listed(parts, w.option(zeroOption));
        para(w.t(id + ".body", vars("amount", amount(total), "items", shareList(id + ".item", keys))));
        chart(pie(chartTitle, parts));
    }

    private void section4() {
        heading(1, "s4.title");
        para(w.t("s4.body", change(Figures.FISCAL_TOTAL, vars("amount", amount(Figures.FISCAL_TOTAL)))));
        chart(bar("chart4.title", List.of(new String[]{"财政拨款收入总计", Figures.FISCAL_TOTAL},
                new String[]{"财政拨款支出总计", Figures.FISCAL_EXPENSE_TOTAL})));
    }

    private void section5() {
        heading(1, "s5.title");
        heading(2, "s5.1.title");
        para(w.t("s5.1.body", change(Figures.GPB, vars("amount", amount(Figures.GPB), "share", share(Figures.GPB)))));
        chart(bar("chart5.title", List.<String[]>of(new String[]{"一般公共预算财政拨款支出", Figures.GPB})));

        heading(2, "s5.2.title");
        List<String> classes = listed(f.classes(), false);
        para(w.t("s5.2.body", vars("amount", amount(Figures.GPB), "items", shareList("s5.2.item", classes))));
        chart(pie("chart6.title", f.classes()));

        heading(2, "s5.3.title");
        para(w.t("s5.3.body", vars("amount", amount(Figures.GPB), "completion", completion(Figures.GPB))));
        int n = 1;
        for (String key : f.items()) {
            Map<String, String> v = vars("n", String.valueOf(n++), "path", path(Figures.codeOf(key)),
                    "amount", amount(key), "completion", completion(key), "gap", gap(key));
            para(w.t("s5.3.item", v));
        }
    }

    private void section6() {
        heading(1, "s6.title");
        para(w.t("s6.body", vars("amount", amount(Figures.GPB_BASIC))));
        boolean zeros = w.option("zeroEconomic");
        para(w.t("s6.personnel", vars("amount", amount(Figures.PERSONNEL),
                "items", itemList(listed(f.personnelItems(), zeros)))));
        para(w.t("s6.public", vars("amount", amount(Figures.PUBLIC), "items", itemList(listed(f.publicItems(), zeros)))));
    }

    private void section7() {
        heading(1, "s7.title");
        heading(2, "s7.1.title");
        para(w.t("s7.1.body", change(Figures.THREE_TOTAL,
                vars("amount", amount(Figures.THREE_TOTAL), "completion", completion(Figures.THREE_TOTAL)))));
        heading(2, "s7.2.title");
        List<String> items = new ArrayList<>();
        boolean noTotal = Calc.isZero(f.value(Figures.THREE_TOTAL)) || f.value(Figures.THREE_TOTAL) == null;
        for (String key : Figures.THREE_ITEMS) {
            items.add(w.t(noTotal ? "s7.2.itemNoShare" : "s7.2.item",
                    vars("label", f.q(key).label(), "amount", amount(key), "share", noTotal ? "" : share(key))));
        }
        para(w.t("s7.2.body", vars("items", String.join(w.t("list.sep"), items))));
        chart(pie("chart7.title", Figures.THREE_ITEMS));

        boolean abroadZero = Calc.isZero(f.value("three.abroad"));
        para(w.t(abroadZero ? "s7.abroad.zero" : "s7.abroad", change("three.abroad",
                vars("amount", amount("three.abroad"), "completion", completion("three.abroad")))));
        if (!abroadZero) {
            para(w.t("s7.abroad.content"));
        }
        para(w.t("s7.vehicle", change("three.vehicle",
                vars("amount", amount("three.vehicle"), "completion", completion("three.vehicle")))));
        para(w.t(Calc.isZero(f.value("three.vehicle_purchase")) ? "s7.purchase.zero" : "s7.purchase",
                vars("amount", amount("three.vehicle_purchase"))));
        para(w.t("s7.fleet", vars()));
        para(w.t(Calc.isZero(f.value("three.vehicle_operation")) ? "s7.operation.zero" : "s7.operation",
                vars("amount", amount("three.vehicle_operation"))));
        para(w.t("s7.reception", change("three.reception",
                vars("amount", amount("three.reception"), "completion", completion("three.reception")))));
        para(w.t(Calc.isZero(f.value("three.reception")) ? "s7.reception.zero" : "s7.reception.detail", vars()));
    }

    private void section8or9(String id, String key) {
        heading(1, id + ".title");
        Quantity q = f.q(key);
        boolean zero = Calc.isZero(q.value()) && (q.previous() == null || Calc.isZero(q.previous()));
        if (zero) {
            para(w.t(id + ".zero", vars()));
        } else {
            para(w.t(id + ".body", change(key, vars("amount", amount(key), "share", share(key)))));
        }
    }

    private void section10() {
        heading(1, "s10.title");
        heading(2, "s10.1.title");
        para(w.t("s10.1.body", change(Figures.ADMIN_COST, vars("amount", amount(Figures.ADMIN_COST)))));
        for (String sub : List.of("s10.2", "s10.3", "s10.4")) {
            heading(2, sub + ".title");
            para(w.t(sub + ".body", vars()));
        }
    }

    // --- phrases ----------------------------------------------------------------------------------------------

    private Map<String, String> vars(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("year", String.valueOf(f.year()));
        m.put("prevYear", String.valueOf(f.previousYear()));
        m.put("unit", f.unitName());
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Adds {change}, {each} and {reason} for the quantity's change on last year. */
    private Map<String, String> change(String key, Map<String, String> v) {
        Quantity q = f.q(key);
        v.put("vsPrev", w.t("vsPrev", v));
        BigDecimal d = f.change(key);
        if (d == null) {
            v.put("change", w.t("change.unknown", v));
            v.put("each", "各");
            v.put("reason", w.t("reason", v));
            return v;
        }
        if (d.signum() == 0) {
            v.put("change", w.t("change.flat", v));
            v.put("each", "");
            v.put("reason", "");
            return v;
        }
        Map<String, String> c = new HashMap<>(v);
        c.put("amount", Calc.amount(d.abs()));
        String template;
        if (q.previous().signum() == 0) {
            template = "change.fromZero";
        } else {
            template = d.signum() > 0 ? "change.up" : "change.down";
            c.put("rate", Calc.percentText(f.changeRate(key).abs()));
        }
        v.put("change", w.t(template, c));
        v.put("each", "各");
        v.put("reason", w.t("reason", v));
        return v;
    }

    private String completion(String key) {
        Quantity q = f.q(key);
        if (q.budget() == null || q.value() == null) {
            return w.t("completion.unknown", vars());
        }
        if (q.budget().signum() == 0) {
            return w.t("completion.zeroBudget", vars());
        }
        return w.t("completion", vars("rate", Calc.percentText(f.completion(key))));
    }

    private String gap(String key) {
        Quantity q = f.q(key);
        if (q.budget() == null || q.value() == null) {
            return "";
        }
        if (q.budget().signum() == 0) {
            return q.value().signum() == 0 ? "" : w.t("gap.zeroBudget", vars());
        }
        int c = Calc.sameCents(q.value(), q.budget()) ? 0 : q.value().compareTo(q.budget());
        return w.t(c < 0 ? "gap.under" : c == 0 ? "gap.equal" : "gap.over", vars());
    }

    private String amount(String key) {
        BigDecimal v = f.value(key);
        return v == null ? "【　】" : Calc.amount(v);
    }

    private String share(String key) {
        BigDecimal s = f.share(key);
        return s == null ? "【　】" : Calc.percentText(s);
    }

    private List<String> listed(List<String> keys, boolean zeros) {
        List<String> out = keys.stream().filter(k -> zeros || (f.value(k) != null && f.value(k).signum() != 0)).toList();
        return out.isEmpty() && !keys.isEmpty() ? keys.subList(0, 1) : out;
    }

    private String shareList(String template, List<String> keys) {
        if (keys.isEmpty()) {
            return w.t("s6.none");
        }
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            parts.add(w.t(template, vars("label", f.q(k).label(), "amount", amount(k), "share", share(k))));
        }
        return String.join(w.t("list.sep"), parts);
    }

    private String itemList(List<String> keys) {
        if (keys.isEmpty()) {
            return w.t("s6.none");
        }
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            parts.add(w.t("s6.item", vars("label", f.q(k).label(), "amount", amount(k))));
        }
        return String.join(w.t("s6.sep"), parts);
    }

    /** "科学技术支出（类）科学技术管理事务（款）行政运行（项）" from the tables' names, else the catalogue's. */
    private String path(String code) {
        Map<String, String> v = vars("lei", name(code.substring(0, 3)));
        if (code.length() >= 5) {
            v.put("kuan", name(code.substring(0, 5)));
        }
        if (code.length() == 7) {
            v.put("xiang", name(code));
            return w.t("path.3", v);
        }
        return w.t("path.2", v);
    }

    private String name(String code) {
        String n = f.subjectName(code);
        if (n == null) {
            n = catalogueName.apply(code);
        }
        return n == null ? "【" + code + " 科目名称】" : n;
    }

    // --- blocks and charts ------------------------------------------------------------------------------------

    private void heading(int level, String key) {
        blocks.add(new Heading(level, w.t(key, vars())));
    }

    private void para(String text) {
        blocks.add(new Para(text));
    }

    private void chart(ChartSpec spec) {
        String caption = w.t("chart.caption", vars("n", String.valueOf(spec.number()), "title", spec.title()));
        if (spec.isEmpty()) {
            blocks.add(new Para(w.t("chart.none", vars("title", caption))));
        } else {
            blocks.add(new Chart(spec, caption));
        }
    }

    /** A bar chart of last year against this year, one series per {name, key}. */
    private ChartSpec bar(String titleKey, List<String[]> series) {
        List<String> categories = new ArrayList<>();
        boolean prev = f.hasPrevious();
        if (prev) {
            categories.add(f.previousYear() + "年度");
        }
        categories.add(f.year() + "年度");
        List<ChartSpec.Series> out = new ArrayList<>();
        for (String[] s : series) {
            Quantity q = f.q(s[1]);
            List<BigDecimal> values = new ArrayList<>();
            if (prev) {
                values.add(orZero(q.previous()));
            }
            values.add(orZero(q.value()));
            out.add(new ChartSpec.Series(s[0], values));
        }
        return new ChartSpec(++chartNo, w.t(titleKey, vars()), ChartSpec.Kind.BAR, categories, out);
    }

    /** A pie chart of the non-zero parts. */
    private ChartSpec pie(String titleKey, List<String> keys) {
        List<String> categories = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        for (String k : keys) {
            BigDecimal v = f.value(k);
            if (v != null && v.signum() > 0) {
                categories.add(f.q(k).label());
                values.add(v);
            }
        }
        String title = w.t(titleKey, vars());
        return new ChartSpec(++chartNo, title, ChartSpec.Kind.PIE, categories,
                List.of(new ChartSpec.Series(title, values)));
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
