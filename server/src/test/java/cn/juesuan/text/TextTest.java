package cn.juesuan.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTest {

    /** Text.key as first written (regular expression and replacements); the loop must give the same keys. */
    private static String keyAsWritten(String s) {
        String h = Text.halfWidth(s);
        h = java.util.regex.Pattern.compile("[\\s\\u00A0\\u3000]+").matcher(h).replaceAll("");
        return h.replace('“', '"').replace('”', '"').replace('‘', '\'').replace('’', '\'')
                .replace('〔', '[').replace('〕', ']').replace('【', '[').replace('】', ']');
    }

    @Test
    void keyIsTheKeyAsFirstWritten() {
        String alphabet = " \t\n\u000B\f\r\u00A0\u3000\u2003“”‘’〔〕【】（）［］＂＇ＡＺａｚ０９！～\uFF00\uFF5F\"'[]()Ab9表年度：:、一";
        java.util.Random rnd = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int i = rnd.nextInt(12); i > 0; i--) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(keyAsWritten(s), Text.key(s), s);
            assertEquals(java.util.regex.Pattern.compile("[\\s\\u00A0\\u3000]+").matcher(s).replaceAll("").isEmpty(),
                    Text.isBlank(s), s);
        }
        assertEquals("", Text.key(null));
    }

    /** The reader skips cells by this character, so it must be the one the full key ends with. */
    @Test
    void lastTitleKeyCharIsTheLastCharacterOfTheTitleKey() {
        for (String s : List.of("项目支出绩效自评表", "2024年度项目支出绩效自评表 ", "“项目支出绩效自评表”", "自评表\u3000\u00A0",
                "附表１", "绩效评价报告（部门整体）", "目标〕", "说明【", "1,447.01", "95%", "‘表’\t", "ＡＢＣ", "a\"'", "")) {
            String key = Text.titleKey(s);
            char expected = key.isEmpty() ? 0 : key.charAt(key.length() - 1);
            if (!key.isEmpty() || s.isBlank()) {
                assertEquals(expected, Text.lastTitleKeyChar(s), s);
            }
        }
    }
}
