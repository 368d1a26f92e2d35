package cn.juesuan.model;

import java.math.BigDecimal;
import java.util.Map;

/** One 科目 row: classification code (3/5/7 digits), its printed name and its amounts by column key. */
public record SubjectRow(String code, String name, Map<String, BigDecimal> amounts) {
    public SubjectRow {
        amounts = Amounts.normalizeMap(amounts);
    }

    /** 1 = 类, 2 = 款, 3 = 项 (functional); economic codes: 1 = 类, 2 = 款. */
    public int level() {
        return code == null ? 0 : switch (code.length()) {
            case 3 -> 1;
            case 5 -> 2;
            case 7 -> 3;
            default -> 0;
        };
    }
}
