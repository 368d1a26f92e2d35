package cn.juesuan.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The descriptor of one published table: drives its template, the reader and the rules.
 *
 * @param key        stable key across profiles (e.g. "income_expense_summary")
 * @param number     table number as printed at top right ("表1", "公开01表")
 * @param ordinal    position in the 附表 list ("一" …)
 * @param title      printed title
 * @param aliases    other titles accepted when reading
 * @param sheetName  sheet name in generated workbooks (≤ 31 characters)
 * @param footnote   "注：本表反映……" line, or null
 * @param emptyNote  note an empty table must carry ("…故本表无数据。"), or null when the table may not be empty
 * @param uncertain  layout facts that are inferred, not verified (shown to administrators, kept as data)
 * @param blocks     column groups, left to right
 */
public record TableLayout(String key, String number, String ordinal, String title, List<String> aliases,
                          String sheetName, String footnote, String emptyNote, List<String> uncertain,
                          List<BlockDef> blocks) {
    public TableLayout {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        uncertain = uncertain == null ? List.of() : List.copyOf(uncertain);
        blocks = List.copyOf(blocks);
    }

    public List<ColumnDef> allColumns() {
        List<ColumnDef> all = new ArrayList<>();
        blocks.forEach(b -> all.addAll(b.columns()));
        return all;
    }

    public int columnCount() {
        return blocks.stream().mapToInt(b -> b.columns().size()).sum();
    }

    public int headerDepth() {
        return allColumns().stream().mapToInt(c -> c.header().size()).max().orElse(1);
    }

    public boolean hasColumnNumbers() {
        return allColumns().stream().anyMatch(c -> c.colNo() != null);
    }

    /** Number of body rows before any 科目 area expands. */
    public int bodyRowCount() {
        return blocks.stream().mapToInt(b -> b.rows().size()).max().orElse(0);
    }

    public Optional<BlockDef> areaBlock() {
        return blocks.stream().filter(b -> b.area().isPresent()).findFirst();
    }

    public Optional<RowDef> row(String rowKey) {
        for (BlockDef b : blocks) {
            for (RowDef r : b.rows()) {
                if (rowKey.equals(r.key())) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    public Optional<BlockDef> blockOfRow(String rowKey) {
        return blocks.stream().filter(b -> b.rows().stream().anyMatch(r -> rowKey.equals(r.key()))).findFirst();
    }

    public List<String> allTitles() {
        List<String> t = new ArrayList<>();
        t.add(title);
        t.addAll(aliases);
        return t;
    }
}
