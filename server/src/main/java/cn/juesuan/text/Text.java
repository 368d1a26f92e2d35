package cn.juesuan.text;

import java.util.regex.Pattern;

/** Text normalisation shared by the reader, the rules and the code catalogue. */
public final class Text {
    private static final Pattern LEADING_ORDINAL =
            Pattern.compile("^(?:[一二三四五六七八九十]+|\\d+)[、.．,，]|^[（(](?:[一二三四五六七八九十]+|\\d+)[)）]");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^(?:19|20)\\d{2}年度?");

    private Text() {
    }

    /** Full-width ASCII forms (Ｆ１（ etc.) to half width; ideographic space to space. */
    public static String halfWidth(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Key for comparing printed names: half width, no spaces, unified quotes and brackets.
     * "资本性支出（基本建设）" and "资本性支出 (基本建设)" give the same key.
     */
    public static String key(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            int k = keyChar(s.charAt(i));
            if (k >= 0) {
                b.append((char) k);
            }
        }
        return b.toString();
    }

    /** What {@link #key} makes of one character: half width, quotes and brackets unified; -1 for a space (dropped). */
    private static int keyChar(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        }
        if (isSpace(c)) {
            return -1;
        }
        return switch (c) {
            case '“', '”' -> '"';
            case '‘', '’' -> '\'';
            case '〔', '【' -> '[';
            case '〕', '】' -> ']';
            default -> c;
        };
    }

    /** Key of a row label with its leading ordinal ("一、", "（二）", "3.") removed. */
    public static String labelKey(String s) {
        String k = key(s);
        String stripped = LEADING_ORDINAL.matcher(k).replaceFirst("");
        return stripped.isEmpty() ? k : stripped;
    }

    /** Key of a table title: quotes dropped, leading year ("2024年度") removed. */
    public static String titleKey(String s) {
        String k = key(s).replace("\"", "").replace("'", "");
        return YEAR_PREFIX.matcher(k).replaceFirst("");
    }

    /**
     * The character {@link #titleKey} of the text ends with, found without building the key: spaces and quotes at
     * the end are skipped, full-width forms and brackets mapped as {@link #key} maps them; 0 when there is none.
     */
    public static char lastTitleKeyChar(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            int k = keyChar(s.charAt(i));
            if (k >= 0 && k != '"' && k != '\'') {
                return (char) k;
            }
        }
        return 0;
    }

    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A space, as keys drop it: ASCII white space (regex \s), no-break space, ideographic space. */
    private static boolean isSpace(char c) {
        return switch (c) {
            case ' ', '\t', '\n', '\u000B', '\f', '\r', '\u00A0', '\u3000' -> true;
            default -> false;
        };
    }
}
