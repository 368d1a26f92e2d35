package cn.juesuan.selfeval;

import cn.juesuan.text.Text;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An indicator value as people write it, parsed: "≥98%", "≤12月", "=100", "20-30/本", "0.3元/张，10元/册",
 * "591，230" (two values), "技术合同认定登记额达14亿元", "45支左右", "满意", "达成预期指标".
 *
 * @param columnOp  the comparison the 指标性质 column names (定性 included), or null
 * @param textOp    the comparison the text says ("≥98%", "达14亿元", "不超过", "45支左右"), or null
 * @param values    the numbers, in order (a range gives its two ends)
 * @param range     the text is a range "lo-hi"
 * @param approx    the text says 左右 / 约 / 大约
 * @param numeric   the text is only numbers (with operator, unit, %, 余, 以上 …): a measured value, not a sentence
 * @param raw       the text as written
 */
public record IndicatorValue(Op columnOp, Op textOp, List<BigDecimal> values, boolean range, boolean approx,
                             boolean numeric, String raw) {

    /** How the actual value is compared with the target. */
    public enum Op {
        /** 正向: actual ≥ target. */
        GE("≥"),
        /** 反向: actual ≤ target. */
        LE("≤"),
        /** 等于. */
        EQ("="),
        /** 定性: no number to compare. */
        QUALITATIVE("定性");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:-|－|—|～|~|至|到)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern LEADING_OP = Pattern.compile("^(>=|<=|≥|≤|=|＝|>|<|大于等于|小于等于|不少于|不低于|不超过|不高于|不大于|不小于|至少|最多)");
    private static final Pattern GE_WORDS = Pattern.compile("(不少于|不低于|不小于|至少|达到|达|突破|超过|以上|高于|≥|>=)");
    private static final Pattern LE_WORDS = Pattern.compile("(不超过|不高于|不大于|最多|以内|以下|低于|控制在|≤|<=)");
    private static final Pattern APPROX = Pattern.compile("(左右|约|大约|上下)");
    /** What may surround the numbers of a measured value: units, %, 余, 以上, separators. */
    private static final Pattern VALUE_NOISE = Pattern.compile("[\\s%％,，、;；/.\\-～~≥≤=<>＝]|以上|以下|左右|余|约|大约|"
            + "亿元|万元|元|亿|万|个|家|次|项|人次|人|支|场|篇|份|件|条|册|张|套|本|天|月|年|日|小时|分|百分比|户|批|平方米|公里|吨|台|所");
    private static final int SHORT_TEXT = 16;

    public static IndicatorValue parse(String text) {
        return parse(null, text, null);
    }

    /**
     * @param natureColumn the 指标性质 cell, or null
     * @param text         the value text
     * @param unit         the 度量单位 cell, or null: numbers directly followed by it are preferred in a sentence
     */
    public static IndicatorValue parse(String natureColumn, String text, String unit) {
        return PARSED.get(new Written(natureColumn, text, unit), w -> parseNew(w.nature(), w.text(), w.unit()));
    }

    /** What a parse is of; the checks of a sheet parse each indicator's target and actual several times. */
    private record Written(String nature, String text, String unit) {
    }

    /** Parses are pure and their results immutable, so they are kept (bounded). */
    private static final Cache<Written, IndicatorValue> PARSED = Caffeine.newBuilder().maximumSize(4096).build();

    private static IndicatorValue parseNew(String natureColumn, String text, String unit) {
        String raw = text == null ? "" : text.strip();
        Op columnOp = nature(natureColumn);
        String t = Text.halfWidth(raw).replace('，', ',');
        // a full-width comma, 、 or ； separates values; an ASCII comma before three digits is a thousands separator
        String separated = Text.halfWidth(raw.replace("，", ";").replace("、", ";").replace("；", ";"))
                .replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2");
        boolean approx = APPROX.matcher(t).find();
        List<BigDecimal> values = new ArrayList<>();
        boolean range = false;
        Matcher rm = RANGE.matcher(separated);
        if (rm.find()) {
            values.add(new BigDecimal(rm.group(1)));
            values.add(new BigDecimal(rm.group(2)));
            range = values.get(0).compareTo(values.get(1)) < 0;
            if (!range) {
                values.clear();
            }
        }
        if (!range) {
            values.addAll(numbers(separated, unit));
        }
        boolean numeric = !values.isEmpty() && (VALUE_NOISE.matcher(NUMBER.matcher(t).replaceAll("")).replaceAll("").isEmpty()
                || raw.length() <= SHORT_TEXT && values.size() == NUMBER.matcher(t).results().count());
        return new IndicatorValue(columnOp, values.isEmpty() ? null : textOp(t), List.copyOf(values), range, approx, numeric, raw);
    }

    /** The comparison named by a 指标性质 cell; null when blank or not one of ≥ ≤ = 定性 (see {@link #isNature}). */
    public static Op nature(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        String k = Text.key(column);
        return switch (k) {
            case "≥", ">=", ">", "大于等于", "正向", "正向指标" -> Op.GE;
            case "≤", "<=", "<", "小于等于", "反向", "反向指标" -> Op.LE;
            case "=", "＝", "等于" -> Op.EQ;
            case "定性" -> Op.QUALITATIVE;
            default -> null;
        };
    }

    /** Whether a 指标性质 cell says something this parser knows (blank and 定量 count as known). */
    public static boolean isNature(String column) {
        return column == null || column.isBlank() || nature(column) != null || Text.key(column).equals("定量");
    }

    private static Op textOp(String t) {
        Matcher lead = LEADING_OP.matcher(t.strip());
        if (lead.find()) {
            return switch (lead.group(1)) {
                case ">=", "≥", ">", "大于等于", "不少于", "不低于", "不小于", "至少" -> Op.GE;
                case "=", "＝" -> Op.EQ;
                default -> Op.LE;
            };
        }
        if (LE_WORDS.matcher(t).find()) {
            return Op.LE;
        }
        if (GE_WORDS.matcher(t).find()) {
            return Op.GE;
        }
        if (APPROX.matcher(t).find()) {
            return Op.EQ;
        }
        return null;
    }

    /** Numbers of a text; in a sentence with a unit, those directly followed by the unit (if any are). */
    private static List<BigDecimal> numbers(String t, String unit) {
        List<BigDecimal> all = new ArrayList<>();
        List<BigDecimal> withUnit = new ArrayList<>();
        String u = unit == null ? "" : Text.halfWidth(unit).strip();
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            BigDecimal v = new BigDecimal(m.group());
            all.add(v);
            if (!u.isEmpty() && !u.equals("%") && t.startsWith(u, m.end())) {
                withUnit.add(v);
            }
        }
        return withUnit.isEmpty() || withUnit.size() == all.size() ? all : withUnit;
    }

    /**
     * The comparison to use: the column's ≥ ≤ =, else the text's, else 定性 when there is no number; null when there
     * are numbers but nothing says how to compare (the caller decides: 正向, or 反向 for 成本指标).
     */
    public Op op() {
        if (columnOp != null && columnOp != Op.QUALITATIVE) {
            return columnOp;
        }
        if (textOp != null) {
            return textOp;
        }
        return values.isEmpty() ? Op.QUALITATIVE : null;
    }

    /** The 指标性质 column says 定性 although the text holds numbers to compare. */
    public boolean declaredQualitative() {
        return columnOp == Op.QUALITATIVE;
    }

    public boolean hasNumbers() {
        return !values.isEmpty();
    }


    /** The single number, or null when there are none or several. */
    public BigDecimal single() {
        return values.size() == 1 && !range ? values.get(0) : null;
    }
}
