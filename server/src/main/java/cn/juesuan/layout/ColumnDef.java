package cn.juesuan.layout;

import java.util.List;

/**
 * One column of a block.
 *
 * @param key    stable key, unique within the block (amount columns: unique within the table)
 * @param kind   what the column holds
 * @param header header path from the top header row down to the leaf, e.g. ["本年支出","合计"]
 * @param colNo  text of the 栏次 row for this column, or null
 * @param sum    keys of amount columns of the same block whose sum this column is (a row identity), or null
 * @param width  column width in characters
 */
public record ColumnDef(String key, ColumnKind kind, List<String> header, String colNo, List<String> sum, Integer width) {
    public ColumnDef {
        header = header == null ? List.of() : List.copyOf(header);
        sum = sum == null ? List.of() : List.copyOf(sum);
    }

    public String leafHeader() {
        return header.isEmpty() ? "" : header.get(header.size() - 1);
    }

    public boolean isAmount() {
        return kind == ColumnKind.AMOUNT;
    }

    public int widthOr(int fallback) {
        return width == null ? fallback : width;
    }
}
