package cn.juesuan.rules;

import cn.juesuan.model.Amounts;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message templates: {name} placeholders replaced by values; unknown placeholders stay as written. */
final class Messages {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private Messages() {
    }

    static String format(String template, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group(0) : v));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** An amount as printed in messages: at least two decimals, no exponent. */
    static String amount(BigDecimal v) {
        return v == null ? "空" : Amounts.normalize(v).toPlainString();
    }

    /** A difference with its sign: "+0.01", "-1.00". */
    static String signed(BigDecimal v) {
        if (v == null) {
            return "";
        }
        String s = amount(v);
        return v.signum() > 0 ? "+" + s : s;
    }
}
