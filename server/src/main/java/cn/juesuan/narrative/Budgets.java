package cn.juesuan.narrative;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.read.CellValues;
import cn.juesuan.text.Numbers;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 全年预算 by 功能分类 code: the denominators of the completion rates (完成预算…%), which the 公开 tables do not carry.
 * They come from a sheet “全年预算” of the workbook (科目编码 | 科目名称 | 决算数 | 全年预算数), which the narrative
 * workbook output adds for the accountant to fill.
 *
 * @param byCode budget by code (类, 款 or 项), in 万元
 * @param total  the 合计 row, or null (then the sum of the 类)
 * @param notes  cells that could not be read, in Chinese
 */
public record Budgets(Map<String, BigDecimal> byCode, BigDecimal total, List<String> notes) {
    public static final Budgets NONE = new Budgets(Map.of(), null, List.of());
    public static final String SHEET = "全年预算";
    private static final String CODE_HEADER = "科目编码";
    private static final String BUDGET_HEADER = "全年预算";

    public Budgets {
        byCode = Collections.unmodifiableMap(new LinkedHashMap<>(byCode));
        notes = List.copyOf(notes);
    }

    public BigDecimal of(String code) {
        return byCode.get(code);
    }

    public boolean isEmpty() {
        return byCode.isEmpty() && total == null;
    }

    /** The budgets of the workbook's “全年预算” sheet; {@link #NONE} when it has none. */
    public static Budgets read(Workbook wb, boolean yuan) {
        Sheet sheet = null;
        for (Sheet s : wb) {
            if (Text.key(s.getSheetName()).equals(SHEET)) {
                sheet = s;
            }
        }
        if (sheet == null) {
            return NONE;
        }
        DataFormatter fmt = new DataFormatter();
        CellValues values = new CellValues(wb);
        int codeCol = -1;
        int budgetCol = -1;
        int nameCol = -1;
        Map<String, BigDecimal> byCode = new LinkedHashMap<>();
        BigDecimal total = null;
        List<String> notes = new ArrayList<>();
        for (Row row : sheet) {
            if (budgetCol < 0) {
                for (Cell c : row) {
                    String k = Text.key(fmt.formatCellValue(c));
                    if (k.contains(CODE_HEADER)) {
                        codeCol = c.getColumnIndex();
                    } else if (k.contains(BUDGET_HEADER)) {
                        budgetCol = c.getColumnIndex();
                    } else if (k.contains("科目名称")) {
                        nameCol = c.getColumnIndex();
                    }
                }
                if (codeCol < 0 || budgetCol < 0) {
                    budgetCol = -1;
                }
                continue;
            }
            String code = CodeCatalogue.normalizeCode(fmt.formatCellValue(row.getCell(codeCol)));
            String name = nameCol < 0 ? "" : Text.key(fmt.formatCellValue(row.getCell(nameCol)));
            Cell cell = row.getCell(budgetCol);
            Numbers.Parsed v = values.amount(cell);
            String where = "“" + SHEET + "”表 " + new CellReference(row.getRowNum(), budgetCol).formatAsString();
            if (v.value() == null) {
                if (v.hasIssue()) {
                    notes.add(where + "：" + v.message());
                }
                continue;
            }
            BigDecimal amount = yuan ? v.value().movePointLeft(4) : v.value();
            if (code != null && code.matches("\\d{3}|\\d{5}|\\d{7}")) {
                byCode.put(code, amount);
            } else if (Text.key(code).contains("合计") || name.contains("合计")) {
                total = amount;
            } else {
                notes.add(where + "：这一行没有可识别的科目编码，已忽略。");
            }
        }
        return new Budgets(byCode, total, notes);
    }

    /**
     * Adds the “全年预算” sheet for the accountant to fill: one row per lowest-level 科目 of the 一般公共预算财政拨款支出
     * with its 决算数, an empty 全年预算数 and the completion as a formula; a 合计 row. Does nothing when the sheet exists.
     */
    static void addSheet(Workbook wb, Figures f) {
        if (wb.getSheet(SHEET) != null) {
            return;
        }
        Sheet s = wb.createSheet(SHEET);
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        CellStyle pct = wb.createCellStyle();
        pct.setDataFormat(wb.createDataFormat().getFormat("0.00%"));
        Row title = s.createRow(0);
        title.createCell(0).setCellValue(f.year() + "年度一般公共预算财政拨款支出全年预算（万元）——填写“全年预算数”后重新生成决算说明，"
                + "即得各科目的完成预算比例");
        Row head = s.createRow(1);
        String[] headers = {CODE_HEADER, "科目名称", "决算数", "全年预算数", "完成预算"};
        for (int i = 0; i < headers.length; i++) {
            head.createCell(i).setCellValue(headers[i]);
        }
        int r = 2;
        List<String> rows = new ArrayList<>(f.items());
        for (String key : rows) {
            Quantity q = f.q(key);
            Row row = s.createRow(r);
            row.createCell(0).setCellValue(Figures.codeOf(key));
            row.createCell(1).setCellValue(q.label());
            numeric(row, 2, q.value(), money);
            numeric(row, 3, q.budget(), money);
            completionFormula(row, r, pct);
            r++;
        }
        Row total = s.createRow(r);
        total.createCell(0).setCellValue("合计");
        numeric(total, 2, f.value(Figures.GPB), money);
        numeric(total, 3, f.budgets().total(), money);
        completionFormula(total, r, pct);
        s.setColumnWidth(0, 12 * 256);
        s.setColumnWidth(1, 36 * 256);
        for (int c = 2; c <= 4; c++) {
            s.setColumnWidth(c, 14 * 256);
        }
    }

    private static void numeric(Row row, int col, BigDecimal v, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellStyle(style);
        if (v != null) {
            c.setCellValue(v.doubleValue()); // a spreadsheet cell holds a double
        } else {
            c.setBlank();
        }
    }

    private static void completionFormula(Row row, int r, CellStyle pct) {
        Cell c = row.createCell(4, CellType.FORMULA);
        int excelRow = r + 1;
        c.setCellFormula("IF(N(D" + excelRow + ")=0,\"\",C" + excelRow + "/D" + excelRow + ")");
        c.setCellStyle(pct);
    }
}
