package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.carryforward.CarryForward.FigureValue;
import cn.juesuan.carryforward.CarryForwardSpec.Figure;
import cn.juesuan.carryforward.CarryForwardSpec.PreviousYear;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.template.Styles;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 上年数 sheet: last year's key figures, kept in this year's workbook for the year-on-year sentences. */
public final class PreviousYearSheet {
    private static final String VALUE_HEADER = "上年决算数";

    /** A figure as found in a workbook: its value (null when blank) and its cell. */
    public record Kept(Figure figure, BigDecimal value, CellLoc cell) {
    }

    private PreviousYearSheet() {
    }

    static void write(Workbook wb, Styles styles, Carried carried) {
        PreviousYear spec = carried.spec().previousYear();
        int lastYear = carried.data().year() - 1;
        ExtraSheet s = ExtraSheet.create(wb, styles, spec.sheetName(), spec.title() + "（" + lastYear + "年度）",
                carried.data(), List.of("项目", VALUE_HEADER + "（" + lastYear + "年度）", "来源", "说明"),
                List.of(30, 16, 58, 60));
        int r = ExtraSheet.FIRST_ROW;
        for (FigureValue f : carried.figures()) {
            s.text(r, 0, f.figure().label(), styles.label);
            s.amount(r, 1, f.value());
            s.text(r, 2, f.source(), s.wrapped);
            s.text(r, 3, f.figure().basis(), s.wrapped);
            s.fitHeight(r);
            r++;
        }
        s.note(r, 3, "注：本表是从上年（" + lastYear + "年度）工作簿填充时保存的上年数，供决算说明中“与上年相比”的增减计算使用；"
                + "跨年校验（Y4）核对它与上年工作簿是否一致。");
    }

    /** The figures of the spec found on the sheet, by key; empty when the workbook has no such sheet. */
    public static Map<String, Kept> read(Workbook wb, CarryForwardSpec spec) {
        PreviousYear py = spec.previousYear();
        Map<String, Kept> out = new LinkedHashMap<>();
        Sheet s = ExtraSheet.find(wb, py.sheetName(), py.title());
        int header = s == null ? -1 : ExtraSheet.headerRow(s);
        int valueCol = header < 0 ? -1 : ExtraSheet.column(s, header, VALUE_HEADER);
        if (valueCol < 0) {
            return out;
        }
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        Map<String, Figure> byLabel = new LinkedHashMap<>();
        py.figures().forEach(f -> byLabel.put(Text.labelKey(f.label()), f));
        for (int r = header + 1; r <= s.getLastRowNum(); r++) {
            Figure f = byLabel.get(Text.labelKey(ExtraSheet.text(s, r, 0)));
            if (f != null && !out.containsKey(f.key())) {
                out.put(f.key(), new Kept(f, ExtraSheet.amount(s, r, valueCol, evaluator), ExtraSheet.loc(s, r, valueCol)));
            }
        }
        return out;
    }
}
