package cn.juesuan.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of one table.
 *
 * @param values fixed rows: row key → column key → amount
 * @param rows   科目 rows of the table's repeated area, in printed order
 * @param note   a note printed under the table other than the profile's standard empty-table note, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableData(Map<String, Map<String, BigDecimal>> values, List<SubjectRow> rows, String note) {
    public static final TableData EMPTY = new TableData(null, null, null);

    public TableData {
        Map<String, Map<String, BigDecimal>> v = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((row, cols) -> {
                Map<String, BigDecimal> c = Amounts.normalizeMap(cols);
                if (!c.isEmpty()) {
                    v.put(row, c);
                }
            });
        }
        values = v;
        rows = rows == null ? List.of() : List.copyOf(rows);
        note = note == null || note.isBlank() ? null : note;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return values.isEmpty() && rows.isEmpty() && note == null;
    }

    public BigDecimal value(String rowKey, String colKey) {
        Map<String, BigDecimal> r = values.get(rowKey);
        return r == null ? null : r.get(colKey);
    }

    /** True when no amount of the table is non-zero. */
    @JsonIgnore
    public boolean hasNoAmounts() {
        boolean fixed = values.values().stream().flatMap(m -> m.values().stream()).allMatch(a -> a.signum() == 0);
        boolean area = rows.stream().flatMap(r -> r.amounts().values().stream()).allMatch(a -> a.signum() == 0);
        return fixed && area;
    }

    public TableData withNote(String newNote) {
        return new TableData(values, rows, newNote);
    }

    public static TableData of(Map<String, Map<String, BigDecimal>> values, List<SubjectRow> rows) {
        return new TableData(values, rows == null ? null : new ArrayList<>(rows), null);
    }
}
