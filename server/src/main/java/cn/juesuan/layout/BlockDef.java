package cn.juesuan.layout;

import java.util.List;
import java.util.Optional;

/** A group of columns with its own rows; two-sided tables (收入 | 支出) have two blocks side by side. */
public record BlockDef(String key, List<ColumnDef> columns, List<RowDef> rows) {
    public BlockDef {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public List<ColumnDef> amountColumns() {
        return columns.stream().filter(ColumnDef::isAmount).toList();
    }

    public Optional<ColumnDef> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    public Optional<RowDef> area() {
        return rows.stream().filter(RowDef::isArea).findFirst();
    }

    public boolean hasColumn(ColumnKind kind) {
        return columns.stream().anyMatch(c -> c.kind() == kind);
    }

    /** Columns printed left of the amounts that identify a row (label, code, name). */
    public List<ColumnDef> descriptiveColumns() {
        return columns.stream().filter(c -> c.kind().isDescriptive() && c.kind() != ColumnKind.LINE).toList();
    }
}
