package cn.juesuan.rules;

import cn.juesuan.carryforward.AdjustmentSheet;
import cn.juesuan.carryforward.CarryForwardSpec;
import cn.juesuan.carryforward.CarryForwardSpec.CellKey;
import cn.juesuan.carryforward.LayoutValues;
import cn.juesuan.carryforward.PreviousYearSheet;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookReader;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Last year's workbook beside this year's, for the cross-year rules: its values (totals computed where the data
 * lacks them), where they sit, and what this year's 年初结转和结余调整 and 上年数 sheets hold. Last year's cells are
 * named like external references: '[2020年度]表1 收入支出决算总表'!C35.
 */
final class PreviousYear {
    final ReportData data;
    final CarryForwardSpec spec;
    final Map<String, AdjustmentSheet.Entry> adjustments;
    final Map<String, PreviousYearSheet.Kept> kept;
    private final WorkbookMap map;
    private final LayoutValues values;
    private final String label;

    private PreviousYear(ReadResult read, Profile profile, CarryForwardSpec spec, Workbook thisYear) {
        this.data = read.data();
        this.map = read.map();
        this.spec = spec;
        this.values = new LayoutValues(profile, data);
        this.adjustments = AdjustmentSheet.read(thisYear, spec);
        this.kept = PreviousYearSheet.read(thisYear, spec);
        this.label = data.year() == null ? "上年" : data.year() + "年度";
    }

    /**
     * @param thisYear        this year's workbook (for its 调整 and 上年数 sheets)
     * @param thisData        this year's data as read
     * @param previousXlsx    last year's workbook
     * @throws JuesuanException (4xx) when last year's workbook cannot be read or is not the year before
     */
    static PreviousYear of(ProfileRegistry registry, Workbook thisYear, ReportData thisData, Profile profile,
                           byte[] previousXlsx) {
        ReadResult read;
        try {
            read = new WorkbookReader(registry).read(previousXlsx, null);
        } catch (JuesuanException e) {
            throw new JuesuanException(e.code(), e.status(), "上年工作簿：" + e.getMessage(), e);
        }
        Integer last = read.data().year();
        if (last != null && thisData.year() != null && last != thisData.year() - 1) {
            throw JuesuanException.badRequest("bad_previous_year", "上年工作簿是 " + last + " 年度的，本年工作簿是 "
                    + thisData.year() + " 年度：跨年校验需要 " + (thisData.year() - 1) + " 年度的工作簿。");
        }
        return new PreviousYear(read, registry.get(read.data().profile()), CarryForwardSpec.of(registry, profile.id()),
                thisYear);
    }

    /** "2020年度". */
    String label() {
        return label;
    }

    BigDecimal value(CellKey c) {
        return values.hasTable(c.table()) ? values.get(c) : null;
    }

    /** Where last year's cell is, as an external reference; null when that workbook has no such cell. */
    CellLoc loc(CellKey c) {
        WorkbookMap.TableLoc t = map.table(c.table());
        return external(t == null ? null : t.cell(c.row(), c.column()));
    }

    /** Last year's 科目 rows of a table (none when its profile has no such 科目 area). */
    List<SubjectRow> rows(String table) {
        return values.rows(table);
    }

    CellLoc areaLoc(String table, int index, String column) {
        WorkbookMap.TableLoc t = map.table(table);
        return external(t == null || index >= t.area().size() ? null : t.area().get(index).get(column));
    }

    private CellLoc external(CellLoc l) {
        return l == null ? null : new CellLoc("[" + label + "]" + l.sheet(), l.row(), l.col());
    }
}
