package cn.juesuan.rules;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.TableLayout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sum of cells, possibly across tables: {@code table!row.column} terms joined by + and −.
 * <ul>
 *   <li>{@code income_expense_summary!total_income.amount} — a fixed row by its key;</li>
 *   <li>{@code expenditure!#206.total} — the 科目 row with code 206;</li>
 *   <li>{@code {code}} and {@code {col}} — placeholders set by a rule's forEach / columns.</li>
 * </ul>
 * A row or 科目 the table does not have reads as an empty cell (0).
 */
final class Expr {
    private static final Pattern TERM = Pattern.compile("([a-z][a-z0-9_]*)!(#?[A-Za-z0-9_{}]+)\\.([A-Za-z0-9_{}]+)");

    record TermSpec(int sign, String table, String row, String col) {
        boolean isArea() {
            return row.startsWith("#");
        }

        String resolveRow(Map<String, String> vars) {
            return substitute(row, vars);
        }

        String resolveCol(Map<String, String> vars) {
            return substitute(col, vars);
        }
    }

    final String text;
    final List<TermSpec> terms;

    private Expr(String text, List<TermSpec> terms) {
        this.text = text;
        this.terms = List.copyOf(terms);
    }

    static Expr parse(String text) {
        String s = text.replace('−', '-').replace('－', '-').replace('＋', '+').trim();
        List<TermSpec> terms = new ArrayList<>();
        int sign = 1;
        int i = 0;
        boolean expectTerm = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '+' || c == '-') {
                if (!expectTerm && !terms.isEmpty()) {
                    expectTerm = true;
                    sign = c == '-' ? -1 : 1;
                } else if (terms.isEmpty() && expectTerm) {
                    sign = c == '-' ? -sign : sign;
                } else {
                    throw new IllegalArgumentException("表达式“" + text + "”在第 " + (i + 1) + " 个字符处多了运算符");
                }
                i++;
            } else {
                Matcher m = TERM.matcher(s);
                m.region(i, s.length());
                if (!expectTerm || !m.lookingAt()) {
                    throw new IllegalArgumentException("表达式“" + text + "”第 " + (i + 1)
                            + " 个字符起无法识别（应为 表键!行键.列键 或 表键!#科目编码.列键，用 + - 连接）");
                }
                terms.add(new TermSpec(sign, m.group(1), m.group(2), m.group(3)));
                sign = 1;
                expectTerm = false;
                i = m.end();
            }
        }
        if (terms.isEmpty() || expectTerm) {
            throw new IllegalArgumentException("表达式“" + text + "”不完整");
        }
        return new Expr(text, terms);
    }

    /** Checks tables, rows and columns against the profile (placeholders are checked when they are set). */
    void validate(Profile profile) {
        for (TermSpec t : terms) {
            TableLayout table = profile.table(t.table()).orElseThrow(() ->
                    new IllegalArgumentException("表样 " + profile.id() + " 中没有表 " + t.table()));
            Optional<BlockDef> block;
            if (t.isArea()) {
                block = table.areaBlock();
                if (block.isEmpty()) {
                    throw new IllegalArgumentException("《" + table.title() + "》没有科目区，不能用 #编码 取行");
                }
            } else if (t.row().contains("{")) {
                block = table.blocks().stream().filter(b -> t.col().contains("{") || b.column(t.col()).isPresent())
                        .findFirst();
            } else {
                block = table.blockOfRow(t.row());
                if (block.isEmpty()) {
                    throw new IllegalArgumentException("《" + table.title() + "》没有行 " + t.row());
                }
            }
            if (!t.col().contains("{") && (block.isEmpty() || block.get().column(t.col()).filter(c -> c.isAmount()).isEmpty())) {
                throw new IllegalArgumentException("《" + table.title() + "》行 " + t.row() + " 所在列组没有金额列 " + t.col());
            }
        }
    }

    Set<String> tables() {
        Set<String> out = new LinkedHashSet<>();
        terms.forEach(t -> out.add(t.table()));
        return out;
    }

    boolean uses(String placeholder) {
        String p = "{" + placeholder + "}";
        return terms.stream().anyMatch(t -> t.row().contains(p) || t.col().contains(p));
    }

    /** The cells of the expression with placeholders set; rows or 科目 the table lacks give empty cells. */
    List<Term> resolve(Context ctx, Map<String, String> vars) {
        List<Term> out = new ArrayList<>(terms.size());
        for (TermSpec t : terms) {
            TableView v = ctx.view(t.table());
            String row = t.resolveRow(vars);
            String col = t.resolveCol(vars);
            CellRef c;
            if (row.startsWith("#")) {
                c = v.areaByCode(row.substring(1), col);
            } else if (v.row(row).isPresent() && v.blockOfRow(row).flatMap(b -> b.column(col)).isPresent()) {
                c = v.fixed(row, col);
            } else {
                c = new CellRef(t.table(), row, -1, col, null, null);
            }
            out.add(new Term(t.sign(), c));
        }
        return out;
    }

    private static String substitute(String s, Map<String, String> vars) {
        if (!s.contains("{")) {
            return s;
        }
        String out = s;
        for (Map.Entry<String, String> e : vars.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
