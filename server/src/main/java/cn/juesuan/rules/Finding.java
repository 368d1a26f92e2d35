package cn.juesuan.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.util.List;

/**
 * One thing the validator found, located to the cell.
 *
 * @param ruleId       stable rule id ("R1.5", "X7", "SUM-ROW/income/total", "READ-text_number")
 * @param severity     错误 / 提示 / 信息
 * @param message      Chinese message, from the rule's template
 * @param table        table key ("income_expense_summary"), or null for workbook-level findings
 * @param tableTitle   printed title of the table
 * @param sheet        sheet of the first cell (the cell to fix)
 * @param cells        A1 addresses of the cells of the identity, the cell to fix first; cells on another sheet
 *                     than {@code sheet} are written 'Sheet'!A1
 * @param relatedCells cells the totals named in {@code cells} are computed from (descriptor sums, followed down to
 *                     the cells typed in), same address form; for tracing, not for marking
 * @param rowLabel     label or "code name" of the row of the first cell
 * @param columnLabel  header path of the column of the first cell ("本年支出/合计")
 * @param reported     the value as printed (left side of the identity)
 * @param computed     the value the rule computes from the other cells (right side)
 * @param difference   reported − computed
 * @param tolerance    the rounding tolerance (尾差) that applied, when the rule compares amounts
 * @param position     sort key (sheet index, row, column); not part of the JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ruleId", "severity", "severityLabel", "message", "table", "tableTitle", "sheet", "cells",
        "relatedCells", "rowLabel", "columnLabel", "reported", "computed", "difference", "tolerance"})
public record Finding(String ruleId, Severity severity, String message, String table, String tableTitle, String sheet,
                      List<String> cells, List<String> relatedCells, String rowLabel, String columnLabel,
                      BigDecimal reported, BigDecimal computed, BigDecimal difference, BigDecimal tolerance,
                      @JsonIgnore Position position) {

    /** Where a finding sorts: sheet order, then row, then column (-1 = before every cell of the sheet). */
    public record Position(int sheet, int row, int col) implements Comparable<Position> {
        public static final Position NONE = new Position(-1, -1, -1);

        @Override
        public int compareTo(Position o) {
            int c = Integer.compare(sheet, o.sheet);
            if (c == 0) {
                c = Integer.compare(row, o.row);
            }
            return c != 0 ? c : Integer.compare(col, o.col);
        }
    }

    public Finding {
        cells = cells == null ? List.of() : List.copyOf(cells);
        relatedCells = relatedCells == null ? List.of() : List.copyOf(relatedCells);
        position = position == null ? Position.NONE : position;
    }

    @JsonProperty("severityLabel")
    public String severityLabel() {
        return severity.label();
    }

    /** The cell to fix (first cell), or null. */
    @JsonIgnore
    public String firstCell() {
        return cells.isEmpty() ? null : cells.get(0);
    }

    /** Whether the finding names the cell sheet!a1 in {@link #cells} (directly). */
    public boolean names(String sheetName, String a1) {
        return cells.contains(Addresses.format(this.sheet, sheetName, a1));
    }

    /** Whether the finding names the cell in {@link #cells} or {@link #relatedCells}. */
    public boolean involves(String sheetName, String a1) {
        return names(sheetName, a1) || relatedCells.contains(Addresses.format(this.sheet, sheetName, a1));
    }
}
