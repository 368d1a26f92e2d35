package cn.juesuan.text;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what people type into amount cells ("1,447.01", "１２.５", "12万", "5.8.") into numbers, saying what was off. */
public final class Numbers {
    private static final Pattern CLEAN = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final Pattern UNIT_SUFFIX = Pattern.compile("^([-+]?[\\d.]+)(万元|万|元)$");
    private static final Pattern SCORE_SUFFIX = Pattern.compile("^([-+]?\\d+(?:\\.\\d+)?)(%|分)$");
    private static final Pattern THOUSANDS = Pattern.compile("^[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?$");

    /** A parsed cell: value (null when there is none), and the issue code when the text was not a clean number. */
    public record Parsed(BigDecimal value, String issue, String message) {
        public static Parsed blank() {
            return new Parsed(null, null, null);
        }

        public boolean hasIssue() {
            return issue != null;
        }
    }

    private Numbers() {
    }

    /** Rounds binary noise of stored doubles away (1447.0100000000002 → 1447.01). */
    public static BigDecimal fromDouble(double d) {
        return BigDecimal.valueOf(d).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /**
     * A score, weight or rate as people type it: like {@link #parse}, but a trailing “%” or “分” is accepted
     * ("9%" → 9, "95分" → 95), with a note.
     */
    public static Parsed parseScore(String text) {
        Parsed p = parse(text);
        if (!"not_a_number".equals(p.issue())) {
            return p;
        }
        String t = Text.halfWidth(text).replaceAll("[\\s\\u00A0]+", "");
        Matcher m = SCORE_SUFFIX.matcher(t);
        if (m.matches()) {
            return new Parsed(new BigDecimal(m.group(1)), "unit_in_score", "数值后写了“" + m.group(2) + "”（“" + text.trim()
                    + "”），已按 " + m.group(1) + " 读取。");
        }
        return new Parsed(null, "not_a_number", "应填数字的单元格中是无法识别为数字的文字“" + text.trim() + "”，已按空白处理。");
    }

    public static Parsed parse(String text) {
        if (text == null) {
            return Parsed.blank();
        }
        String t = Text.halfWidth(text).replaceAll("[\\s\\u00A0]+", "");
        if (t.isEmpty() || t.equals("-") || t.equals("—") || t.equals("/") || t.equals("－")) {
            return Parsed.blank();
        }
        boolean fullWidth = !t.equals(text.trim().replaceAll("[\\s\\u00A0\\u3000]+", ""));
        if (CLEAN.matcher(t).matches()) {
            String why = fullWidth ? "全角数字" : "文本格式的数字";
            return new Parsed(new BigDecimal(t), "text_number", "金额以" + why + "填写（“" + text.trim() + "”），已按 " + t + " 读取；请改为数值格式。");
        }
        if (THOUSANDS.matcher(t).matches()) {
            String n = t.replace(",", "");
            return new Parsed(new BigDecimal(n), "text_number", "金额以带千分位逗号的文本填写（“" + text.trim() + "”），已按 " + n + " 读取；请改为数值格式。");
        }
        Matcher unit = UNIT_SUFFIX.matcher(t.replace(",", ""));
        if (unit.matches() && CLEAN.matcher(unit.group(1)).matches()) {
            return new Parsed(new BigDecimal(unit.group(1)), "unit_in_cell", "金额单元格中写了单位（“" + text.trim() + "”），已按 " + unit.group(1) + " 读取；单位应只写在表头。");
        }
        String trimmedDots = t.replaceAll("\\.+$", "").replaceAll("^\\.+", "");
        if (!trimmedDots.equals(t) && CLEAN.matcher(trimmedDots).matches()) {
            return new Parsed(new BigDecimal(trimmedDots), "malformed_number", "金额“" + text.trim() + "”不是规范的数字，已按 " + trimmedDots + " 读取，请核对。");
        }
        return new Parsed(null, "not_a_number", "金额单元格中是无法识别为数字的文字“" + text.trim() + "”，已按空白处理。");
    }
}
