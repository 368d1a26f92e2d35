package cn.juesuan.carryforward;

import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.template.Styles;
import cn.juesuan.text.Numbers;
import cn.juesuan.text.Text;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.math.BigDecimal;
import java.util.List;

/**
 * A sheet the carry-forward adds beside the tables (上年数, 年初结转和结余调整): written with the tables' styles,
 * read back by its header texts, so that a sheet edited by hand still reads.
 */
final class ExtraSheet {
    static final int TITLE_ROW = 0;
    static final int UNIT_ROW = 1;
    static final int HEADER_ROW = 2;
    static final int FIRST_ROW = 3;
    private static final int SCAN_ROWS = 8;
    private static final float LINE_POINTS = 14f;

    final Sheet sheet;
    final Styles styles;
    /** Bordered text that wraps within its column. */
    final CellStyle wrapped;

    private ExtraSheet(Sheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
        this.wrapped = sheet.getWorkbook().createCellStyle();
        wrapped.cloneStyleFrom(styles.label);
        wrapped.setWrapText(true);
    }

    /** A new sheet with title, the unit line (部门 / 年度 / 单位) and the header row. */
    static ExtraSheet create(Workbook wb, Styles styles, String name, String title, ReportData data, List<String> headers,
                             List<Integer> widths) {
        int existing = wb.getSheetIndex(name);
        if (existing >= 0) {
            wb.removeSheetAt(existing);
        }
        ExtraSheet s = new ExtraSheet(wb.createSheet(name), styles);
        int last = headers.size() - 1;
        s.text(TITLE_ROW, 0, title, styles.title);
        s.merge(TITLE_ROW, 0, last);
        s.sheet.getRow(TITLE_ROW).setHeightInPoints(30);
        s.text(UNIT_ROW, 0, "部门：" + (data.unit().name() == null ? "" : data.unit().name()), styles.left);
        s.text(UNIT_ROW, 1, data.year() + "年度", styles.center);
        s.text(UNIT_ROW, last, "单位：" + data.moneyUnitOr("万元"), styles.right);
        for (int c = 0; c < headers.size(); c++) {
            s.text(HEADER_ROW, c, headers.get(c), styles.header);
            s.sheet.setColumnWidth(c, widths.get(c) * 256);
        }
        s.fitHeight(HEADER_ROW);
        PrintSetup ps = s.sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(headers.size() > 6);
        s.sheet.setFitToPage(true);
        s.sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        return s;
    }

    void text(int r, int c, String value, CellStyle style) {
        Cell cell = cell(r, c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    void amount(int r, int c, BigDecimal value) {
        Cell cell = cell(r, c);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        cell.setCellStyle(styles.amount);
    }

    void formula(int r, int c, String formula) {
        Cell cell = cell(r, c);
        cell.setCellFormula(formula);
        cell.setCellStyle(styles.amount);
    }

    /** A note under the last row, across all columns. */
    void note(int r, int lastCol, String text) {
        text(r, 0, text, styles.note);
        merge(r, 0, lastCol);
        int width = 0;
        for (int c = 0; c <= lastCol; c++) {
            width += sheet.getColumnWidth(c) / 256;
        }
        sheet.getRow(r).setHeightInPoints(LINE_POINTS * lines(text, width));
    }

    /** Sets the row's height to show its wrapped texts whole (spreadsheets do not all fit heights on opening). */
    void fitHeight(int r) {
        Row row = sheet.getRow(r);
        int lines = 1;
        for (Cell c : row) {
            if (c.getCellType() == CellType.STRING && c.getCellStyle().getWrapText()) {
                lines = Math.max(lines, lines(c.getStringCellValue(), sheet.getColumnWidth(c.getColumnIndex()) / 256));
            }
        }
        row.setHeightInPoints(LINE_POINTS * lines);
    }

    /** Lines a text takes in a column of the given width (characters; a Chinese character counts two). */
    private static int lines(String text, int width) {
        int w = text.codePoints().map(cp -> cp < 0x2E80 ? 1 : 2).sum();
        return Math.max(1, (w + Math.max(1, width - 2) - 1) / Math.max(1, width - 2));
    }

    void merge(int r, int c1, int c2) {
        if (c2 > c1) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, c1, c2));
        }
    }

    private Cell cell(int r, int c) {
        Row row = sheet.getRow(r);
        if (row == null) {
            row = sheet.createRow(r);
        }
        return row.createCell(c);
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** The sheet by its name, else the first sheet with the title near its top; null when there is none. */
    static Sheet find(Workbook wb, String name, String title) {
        Sheet byName = wb.getSheet(name);
        if (byName != null) {
            return byName;
        }
        String key = Text.titleKey(title);
        DataFormatter f = new DataFormatter();
        for (Sheet s : wb) {
            for (int r = 0; r <= Math.min(SCAN_ROWS, s.getLastRowNum()); r++) {
                Row row = s.getRow(r);
                if (row != null && row.getFirstCellNum() >= 0 && Text.titleKey(f.formatCellValue(row.getCell(row.getFirstCellNum()))).startsWith(key)) {
                    return s;
                }
            }
        }
        return null;
    }

    /** Row index of the header: the first row whose first cell says 项目; -1 when none. */
    static int headerRow(Sheet s) {
        for (int r = 0; r <= Math.min(SCAN_ROWS, s.getLastRowNum()); r++) {
            if (Text.key(text(s, r, 0)).equals("项目")) {
                return r;
            }
        }
        return -1;
    }

    /** Column of the header row whose text starts with the label (after normalising), or -1. */
    static int column(Sheet s, int headerRow, String label) {
        Row row = s.getRow(headerRow);
        if (row == null) {
            return -1;
        }
        String key = Text.labelKey(label);
        for (int c = 0; c < row.getLastCellNum(); c++) {
            if (Text.labelKey(text(s, headerRow, c)).startsWith(key)) {
                return c;
            }
        }
        return -1;
    }

    static String text(Sheet s, int r, int c) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue().strip() : new DataFormatter().formatCellValue(cell).strip();
    }

    /** An amount cell: numbers, formulas (evaluated) and numbers typed as text; null when blank or not a number. */
    static BigDecimal amount(Sheet s, int r, int c, FormulaEvaluator evaluator) {
        Row row = s.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        if (cell == null) {
            return null;
        }
        CellType type;
        try {
            type = cell.getCellType() == CellType.FORMULA ? evaluator.evaluateFormulaCell(cell) : cell.getCellType();
        } catch (RuntimeException e) {
            return null; // a formula POI cannot evaluate counts as no amount
        }
        return switch (type) {
            case NUMERIC -> Numbers.fromDouble(cell.getNumericCellValue());
            case STRING -> Numbers.parse(cell.getStringCellValue()).value();
            default -> null;
        };
    }

    static CellLoc loc(Sheet s, int r, int c) {
        return new CellLoc(s.getSheetName(), r, c);
    }
}
