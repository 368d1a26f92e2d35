package cn.juesuan.rules;

import cn.juesuan.layout.TableLayout;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Kind {@code unit-magnitude}: 元 typed into a 万元 table. Two signs: the header says "金额单位：元" where the profile
 * says 万元; or a value is at least {@code factor} times the median of the table's non-zero amounts (and at least
 * {@code minimum}), or a whole table's median is {@code factor} times the other tables' median.
 * <pre>{"id":"U1","kind":"unit-magnitude","severity":"提示","factor":1000,"minimum":"10000"}</pre>
 */
final class UnitMagnitudeRule extends BaseRule {
    private final List<String> tables;
    private final BigDecimal factor;
    private final BigDecimal minimum;

    UnitMagnitudeRule(RuleSpec s) {
        super(s);
        s.allow("tables", "factor", "minimum");
        List<String> t = s.listOrAll("tables");
        this.tables = t == null ? s.profile.tables().stream().map(TableLayout::key).toList() : t;
        tables.forEach(s::requireTable);
        this.factor = new BigDecimal(s.node.path("factor").asText("1000"));
        this.minimum = new BigDecimal(s.node.path("minimum").asText("10000"));
    }

    @Override
    public void check(Context ctx) {
        String expected = ctx.profile.moneyUnit();
        if (ctx.facts == null) {
            if ("万元".equals(expected) && "元".equals(ctx.moneyUnit)) {
                ctx.finding(this).add(messageOr("工作簿表头写“金额单位：元”，而表样 " + ctx.profile.id()
                        + " 规定为万元：请把金额换算为万元并改正表头。"));
            }
        }
        if (!"万元".equals(expected)) {
            return;
        }
        List<List<CellRef>> perTable = new ArrayList<>();
        for (String t : tables) {
            TableView v = ctx.view(t);
            List<CellRef> cells = v.missing() || !v.filled ? List.of() : v.nonZeroCells();
            perTable.add(cells);
            SheetFacts.TableFacts f = ctx.facts == null ? null : ctx.facts.table(t);
            if (f != null && "元".equals(f.moneyUnit())) {
                ctx.finding(this).table(t).rowLabel("金额单位").at(f.unitCell())
                        .add(messageOr("《{table}》表头写“金额单位：元”，而表样规定为万元：请核对金额是否以元填写，并改正表头。"));
            }
        }
        List<List<BigDecimal>> sizes = perTable.stream().map(cells -> cells.stream().map(c -> c.value().abs()).toList()).toList();
        List<Amount> all = sorted(sizes);
        for (int i = 0; i < tables.size(); i++) {
            List<CellRef> cells = perTable.get(i);
            if (cells.isEmpty()) {
                continue;
            }
            BigDecimal m = median(sizes.get(i));
            BigDecimal om = medianWithout(all, i, all.size() - cells.size());
            if (om != null && om.signum() > 0 && m.compareTo(minimum) >= 0 && m.compareTo(om.multiply(factor)) >= 0) {
                CellRef first = cells.get(0);
                ctx.finding(this).at(first).numbers(m, om, null, null)
                        .var("ratio", ratio(m, om))
                        .add("《{table}》金额的中位数 {reported} 约为其他表的 {ratio} 倍，像是整张表以元填写：请核对金额单位。");
                continue;
            }
            for (CellRef c : cells) {
                BigDecimal v = c.value().abs();
                if (v.compareTo(minimum) >= 0 && m.signum() > 0 && v.compareTo(m.multiply(factor)) >= 0) {
                    ctx.finding(this).at(c).numbers(c.value(), null, null, null).var("ratio", ratio(v, m))
                            .var("median", Messages.amount(m))
                            .add("“{row}”的“{column}”{reported} 约为本表其他金额（中位数 {median}）的 {ratio} 倍，像是以元填入了万元表：请核对。");
                }
            }
        }
    }


    /** An amount of a table, as a size (absolute value). */
    record Amount(BigDecimal abs, int table) {
    }

    /** Every table's amounts, sorted once by size (stable, as {@link #median} sorts: ties keep table order). */
    static List<Amount> sorted(List<List<BigDecimal>> sizes) {
        List<Amount> all = new ArrayList<>();
        for (int j = 0; j < sizes.size(); j++) {
            for (BigDecimal v : sizes.get(j)) {
                all.add(new Amount(v, j));
            }
        }
        all.sort(Comparator.comparing(Amount::abs));
        return all;
    }

    /** The median of the other tables' amounts: what median() of their amounts gives, without sorting them again. */
    static BigDecimal medianWithout(List<Amount> sorted, int table, int others) {
        if (others == 0) {
            return null;
        }
        int n = 0;
        for (Amount a : sorted) {
            if (a.table() != table && n++ == others / 2) {
                return a.abs();
            }
        }
        throw new IllegalStateException("fewer amounts than counted");
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> s = new ArrayList<>(values);
        s.sort(null);
        return s.get(s.size() / 2);
    }

    private static String ratio(BigDecimal a, BigDecimal b) {
        return a.divide(b, new MathContext(2, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }
}
