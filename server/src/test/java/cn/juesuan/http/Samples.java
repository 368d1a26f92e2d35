package cn.juesuan.http;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;

import java.math.BigDecimal;
import java.util.Map;

/** Small report data built from a profile's own layout, for round trips through fill and read. */
public final class Samples {
    public static final String UNIT = "遂宁市科学技术局";
    public static final BigDecimal AMOUNT = new BigDecimal("123.45");

    /** Where the sample amount goes: a plain (not summed) fixed row and amount column of the first table that has one. */
    public record Cell(String table, String row, String column) {
    }

    private Samples() {
    }

    public static Cell cell(Profile profile) {
        for (TableLayout t : profile.tables()) {
            for (BlockDef b : t.blocks()) {
                ColumnDef col = b.amountColumns().stream().filter(c -> c.sum().isEmpty()).findFirst().orElse(null);
                RowDef row = b.rows().stream().filter(r -> r.key() != null && !r.isArea() && !r.isSum())
                        .findFirst().orElse(null);
                if (col != null && row != null) {
                    return new Cell(t.key(), row.key(), col.key());
                }
            }
        }
        throw new IllegalStateException("no plain amount cell in " + profile.id());
    }

    public static ReportData data(Profile profile, int year) {
        Cell c = cell(profile);
        TableData table = new TableData(Map.of(c.row(), Map.of(c.column(), AMOUNT)), null, null);
        return new ReportData(profile.id(), year, new UnitInfo(UNIT, "123456"), profile.moneyUnit(), Map.of(c.table(), table));
    }
}
