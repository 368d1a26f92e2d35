package cn.juesuan.narrative;

import cn.juesuan.narrative.NarrativeSource.Paragraph;
import cn.juesuan.rules.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares every number a narrative states with the tables: each amount with unit (万元, 元, 亿元) or % is attributed
 * to what it describes (by the words before it, in the context of its section), then amounts, shares, completion
 * rates and changes on last year are recomputed. Also: 元/万元 slips, a quantity stated twice with different values,
 * changes without a reason, unedited template words, blanks left 【】, and 类/款/项 paths that do not match the codes.
 */
public final class NarrativeChecker {
    static final BigDecimal PERCENT_POINTS = new BigDecimal("0.5");
    static final BigDecimal RELATIVE = new BigDecimal("0.01");
    static final BigDecimal CENT = new BigDecimal("0.005");

    /** What a number says about its figure. */
    enum Kind { AMOUNT, CHANGE, RATE, SHARE, COMPLETION }

    /** A number attributed to a figure (amounts in 万元, rates in %; a change's sign as stated, null if unstated). */
    record Mention(String key, Kind kind, BigDecimal value, Integer sign, Paragraph paragraph, String section,
                   String quote) {
    }

    private enum Part { UNKNOWN, OVERVIEW, BODY, GLOSSARY, APPENDIX, TABLES }

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(万元|亿元|元|%)?");
    private static final String TOKENS = "\\((?:类|款|项)\\)|\\d{7}|\\d{5}|支出|决算数|决算|合计|总计|共计|总额|金额|数额|数|为|是|达|共|均|各|:|,|、|\"|的|分别";
    private static final Pattern AMOUNT_GAP = Pattern.compile("^(?:" + TOKENS + ")*$");
    private static final Pattern CHANGE_GAP = Pattern.compile("^(?:" + TOKENS
            + "|比|较|与|相比|同比|上年同期|上一?年度?|\\d{4}年度?|年度|年)*$");
    private static final Pattern VERB = Pattern.compile(
            "(增加/减少|减少/增加|增长/下降|下降/增长|上升/下降|增加|减少|增长|下降|上升|降低|增幅|降幅|节约|超支)(?:了|为)?$");
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{7}|\\d{5})(?!\\d)");
    private static final Pattern REASON = Pattern.compile("原因(?:主要)?(?:是|为|系|在于)?[:：]?([^。]*)");
    private static final Pattern TEMPLATE = Pattern.compile("增加/减少|减少/增加|增长/下降|下降/增长|增加\\(减少\\)|增长\\(下降\\)");
    private static final Pattern BLANK = Pattern.compile("【[^】]*】");
    private static final Pattern LEVEL1 = Pattern.compile("^[一二三四五六七八九十]+[、.．]");
    private static final Pattern APPENDIX = Pattern.compile("^附件[一二三四五六七八九十\\d]*:?$");

    private final Figures f;
    private final Wording w;
    private final Lexicon lexicon;
    private final PathCheck paths;

    private final List<NarrativeFinding> findings = new ArrayList<>();
    private final List<Mention> mentions = new ArrayList<>();
    private final Map<String, List<Mention>> stated = new LinkedHashMap<>();
    private int checked;
    private int unresolved;
    private Part part;
    private String section;
    private String sectionTitle;

    NarrativeChecker(Figures figures, Wording wording, PathCheck paths) {
        this.f = figures;
        this.w = wording;
        this.lexicon = new Lexicon(figures, wording);
        this.paths = paths;
    }

    NarrativeReport check(List<Paragraph> paragraphs, String source) {
        findings.clear();
        mentions.clear();
        stated.clear();
        checked = 0;
        unresolved = 0;
        part = Part.UNKNOWN;
        section = null;
        sectionTitle = null;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            if (structure(p)) {
                continue;
            }
            if (part == Part.TABLES) {
                continue;
            }
            Norm n = Norm.of(p.text());
            for (PathCheck.Problem problem : paths.check(n.text)) {
                add(problem.wrongPath() ? "N-PATH" : "N-PATH-NAME", problem.wrongPath() ? Severity.ERROR : Severity.WARNING,
                        problem.message(), p, n.sentence(problem.start(), problem.end()), null, null, null);
            }
            if (part == Part.GLOSSARY) {
                continue;
            }
            blanksAndTemplates(p, n);
            numbers(p, n, i + 1 < paragraphs.size() ? paragraphs.get(i + 1) : null);
        }
        duplicates();
        return NarrativeReport.of(f, source, checked, unresolved, findings);
    }

    List<Mention> mentions() {
        return mentions;
    }

    // --- structure --------------------------------------------------------------------------------------------

    /** Tracks parts and sections; true when the paragraph is a heading (nothing to check in it). */
    private boolean structure(Paragraph p) {
        String t = Norm.key(p.text());
        Part to = t.startsWith("第一部分") ? Part.OVERVIEW : t.startsWith("第二部分") ? Part.BODY
                : t.startsWith("第三部分") ? Part.GLOSSARY : t.startsWith("第四部分") ? Part.APPENDIX
                : t.startsWith("第五部分") ? Part.TABLES : null;
        boolean heading = NarrativeSource.isHeading(p.text());
        if (to == null && (t.startsWith("名词解释") && t.length() <= 8)) {
            to = Part.GLOSSARY;
        }
        if (to == null && APPENDIX.matcher(t).matches()) {
            to = Part.APPENDIX;
        }
        if (to != null) {
            part = to;
            section = null;
            sectionTitle = p.text().strip();
            return true;
        }
        if (!heading) {
            return false;
        }
        if (part == Part.BODY || part == Part.UNKNOWN) {
            for (Wording.SectionDef s : w.sections()) {
                if (s.keywords().stream().anyMatch(k -> t.contains(Norm.key(k)))) {
                    section = s.id();
                    sectionTitle = p.text().strip();
                    return true;
                }
            }
            if (LEVEL1.matcher(t).find()) {
                section = null;
                sectionTitle = p.text().strip();
            }
        }
        return true;
    }

    // --- numbers ----------------------------------------------------------------------------------------------

    private void numbers(Paragraph p, Norm n, Paragraph next) {
        String text = n.text;
        String context = part == Part.BODY || part == Part.UNKNOWN ? section : null;
        String subject = null;
        int prevEnd = 0;
        Map<String, BigDecimal> changes = new HashMap<>();
        int changeAt = -1;
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String unit = m.group(2);
            BigDecimal number = new BigDecimal(m.group(1).replace(",", ""));
            boolean missingUnit = false;
            if (unit == null) {
                if (!unitless(text, m)) {
                    continue;
                }
                missingUnit = true;
            }
            int leadStart = Math.max(prevEnd, text.lastIndexOf('。', m.start() - 1) + 1);
            prevEnd = m.end();
            String lead = text.substring(leadStart, m.start());
            String tail = clauseTail(lead);
            String quote = n.sentence(m.start(), m.end());
            if ("%".equals(unit)) {
                Kind kind = percentKind(tail);
                if (kind == null || subject == null) {
                    unresolved++;
                    continue;
                }
                if (kind == Kind.RATE) {
                    Matcher v = VERB.matcher(tail);
                    if (!v.find() || !CHANGE_GAP.matcher(tail.substring(0, v.start())).matches()) {
                        unresolved++;
                        continue;
                    }
                    Integer sign = sign(v.group(1));
                    record(new Mention(subject, kind, number, sign, p, sectionTitle, quote));
                    rate(subject, number, sign, changes.get(subject), p, quote);
                    changeAt = changeAt < 0 && number.signum() != 0 && sign != null ? m.start() : changeAt;
                } else {
                    record(new Mention(subject, kind, number, null, p, sectionTitle, quote));
                    if (kind == Kind.SHARE) {
                        share(subject, number, p, quote);
                    } else {
                        completion(subject, number, p, quote);
                    }
                }
                continue;
            }
            BigDecimal wan = switch (unit == null ? "万元" : unit) {
                case "元" -> number.movePointLeft(4);
                case "亿元" -> number.movePointRight(4);
                default -> number;
            };
            Matcher verb = VERB.matcher(lead);
            if (verb.find()) {
                String key = changeSubject(context, text, leadStart, leadStart + verb.start(), subject);
                if (key == null) {
                    unresolved++;
                    continue;
                }
                subject = key;
                Integer sign = sign(verb.group(1));
                BigDecimal signed = sign == null ? wan : sign < 0 ? wan.negate() : wan;
                changes.put(key, sign == null ? null : signed);
                record(new Mention(key, Kind.CHANGE, wan, sign, p, sectionTitle, quote));
                change(key, wan, sign, p, quote);
                changeAt = changeAt < 0 && wan.signum() != 0 && sign != null ? m.start() : changeAt;
                continue;
            }
            String key = amountSubject(context, text, leadStart, m.start());
            if (key == null) {
                unresolved++;
                continue;
            }
            subject = key;
            amount(key, number, unit, wan, missingUnit, p, quote);
        }
        if (changeAt >= 0) {
            reason(p, n, changeAt, next);
        }
    }

    /** A bare number is an amount only in "…为1447.01，" (two decimals, after 为 or a colon). */
    private static boolean unitless(String text, Matcher m) {
        String num = m.group(1);
        int dot = num.indexOf('.');
        if (dot < 0 || num.length() - dot - 1 != 2 || m.start() == 0) {
            return false;
        }
        char before = text.charAt(m.start() - 1);
        char after = m.end() < text.length() ? text.charAt(m.end()) : '。';
        return (before == '为' || before == ':') && ",;。".indexOf(after) >= 0;
    }

    private static String clauseTail(String lead) {
        int cut = Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'));
        return lead.substring(cut + 1);
    }

    private static Kind percentKind(String tail) {
        Matcher v = VERB.matcher(tail);
        if (v.find()) {
            return Kind.RATE;
        }
        if (tail.contains("占") && tail.length() <= 16) {
            return Kind.SHARE;
        }
        if ((tail.contains("完成") || tail.contains("执行")) && tail.contains("预算") && !tail.contains("结转")
                && tail.length() <= 16) {
            return Kind.COMPLETION;
        }
        return null;
    }

    private static Integer sign(String verb) {
        if (verb.contains("/")) {
            return null;
        }
        return verb.matches("减少|下降|降低|降幅|节约") ? -1 : 1;
    }

    /** The figure an amount describes: the alias ending last before it, with only neutral words in between. */
    private String amountSubject(String context, String text, int from, int to) {
        Lexicon.Match a = lexicon.find(context, text, from, to);
        int aliasEnd = a == null ? -1 : a.end();
        String key = a == null ? null : pick(a.keys(), text.substring(from, to));
        if ("s5".equals(context)) {
            Matcher c = CODE.matcher(text.substring(from, to));
            String codeKey = null;
            int codeEnd = -1;
            while (c.find()) {
                if (f.get(Figures.subjectKey(c.group(1))).isPresent()) {
                    codeKey = Figures.subjectKey(c.group(1));
                    codeEnd = from + c.end();
                }
            }
            if (codeKey != null && codeEnd >= aliasEnd) {
                key = codeKey;
                aliasEnd = codeEnd;
            }
        }
        if (key == null || !AMOUNT_GAP.matcher(text.substring(aliasEnd, to)).matches()) {
            return null;
        }
        return key;
    }

    /** The figure a change describes: an alias before the verb, else the current subject when the clause is neutral. */
    private String changeSubject(String context, String text, int from, int verbAt, String subject) {
        Lexicon.Match a = lexicon.find(context, text, from, verbAt);
        if (a != null && CHANGE_GAP.matcher(text.substring(a.end(), verbAt)).matches()) {
            return pick(a.keys(), text.substring(from, verbAt));
        }
        String clause = clauseTail(text.substring(from, verbAt));
        int stop = clause.lastIndexOf('。');
        clause = clause.substring(stop + 1);
        return subject != null && CHANGE_GAP.matcher(clause).matches() ? subject : null;
    }

    /** One of several figures an alias may mean: the one whose code the text names, else the deepest 科目. */
    private String pick(List<String> keys, String lead) {
        if (keys.size() == 1) {
            return keys.get(0);
        }
        for (String k : keys) {
            if (k.startsWith("subject.") && lead.contains(Figures.codeOf(k))) {
                return k;
            }
        }
        return keys.stream().max((a, b) -> Integer.compare(a.length(), b.length())).orElse(keys.get(0));
    }

    // --- checks -----------------------------------------------------------------------------------------------

    private void amount(String key, BigDecimal number, String unit, BigDecimal wan, boolean missingUnit, Paragraph p,
                        String quote) {
        Quantity q = f.q(key);
        if (missingUnit) {
            add("N-UNIT", Severity.WARNING, "金额“" + number.toPlainString() + "”后没有写单位（应为“万元”）。", p, quote,
                    number, null, null);
        }
        if (q.value() == null) {
            record(new Mention(key, Kind.AMOUNT, wan, null, p, sectionTitle, quote));
            return;
        }
        checked++;
        BigDecimal value = q.value();
        BigDecimal tol = tolerance(number);
        if ("元".equals(unit)) {
            tol = tol.movePointLeft(4);
        }
        if (wan.subtract(value).abs().compareTo(tol.max(new BigDecimal("0.00005"))) <= 0) {
            record(new Mention(key, Kind.AMOUNT, wan, null, p, sectionTitle, quote));
            return;
        }
        if ("元".equals(unit) && number.subtract(value).abs().compareTo(tolerance(number)) <= 0) {
            add("N-UNIT", Severity.ERROR, q.label() + "写作 " + number.toPlainString() + " 元，表中为 " + Calc.amount(value)
                    + " 万元：单位应为“万元”。", p, quote, wan, value, wan.subtract(value));
            return;
        }
        if (!"元".equals(unit) && value.signum() != 0 && number.compareTo(new BigDecimal(100)) >= 0
                && number.movePointLeft(4).subtract(value).abs().compareTo(CENT) <= 0) {
            add("N-UNIT", Severity.ERROR, q.label() + "写作 " + number.toPlainString() + " 万元，是按“元”计的数：表中为 "
                    + Calc.amount(value) + " 万元。", p, quote, wan, value, wan.subtract(value));
            return;
        }
        record(new Mention(key, Kind.AMOUNT, wan, null, p, sectionTitle, quote));
        String extra = key.equals(Figures.ADMIN_COST) ? "（行政单位和参照公务员法管理的事业单位的机关运行经费应等于公用经费；其他事业单位可为0，请核实）" : "";
        add("N-AMOUNT", q.mismatch(), q.label() + "写作 " + Calc.amount(wan) + " 万元，" + q.source() + "为 "
                + Calc.amount(value) + " 万元" + extra + "。", p, quote, wan, value, wan.subtract(value), tol);
    }

    private void share(String key, BigDecimal stated, Paragraph p, String quote) {
        Quantity q = f.q(key);
        if (q.base() == null || q.value() == null || f.value(q.base()) == null) {
            return;
        }
        Quantity base = f.q(q.base());
        checked++;
        if (base.value().signum() == 0) {
            if (stated.signum() != 0) {
                add("N-SHARE", Severity.ERROR, base.label() + "为0，" + q.label() + "不能“占" + stated.toPlainString() + "%”。",
                        p, quote, stated, null, null);
            }
            return;
        }
        BigDecimal computed = f.share(key);
        if (!withinPercent(stated, computed)) {
            add("N-SHARE", Severity.ERROR, q.label() + "占" + base.label() + "的比例写作 " + stated.toPlainString() + "%，按表中 "
                    + Calc.amount(q.value()) + " ÷ " + Calc.amount(base.value()) + " 应为 " + Calc.percentText(computed) + "%。",
                    p, quote, stated, computed, stated.subtract(computed), PERCENT_POINTS);
        }
    }

    private void completion(String key, BigDecimal stated, Paragraph p, String quote) {
        Quantity q = f.q(key);
        if (q.budget() == null || q.value() == null) {
            return; // no 全年预算 for it: cannot be checked
        }
        checked++;
        if (q.budget().signum() == 0) {
            if (stated.signum() != 0) {
                add("N-RATE-ZERO", Severity.ERROR, q.label() + "的预算数为0，不能写“完成预算" + stated.toPlainString()
                        + "%”：完成率没有分母，应写明未安排预算。", p, quote, stated, null, null);
            } else {
                add("N-RATE-ZERO", Severity.WARNING, q.label() + "的预算数为0，“完成预算0%”没有意义，宜写明未安排预算。",
                        p, quote, stated, null, null);
            }
            return;
        }
        BigDecimal computed = f.completion(key);
        if (!withinPercent(stated, computed)) {
            add("N-RATE", Severity.ERROR, q.label() + "完成预算的比例写作 " + stated.toPlainString() + "%，按决算 "
                    + Calc.amount(q.value()) + " ÷ 预算 " + Calc.amount(q.budget()) + " 应为 " + Calc.percentText(computed) + "%。",
                    p, quote, stated, computed, stated.subtract(computed), PERCENT_POINTS);
        }
    }

    private void change(String key, BigDecimal stated, Integer sign, Paragraph p, String quote) {
        Quantity q = f.q(key);
        BigDecimal computed = f.change(key);
        if (computed == null) {
            return;
        }
        checked++;
        BigDecimal written = sign == null ? stated : sign < 0 ? stated.negate() : stated;
        BigDecimal compare = sign == null ? computed.abs() : computed;
        if (written.subtract(compare).abs().compareTo(tolerance(stated)) > 0) {
            String actual = computed.signum() == 0 ? "持平" : (computed.signum() > 0 ? "增加 " : "减少 ") + Calc.amount(computed.abs()) + " 万元";
            add("N-CHANGE", Severity.ERROR, q.label() + "与上年相比写作" + (sign == null ? "" : sign > 0 ? "增加 " : "减少 ")
                    + Calc.amount(stated) + " 万元，按上年 " + Calc.amount(q.previous()) + " 万元、本年 " + Calc.amount(q.value())
                    + " 万元应为" + actual + "。", p, quote, written, computed, written.subtract(compare));
        }
    }

    private void rate(String key, BigDecimal stated, Integer sign, BigDecimal statedChange, Paragraph p, String quote) {
        Quantity q = f.q(key);
        BigDecimal previous;
        boolean fromTables;
        if (q.previous() != null && q.value() != null) {
            previous = q.previous();
            fromTables = true;
        } else if (statedChange != null && q.value() != null) {
            previous = q.value().subtract(statedChange);
            fromTables = false;
        } else {
            return;
        }
        if (sign == null) {
            return;
        }
        checked++;
        BigDecimal written = sign < 0 ? stated.negate() : stated;
        if (previous.signum() == 0) {
            if (stated.signum() != 0) {
                add("N-CHANGE-RATE", Severity.WARNING, q.label() + "上年为0，增减率没有分母，不宜写“" + (sign > 0 ? "增长" : "下降")
                        + stated.toPlainString() + "%”。", p, quote, written, null, null);
            }
            return;
        }
        BigDecimal computed = Calc.percent(q.value().subtract(previous), previous);
        if (!withinPercent(written, computed)) {
            String basis = fromTables ? "按上年 " + Calc.amount(previous) + " 万元、本年 " + Calc.amount(q.value()) + " 万元"
                    : "按文中增减额推得上年 " + Calc.amount(previous) + " 万元";
            add("N-CHANGE-RATE", Severity.ERROR, q.label() + "的增减率写作 " + written.toPlainString() + "%，" + basis + "应为 "
                    + Calc.percentText(computed) + "%。", p, quote, written, computed, written.subtract(computed), PERCENT_POINTS);
        }
    }

    /** A change on last year needs its reason (主要原因是…), in the paragraph or at the start of the next one. */
    private void reason(Paragraph p, Norm n, int changeAt, Paragraph next) {
        Matcher r = REASON.matcher(n.text);
        String given = null;
        if (r.find(changeAt)) {
            given = r.group(1);
        } else if (next != null) {
            Matcher nr = REASON.matcher(Norm.key(next.text()));
            if (nr.lookingAt() || Norm.key(next.text()).startsWith("主要") && nr.find()) {
                given = nr.group(1);
            }
        }
        if (given != null && given.contains("【")) {
            return; // left blank: reported as a blank
        }
        if (given == null || given.isBlank() || given.matches("无[。.]?|暂无|略")) {
            add("N-REASON", Severity.WARNING, "写了与上年相比的增减，但没有说明" + (given == null ? "" : "（写作“" + given + "”）")
                    + "变动原因：请写明主要原因。", p, n.sentence(changeAt, changeAt + 1), null, null, null);
        }
    }

    private void blanksAndTemplates(Paragraph p, Norm n) {
        Matcher b = BLANK.matcher(p.text());
        List<String> blanks = new ArrayList<>();
        while (b.find()) {
            String g = b.group();
            blanks.add(g.length() > 24 ? g.substring(0, 23) + "…】" : g);
        }
        if (!blanks.isEmpty()) {
            add("N-BLANK", Severity.WARNING, "有 " + blanks.size() + " 处待填写：" + String.join("、", blanks) + "。", p,
                    p.text().strip(), null, null, null);
        }
        Matcher t = TEMPLATE.matcher(BLANK.matcher(n.text).replaceAll(""));
        if (t.find()) {
            int at = Math.max(0, n.text.indexOf(t.group()));
            add("N-TEMPLATE", Severity.WARNING, "模板文字“" + t.group() + "”未改写：请按实际只保留一种说法。", p,
                    n.sentence(at, at + 1), null, null, null);
        }
    }

    private void duplicates() {
        for (Map.Entry<String, List<Mention>> e : stated.entrySet()) {
            List<Mention> list = e.getValue();
            Mention first = list.get(0);
            for (Mention m : list) {
                if (!Calc.sameCents(m.value(), first.value())) {
                    Quantity q = f.q(e.getKey());
                    findings.add(new NarrativeFinding("N-DUP", Severity.ERROR, q.label() + "前后不一致："
                            + NarrativeFinding.location(first.paragraph().number(), first.paragraph().line()) + "写作 "
                            + Calc.amount(first.value()) + " 万元，此处写作 " + Calc.amount(m.value()) + " 万元。",
                            m.section(), m.paragraph().number(), m.paragraph().line(), m.quote(), m.value(), first.value(),
                            m.value().subtract(first.value()), null));
                    break;
                }
            }
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void record(Mention m) {
        mentions.add(m);
        if (m.kind() == Kind.AMOUNT) {
            stated.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
        }
    }

    /** Half a unit of the last digit written (0.005 for two decimals). */
    static BigDecimal tolerance(BigDecimal written) {
        int scale = Math.max(written.scale(), 0);
        return scale >= 2 ? CENT : BigDecimal.ONE.movePointLeft(scale).multiply(new BigDecimal("0.5"));
    }

    /** Within 0.5 percentage points, or 1% of the computed rate. */
    static boolean withinPercent(BigDecimal stated, BigDecimal computed) {
        BigDecimal d = stated.subtract(computed).abs();
        return d.compareTo(PERCENT_POINTS) <= 0
                || d.compareTo(computed.abs().multiply(RELATIVE).setScale(4, RoundingMode.HALF_UP)) <= 0;
    }

    private void add(String rule, Severity severity, String message, Paragraph p, String quote, BigDecimal reported,
                     BigDecimal computed, BigDecimal difference) {
        add(rule, severity, message, p, quote, reported, computed, difference, null);
    }

    private void add(String rule, Severity severity, String message, Paragraph p, String quote, BigDecimal reported,
                     BigDecimal computed, BigDecimal difference, BigDecimal tolerance) {
        findings.add(new NarrativeFinding(rule, severity, message, sectionTitle, p.number(), p.line(), quote,
                reported, computed, difference, tolerance));
    }
}
