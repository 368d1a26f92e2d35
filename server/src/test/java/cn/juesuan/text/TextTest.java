package cn.juesuan.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextTest {

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
