package cn.juesuan.layout;

import java.util.List;

/**
 * One row of a block: a fixed row (key + label), a blank spacer row (no key), or a repeated 科目 area.
 *
 * @param key     stable key, unique within the table; economic / functional rows use their code as key
 * @param label   printed 项目 text, or 科目名称 when code is set
 * @param code    classification code printed in the code column(s), or null
 * @param line    行次 text, or null
 * @param aliases other spellings of the label accepted when reading
 * @param sum     keys of rows of the same table whose sum this row is; the single entry "@classes" means Σ 类 rows
 *                of the block's 科目 area
 * @param area    for a repeated 科目 area: its settings; null for fixed rows
 * @param bold    printed bold (totals)
 */
public record RowDef(String key, String label, String code, String line, List<String> aliases, List<String> sum,
                     AreaDef area, Boolean bold) {
    public static final String SUM_OF_CLASSES = "@classes";

    public RowDef {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        sum = sum == null ? List.of() : List.copyOf(sum);
    }

    public boolean isArea() {
        return area != null;
    }

    public boolean isBlank() {
        return area == null && key == null;
    }

    public boolean isSum() {
        return !sum.isEmpty();
    }

    public boolean isSumOfClasses() {
        return sum.size() == 1 && SUM_OF_CLASSES.equals(sum.get(0));
    }

    public boolean isBold() {
        return Boolean.TRUE.equals(bold) || isSum();
    }
}
