package cn.juesuan.template;

/** The jXLS expressions a template uses: one naming scheme shared by the generator and the filler. */
final class Placeholders {
    static final String UNIT_NAME = "unitName";
    static final String UNIT_CODE = "unitCode";
    static final String YEAR = "year";
    static final String MONEY_UNIT = "moneyUnit";
    /** Flat map of fixed-row amounts, keyed by {@link #fixedKey}. */
    static final String VALUES = "v";
    /** Map of table key → list of area rows. */
    static final String AREAS = "area";
    /** Map of table key → note text. */
    static final String NOTES = "notes";
    static final String ROW_VAR = "r";

    private Placeholders() {
    }

    static String fixedKey(String table, String row, String column) {
        return table + ":" + row + ":" + column;
    }

    static String fixedCell(String table, String row, String column) {
        return "${" + VALUES + "['" + fixedKey(table, row, column) + "']}";
    }

    static String areaItems(String table) {
        return AREAS + "." + table;
    }

    static String areaField(String field) {
        return "${" + ROW_VAR + "." + field + "}";
    }

    static String areaAmount(String column) {
        return "${" + ROW_VAR + ".a['" + column + "']}";
    }

    static String note(String table) {
        return "${" + NOTES + "['" + table + "']}";
    }

    static String expr(String name) {
        return "${" + name + "}";
    }
}
