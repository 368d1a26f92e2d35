package cn.juesuan.read;

import org.apache.poi.ss.util.CellReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each value of a read workbook sits (sheet and cell), for findings and annotations. */
public final class WorkbookMap {

    /** A cell: zero-based row and column. */
    public record CellLoc(String sheet, int row, int col) {
        public String a1() {
            return new CellReference(row, col).formatAsString(false);
        }

        public String full() {
            return sheet + "!" + a1();
        }
    }

    /**
     * @param fixed    row key → column key → cell
     * @param area     per 科目 row (same order as TableData.rows): column key → cell
     * @param areaCode per 科目 row: the (first) code cell
     * @param titleRow zero-based row of the title
     */
    public record TableLoc(String table, String sheet, int titleRow, Map<String, Map<String, CellLoc>> fixed,
                           List<Map<String, CellLoc>> area, List<CellLoc> areaCode) {
        public CellLoc cell(String rowKey, String colKey) {
            Map<String, CellLoc> r = fixed.get(rowKey);
            return r == null ? null : r.get(colKey);
        }
    }

    /**
     * Where the values of one self-evaluation sheet sit.
     *
     * @param kind     sheet kind key
     * @param index    position in ReportData.selfEvaluations
     * @param sheet    sheet name
     * @param titleRow zero-based row of the title
     * @param cells    value path ("fields.project", "funds.total.amount", "numbers.totalScore",
     *                 "indicators[2].weight") → cell; empty values have the cell where they belong
     */
    public record EvalLoc(String kind, int index, String sheet, int titleRow, Map<String, CellLoc> cells) {
        public CellLoc cell(String path) {
            return cells.get(path);
        }
    }

    private final Map<String, TableLoc> tables = new LinkedHashMap<>();
    private final List<EvalLoc> evals = new java.util.ArrayList<>();

    void put(TableLoc loc) {
        tables.put(loc.table(), loc);
    }

    public TableLoc table(String key) {
        return tables.get(key);
    }

    void addEval(EvalLoc loc) {
        evals.add(loc);
    }

    /** Self-evaluation sheets, in the order of ReportData.selfEvaluations. */
    public List<EvalLoc> evals() {
        return java.util.Collections.unmodifiableList(evals);
    }

    public Map<String, TableLoc> tables() {
        return java.util.Collections.unmodifiableMap(tables);
    }
}
