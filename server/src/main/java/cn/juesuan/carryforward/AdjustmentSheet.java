package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForward.AdjustmentLine;
import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.carryforward.CarryForwardSpec.Adjustments;
import cn.juesuan.carryforward.CarryForwardSpec.AreaOpening;
import cn.juesuan.carryforward.CarryForwardSpec.Category;
import cn.juesuan.carryforward.CarryForwardSpec.Opening;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.template.Styles;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 年初结转和结余调整 sheet: per opening balance (and per 科目 of the fund tables), the entries that explain why this
 * year's 年初 differs from last year's 年末 (会计差错更正, 收回以前年度支出, 归集调入 …).
 */
public final class AdjustmentSheet {
    private static final String LABEL = "项目";
    private static final String CODE = "科目编码";
    private static final String NAME = "科目名称";
    private static final String CLOSING = "上年年末数";
    private static final List<String> TAIL = List.of("调整合计", "调整后年初数", "本年年初数", "未说明的差额");

    /**
     * The entries of one line.
     *
     * @param total Σ sign × category amount; null when no category is filled
     * @param cells the category cells that hold an amount
     */
    public record Entry(String key, BigDecimal total, List<CellLoc> cells) {
        public Entry {
            cells = List.copyOf(cells);
        }
    }

    private AdjustmentSheet() {
    }

    static void write(Workbook wb, Styles styles, Carried carried, WorkbookMap tables) {
        Adjustments spec = carried.spec().adjustments();
        List<String> headers = new ArrayList<>(List.of(LABEL, CODE, NAME, CLOSING));
        List<Integer> widths = new ArrayList<>(List.of(40, 12, 24, 14));
        spec.categories().forEach(c -> {
            headers.add(c.label());
            widths.add(14);
        });
        headers.addAll(TAIL);
        TAIL.forEach(t -> widths.add(14));
        ExtraSheet s = ExtraSheet.create(wb, styles, spec.sheetName(), spec.title(), carried.data(), headers, widths);
        int firstCat = 4;
        int total = firstCat + spec.categories().size();
        int r = ExtraSheet.FIRST_ROW;
        for (AdjustmentLine line : carried.lines()) {
            s.text(r, 0, line.label(), styles.label);
            s.text(r, 1, line.code(), styles.code);
            s.text(r, 2, line.name(), styles.label);
            s.amount(r, 3, line.previousClosing());
            StringBuilder sum = new StringBuilder();
            for (int i = 0; i < spec.categories().size(); i++) {
                s.amount(r, firstCat + i, null);
                Category c = spec.categories().get(i);
                sum.append(c.sign() < 0 ? "-" : sum.isEmpty() ? "" : "+").append(ref(r, firstCat + i));
            }
            s.formula(r, total, sum.toString());
            s.formula(r, total + 1, ref(r, 3) + "+" + ref(r, total));
            CellLoc opening = openingCell(carried, line, tables);
            if (opening != null) {
                s.formula(r, total + 2, "'" + opening.sheet().replace("'", "''") + "'!" + opening.a1());
                s.formula(r, total + 3, ref(r, total + 2) + "-" + ref(r, total + 1));
            } else {
                s.amount(r, total + 2, null);
                s.amount(r, total + 3, null);
            }
            r++;
        }
        StringBuilder how = new StringBuilder("注：本年年初数与上年年末数不一致时，按原因在本表填列调整数。调整后年初数 = 上年年末数");
        spec.categories().forEach(c -> how.append(c.sign() < 0 ? " − " : " + ").append(c.label()));
        how.append("；减少年初数的项目填正数，会计差错更正、单位内部调剂按增减填正负数。“未说明的差额”应为 0。");
        s.note(r, headers.size() - 1, how.toString());
    }

    private static CellLoc openingCell(Carried carried, AdjustmentLine line, WorkbookMap tables) {
        if (!line.isArea()) {
            WorkbookMap.TableLoc t = tables.table(line.to().table());
            return t == null ? null : t.cell(line.to().row(), line.to().column());
        }
        WorkbookMap.TableLoc t = tables.table(line.areaTable());
        List<SubjectRow> rows = carried.data().table(line.areaTable()).rows();
        for (int i = 0; t != null && i < rows.size() && i < t.area().size(); i++) {
            if (line.code().equals(rows.get(i).code())) {
                return t.area().get(i).get(line.areaColumn());
            }
        }
        return null;
    }

    /** The entries found on the sheet, by line key ("all", "gpb", "gfb:2120801"); empty without the sheet. */
    public static Map<String, Entry> read(Workbook wb, CarryForwardSpec spec) {
        Adjustments adj = spec.adjustments();
        Map<String, Entry> out = new LinkedHashMap<>();
        Sheet s = ExtraSheet.find(wb, adj.sheetName(), adj.title());
        int header = s == null ? -1 : ExtraSheet.headerRow(s);
        if (header < 0) {
            return out;
        }
        int codeCol = ExtraSheet.column(s, header, CODE);
        List<Integer> catCols = new ArrayList<>();
        adj.categories().forEach(c -> catCols.add(ExtraSheet.column(s, header, c.label())));
        Map<String, String> fixed = new LinkedHashMap<>();
        for (Opening o : spec.openings()) {
            fixed.put(Text.labelKey(o.label()), o.key());
        }
        Map<String, String> areas = new LinkedHashMap<>();
        for (AreaOpening a : spec.areaOpenings()) {
            areas.put(Text.labelKey(a.label()), a.key());
        }
        FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        for (int r = header + 1; r <= s.getLastRowNum(); r++) {
            String label = Text.labelKey(ExtraSheet.text(s, r, 0));
            String code = codeCol < 0 ? "" : ExtraSheet.text(s, r, codeCol).replaceAll("\\s", "");
            String key = fixed.containsKey(label) ? fixed.get(label)
                    : areas.containsKey(label) && !code.isEmpty() ? areas.get(label) + ":" + code : null;
            if (key == null || out.containsKey(key)) {
                continue;
            }
            BigDecimal total = null;
            List<CellLoc> cells = new ArrayList<>();
            for (int i = 0; i < catCols.size(); i++) {
                BigDecimal v = catCols.get(i) < 0 ? null : ExtraSheet.amount(s, r, catCols.get(i), evaluator);
                if (v != null) {
                    BigDecimal signed = adj.categories().get(i).sign() < 0 ? v.negate() : v;
                    total = total == null ? signed : total.add(signed);
                    cells.add(ExtraSheet.loc(s, r, catCols.get(i)));
                }
            }
            out.put(key, new Entry(key, total, cells));
        }
        return out;
    }

    private static String ref(int r, int c) {
        return new CellReference(r, c).formatAsString(false);
    }
}
