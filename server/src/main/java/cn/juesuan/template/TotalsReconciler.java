package cn.juesuan.template;

import cn.juesuan.layout.Profile;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.read.CellValues;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookProperties;
import cn.juesuan.read.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Totals are live formulas, but published figures are rounded cell by cell from 元: where the data's own total
 * differs from the formula (89.22 printed, 60.88 + 28.35 computed), the data's figure is kept as a value so the
 * workbook says what the unit reported. The validator reports such differences as 尾差 or 错误.
 */
final class TotalsReconciler {
    private final Profile profile;
    private final ReportData data;

    TotalsReconciler(Profile profile, ReportData data) {
        this.profile = profile;
        this.data = data;
    }

    /** @param values the evaluator of the workbook's formulas (its results are cleared where a total is kept) */
    void apply(Workbook wb, CellValues values) {
        WorkbookProperties.write(wb, data);
        if (data.tables().isEmpty()) {
            return;
        }
        WorkbookMap map = locate(wb);
        for (TableLayout t : profile.tables()) {
            TableData td = data.table(t.key());
            WorkbookMap.TableLoc loc = map.table(t.key());
            if (loc == null || td.isEmpty()) {
                continue;
            }
            td.values().forEach((row, cols) -> cols.forEach((col, v) -> keep(wb, values, loc.cell(row, col), v)));
            List<SubjectRow> rows = td.rows();
            for (int i = 0; i < rows.size() && i < loc.area().size(); i++) {
                Map<String, WorkbookMap.CellLoc> cells = loc.area().get(i);
                rows.get(i).amounts().forEach((col, v) -> keep(wb, values, cells.get(col), v));
            }
        }
    }

    private WorkbookMap locate(Workbook wb) {
        return WorkbookReader.locate(wb, profile);
    }

    private static void keep(Workbook wb, CellValues values, WorkbookMap.CellLoc loc, BigDecimal want) {
        if (loc == null || want == null) {
            return;
        }
        Row row = wb.getSheet(loc.sheet()).getRow(loc.row());
        Cell cell = row == null ? null : row.getCell(loc.col());
        if (cell == null || cell.getCellType() != CellType.FORMULA) {
            return;
        }
        CellValue v;
        try {
            v = values.evaluate(cell);
        } catch (RuntimeException e) {
            v = null;
        }
        if (v != null && v.getCellType() == CellType.NUMERIC
                && BigDecimal.valueOf(v.getNumberValue()).subtract(want).abs().compareTo(new BigDecimal("0.0000001")) < 0
                && !(want.signum() == 0 && values.isBlankTotal(cell))) {
            return;
        }
        cell.removeFormula();
        cell.setCellValue(want.doubleValue());
        values.resultsCleared();
    }
}
