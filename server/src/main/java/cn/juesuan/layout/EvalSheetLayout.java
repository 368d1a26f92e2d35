package cn.juesuan.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The descriptor of one kind of performance self-evaluation sheet (绩效自评表): a grid of rows as printed, each row
 * either cells (static text, or a value: text field, number, amount of the funds block) or a repeating list
 * (indicators, 支出明细, 评价人员, 主要任务). It drives the template, the reader and the scoring rules.
 *
 * @param key         stable key ("sichuan_special_fund")
 * @param title       printed title; sheets are found by it
 * @param aliases     other titles accepted when reading
 * @param sheetPrefix prefix of generated sheet names (the project name follows)
 * @param unitField   the text field that names the reporting unit (filled from the report's unit), or null
 * @param region      province or "全国"
 * @param source      where the layout was read (seed, form number)
 * @param moneyUnit   unit of the funds block ("万元")
 * @param scoring     which scoring rules apply: "project" (weights 90 + 10 execution), "department" (weights Σ 90,
 *                    no execution score on the sheet), "goal" (targets without weights), "score-sheet" (weights
 *                    Σ 100, group weights in the labels), "report" (Hunan reports: funds by source, 综合得分 and 等次)
 * @param widths      column widths in characters; their count is the number of grid columns
 * @param uncertain   layout facts that are inferred, not verified
 * @param rows        the grid, top to bottom
 */
public record EvalSheetLayout(String key, String title, List<String> aliases, String sheetPrefix, String unitField,
                              String region,
                              String source, String moneyUnit, String scoring, List<Integer> widths,
                              List<String> uncertain, List<Row> rows) {
    public static final List<String> LISTS = List.of("indicators", "expenses", "reviewers", "tasks");

    public EvalSheetLayout {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        uncertain = uncertain == null ? List.of() : List.copyOf(uncertain);
        widths = List.copyOf(widths);
        rows = List.copyOf(rows);
        moneyUnit = moneyUnit == null ? "万元" : moneyUnit;
        scoring = scoring == null ? "none" : scoring;
    }

    /** A grid row: cells, or a list. */
    public record Row(List<Cell> cells, ListDef list, Double height) {
        public Row {
            cells = cells == null ? List.of() : List.copyOf(cells);
        }

        public boolean isList() {
            return list != null;
        }
    }

    /**
     * One cell of the grid. Exactly one of text / field / number / money, or none (an empty bordered cell).
     *
     * @param text    static text; {year} is replaced by the report year
     * @param aliases other ways the text is written, accepted when reading
     * @param field   key of a text value (SelfEvaluation.fields)
     * @param number  key of a numeric value (SelfEvaluation.numbers: scores, totals)
     * @param money   "row.column" of the funds block (SelfEvaluation.funds)
     * @param span    columns it covers
     * @param rows    rows it covers
     * @param style   title, subtitle, header, label (default for text), note, right
     */
    public record Cell(String text, List<String> aliases, String field, String number, String money, Integer span,
                       Integer rows, String style) {
        public Cell {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public int spanOr1() {
            return span == null ? 1 : span;
        }

        public int rowsOr1() {
            return rows == null ? 1 : rows;
        }

        public boolean isText() {
            return text != null;
        }

        public boolean isValue() {
            return field != null || number != null || money != null;
        }

        public List<String> allTexts() {
            List<String> all = new ArrayList<>();
            all.add(text);
            all.addAll(aliases);
            return all;
        }

        /** "fields.project", "numbers.totalScore", "funds.total.amount". */
        public String path() {
            if (field != null) {
                return "fields." + field;
            }
            if (number != null) {
                return "numbers." + number;
            }
            return money == null ? null : "funds." + money;
        }

        public String moneyRow() {
            return money == null ? null : money.substring(0, money.indexOf('.'));
        }

        public String moneyColumn() {
            return money == null ? null : money.substring(money.indexOf('.') + 1);
        }
    }

    /**
     * A repeating list: header row(s), then one row per item.
     *
     * @param key        indicators, expenses, reviewers or tasks
     * @param side       label printed left of the list, merged down over header and items (e.g. 绩效指标), or null
     * @param columns    columns, left to right after the side label
     * @param mergeDown  fields whose equal neighbours are merged vertically, as printed (一级/二级指标); when reading, an
     *                   empty cell of these fields repeats the one above
     * @param blankRows  empty item rows in a blank sheet
     * @param unit       money unit of amount columns ("元" for 支出明细), or null
     */
    public record ListDef(String key, Cell side, List<ListColumn> columns, List<String> mergeDown, Integer blankRows,
                          String unit) {
        public ListDef {
            columns = List.copyOf(columns);
            mergeDown = mergeDown == null ? List.of() : List.copyOf(mergeDown);
        }

        public int headerDepth() {
            return columns.stream().mapToInt(c -> c.header().size()).max().orElse(1);
        }

        public Optional<ListColumn> column(String field) {
            return columns.stream().filter(c -> c.field().equals(field)).findFirst();
        }

        public int blankRowsOr(int fallback) {
            return blankRows == null ? fallback : blankRows;
        }
    }

    /**
     * @param field   record field (Indicator: level1, level2, level3, nature, target, unit, weight, actual, score,
     *                reason, explanation; ExpenseLine: content, amount, voucher, note; Reviewer: name, title, unit,
     *                signature; Task: name, content)
     * @param header  header path, top to bottom (one or two levels)
     * @param aliases other leaf headers accepted when reading
     * @param span    columns it covers
     */
    public record ListColumn(String field, List<String> header, List<String> aliases, Integer span) {
        public ListColumn {
            header = header == null ? List.of() : List.copyOf(header);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }

        public int spanOr1() {
            return span == null ? 1 : span;
        }

        public String leaf() {
            return header.isEmpty() ? "" : header.get(header.size() - 1);
        }

        public List<String> leafTexts() {
            List<String> all = new ArrayList<>();
            all.add(leaf());
            all.addAll(aliases);
            return all;
        }
    }

    public int columnCount() {
        return widths.size();
    }

    public List<String> allTitles() {
        List<String> t = new ArrayList<>();
        t.add(title);
        t.addAll(aliases);
        return t;
    }

    public Optional<ListDef> list(String key) {
        return rows.stream().filter(Row::isList).map(Row::list).filter(l -> l.key().equals(key)).findFirst();
    }

    /** Every value cell of the grid, in order. */
    public List<Cell> valueCells() {
        return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::isValue).toList();
    }
}
