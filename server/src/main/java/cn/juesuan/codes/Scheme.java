package cn.juesuan.codes;

/** The three classification schemes a 部门决算 prints codes from. */
public enum Scheme {
    /** 支出功能分类科目: 类/款/项 = 3/5/7 digits (201, 20101, 2010101). */
    FUNCTION("支出功能分类科目", true),
    /** 部门预算支出经济分类科目: 类/款 = 3/5 digits (301, 30101). */
    ECONOMIC_DEPARTMENT("部门预算支出经济分类科目", false),
    /** 政府预算支出经济分类科目: 类/款 = 3/5 digits (501, 50101). */
    ECONOMIC_GOVERNMENT("政府预算支出经济分类科目", false);

    private final String label;
    private final boolean hasItems;

    Scheme(String label, boolean hasItems) {
        this.label = label;
        this.hasItems = hasItems;
    }

    /** Chinese name for messages. */
    public String label() {
        return label;
    }

    /** "类"/"款"/"项" by length, or null when the code is not all digits or its length is wrong for the scheme. */
    public String levelOf(String code) {
        if (code == null || code.isEmpty() || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return switch (code.length()) {
            case 3 -> "类";
            case 5 -> "款";
            case 7 -> hasItems ? "项" : null;
            default -> null;
        };
    }

    /** Allowed lengths, for messages: "3/5/7" or "3/5". */
    public String lengths() {
        return hasItems ? "类/款/项应为 3/5/7 位" : "类/款应为 3/5 位";
    }
}
