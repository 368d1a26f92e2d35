package cn.juesuan.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two sums of cells (left = the reported side, right = what it should be) and reports the outcome:
 * nothing when it holds; 信息 (尾差) when the difference is within n × the per-cell rounding tolerance, n being the
 * number of non-zero cells in the identity; otherwise a finding of the rule's severity.
 */
final class Identity {
    enum Op {
        EQ("="), GE("≥"), LE("≤");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }
    }

    static final String ROUNDING_NOTE = "（差额在尾差范围 ±{tolerance}{unit} 内（{n} 个数各自四舍五入），按尾差处理。）";

    private Identity() {
    }

    /**
     * @return true when a finding (of any severity) was added
     */
    static boolean check(Context ctx, BaseRule rule, Op op, List<Term> left, List<Term> right,
                         Map<String, String> vars, String defaultTemplate) {
        boolean anyValue = false;
        boolean anyCell = false;
        BigDecimal l = BigDecimal.ZERO;
        BigDecimal r = BigDecimal.ZERO;
        int nonZero = 0;
        for (Term t : left) {
            l = l.add(t.signedValue());
            anyValue |= t.cell().value() != null;
            anyCell |= t.cell().loc() != null;
            nonZero += t.cell().isNonZero() ? 1 : 0;
        }
        for (Term t : right) {
            r = r.add(t.signedValue());
            anyValue |= t.cell().value() != null;
            anyCell |= t.cell().loc() != null;
            nonZero += t.cell().isNonZero() ? 1 : 0;
        }
        if (!anyValue || !anyCell) {
            return false;
        }
        BigDecimal d = l.subtract(r);
        BigDecimal shortfall = switch (op) {
            case EQ -> d.abs();
            case GE -> d.signum() >= 0 ? BigDecimal.ZERO : d.negate();
            case LE -> d.signum() <= 0 ? BigDecimal.ZERO : d;
        };
        if (shortfall.signum() == 0) {
            return false;
        }
        BigDecimal tol = rule.tolerance.of(nonZero, ctx.perCell());
        boolean rounding = shortfall.compareTo(tol) <= 0;
        Severity sev = rounding ? Severity.INFO : rule.severity();

        List<CellRef> cells = new ArrayList<>();
        left.forEach(t -> cells.add(t.cell()));
        right.forEach(t -> cells.add(t.cell()));
        CellRef anchor = cells.stream().filter(c -> c.loc() != null).findFirst().orElseThrow();
        FindingBuilder b = ctx.finding(rule).severity(sev).at(anchor);
        for (CellRef c : cells) {
            if (c != anchor) {
                b.cell(c);
            }
        }
        Set<CellRef> related = new LinkedHashSet<>();
        for (CellRef c : cells) {
            related.addAll(ctx.view(c.table()).precedents(List.of(c)));
        }
        b.related(related);
        b.numbers(l, r, d, tol).var("op", op.symbol).var("n", String.valueOf(Math.max(1, nonZero)));
        b.var("parts", parts(ctx, anchor, right, "、")).var("leftParts", parts(ctx, anchor, left, " + ")).vars(vars);
        String template = rule.messageOr(defaultTemplate);
        b.add(rounding ? template + ROUNDING_NOTE : template);
        return true;
    }

    /**
     * Short labels of the cells of a side, for messages: the row label where the column is the anchor's, the column
     * where the row is the anchor's, otherwise 《表》row/column.
     */
    static String parts(Context ctx, CellRef anchor, List<Term> side, String sep) {
        Set<String> names = new LinkedHashSet<>();
        for (Term t : side) {
            CellRef c = t.cell();
            TableView v = ctx.view(c.table());
            boolean sameTable = c.table().equals(anchor.table());
            boolean sameRow = sameTable && java.util.Objects.equals(c.rowKey(), anchor.rowKey())
                    && c.areaIndex() == anchor.areaIndex();
            String label = sameRow ? v.columnLeaf(c)
                    : sameTable && c.col().equals(anchor.col()) ? v.rowLabel(c)
                    : (sameTable ? "" : "《" + v.layout.title() + "》") + v.rowLabel(c) + "/" + v.columnLeaf(c);
            names.add((t.sign() < 0 ? "减 " : "") + label);
            if (names.size() > 6 && side.size() > 8) {
                names.add("等 " + side.size() + " 项");
                break;
            }
        }
        return String.join(sep, names);
    }
}
