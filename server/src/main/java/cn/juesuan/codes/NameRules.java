package cn.juesuan.codes;

import cn.juesuan.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides whether a printed name equals a catalogue name. Two names are equal when their
 * keys are equal; the key is built as follows:
 * <ol>
 *   <li>{@link Text#key}: full-width and ASCII forms equal (（）and ()), spaces removed, quotes and brackets unified;</li>
 *   <li>a trailing level marker "（类）", "（款）" or "（项）" is dropped (决算说明 text prints
 *       "科学技术支出（类）科学技术管理事务（款）行政运行（项）");</li>
 *   <li>"其它" is read as "其他" (some notices write 其它);</li>
 *   <li>for 类 names only, a trailing "支出" is optional ("科学技术" = "科学技术支出", "社会保障和就业" = "社会保障和就业支出").</li>
 * </ol>
 * Anything else is a different name (e.g. 项 "其他科技交流与合作" ≠ "其他科技交流与合作支出").
 */
public final class NameRules {
    private static final Pattern LEVEL_MARKER = Pattern.compile("\\((?:类|款|项)\\)$");
    private static final Pattern PATH_PART = Pattern.compile("(.+?)[（(]\\s*(类|款|项)\\s*[）)]");

    private NameRules() {
    }

    /** Comparison key of a name at a level (level may be null: rule 4 is then not applied). */
    public static String key(String name, String level) {
        String k = Text.key(name);
        k = LEVEL_MARKER.matcher(k).replaceFirst("");
        k = k.replace("其它", "其他");
        if ("类".equals(level) && k.endsWith("支出") && k.length() > 2) {
            k = k.substring(0, k.length() - 2);
        }
        return k;
    }

    /** True when the printed name equals the catalogue name under the rules above. */
    public static boolean same(String printed, String catalogueName, String level) {
        if (printed == null || catalogueName == null) {
            return false;
        }
        return key(printed, level).equals(key(catalogueName, level));
    }

    /**
     * Splits "科学技术支出（类）技术研究与开发（款）科技成果转化与扩散（项）" into [科学技术支出, 技术研究与开发,
     * 科技成果转化与扩散] (leading ordinals such as "7." are not removed here). Empty when no marker is found.
     */
    public static List<String> splitLevelPath(String text) {
        List<String> parts = new ArrayList<>();
        if (text == null) {
            return parts;
        }
        Matcher m = PATH_PART.matcher(text);
        while (m.find()) {
            parts.add(m.group(1).strip());
        }
        return parts;
    }
}
