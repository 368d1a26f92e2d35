package cn.juesuan.layout;

/**
 * A repeated 科目 area: one row per classification code.
 *
 * @param scheme "function" (功能分类, 类/款/项 = 3/5/7 digits) or "economic" (经济分类, 类/款 = 3/5 digits)
 */
public record AreaDef(String scheme) {
    public boolean isFunctional() {
        return !"economic".equals(scheme);
    }
}
