package cn.juesuan.template;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.TableLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the parts of a table sit on its sheet before any 科目 area expands: the one place that turns a descriptor
 * into row and column numbers, used by the template generator.
 */
public record SheetPlan(TableLayout table, int titleRow, int numberRow, int unitRow, int headerRow, int headerDepth,
                        int colNoRow, int bodyRow, int bodyRows, int footnoteRow, int noteRow, List<Integer> blockStart) {

    public static SheetPlan of(TableLayout t) {
        int headerRow = 3;
        int depth = t.headerDepth();
        int colNoRow = t.hasColumnNumbers() ? headerRow + depth : -1;
        int bodyRow = headerRow + depth + (colNoRow >= 0 ? 1 : 0);
        int bodyRows = t.bodyRowCount();
        List<Integer> starts = new ArrayList<>();
        int c = 0;
        for (BlockDef b : t.blocks()) {
            starts.add(c);
            c += b.columns().size();
        }
        return new SheetPlan(t, 0, 1, 2, headerRow, depth, colNoRow, bodyRow, bodyRows, bodyRow + bodyRows,
                bodyRow + bodyRows + 1, List.copyOf(starts));
    }

    public int columnCount() {
        return table.columnCount();
    }

    public int lastColumn() {
        return columnCount() - 1;
    }

    /** Absolute column index of a block's column. */
    public int column(int block, ColumnDef col) {
        return blockStart.get(block) + table.blocks().get(block).columns().indexOf(col);
    }
}
