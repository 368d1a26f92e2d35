package cn.juesuan.rules;

import cn.juesuan.read.WorkbookMap.CellLoc;

import java.math.BigDecimal;

/**
 * One amount cell as the rules see it: a fixed row (rowKey) or a 科目 row (areaIndex ≥ 0) of a table, with the value
 * read (null when the cell is empty or absent) and its location (null when the workbook has no such cell).
 */
record CellRef(String table, String rowKey, int areaIndex, String col, BigDecimal value, CellLoc loc) {

    boolean isArea() {
        return areaIndex >= 0;
    }

    BigDecimal valueOrZero() {
        return value == null ? BigDecimal.ZERO : value;
    }

    boolean isNonZero() {
        return value != null && value.signum() != 0;
    }

    /** Identity of the cell within the workbook model (table, row, column), independent of its value. */
    String id() {
        return table + "|" + (isArea() ? "#" + areaIndex : rowKey) + "|" + col;
    }
}
