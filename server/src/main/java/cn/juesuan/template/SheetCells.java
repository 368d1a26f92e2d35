package cn.juesuan.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/** Writing cells of one template sheet: values with styles, formulas, merges and the comments that carry jXLS commands. */
final class SheetCells {
    private final Sheet sheet;
    private final Drawing<?> drawing;
    private final CreationHelper helper;

    SheetCells(Workbook wb, String sheetName) {
        this.sheet = wb.createSheet(sheetName);
        this.drawing = sheet.createDrawingPatriarch();
        this.helper = wb.getCreationHelper();
    }

    Sheet sheet() {
        return sheet;
    }

    Row row(int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }

    void cell(int r, int c, String value, CellStyle style) {
        Cell cell = row(r).createCell(c);
        if (value != null) {
            cell.setCellValue(value);
        }
        cell.setCellStyle(style);
    }

    void formula(int r, int c, String formula, CellStyle style) {
        Cell cell = row(r).createCell(c);
        cell.setCellFormula(formula);
        cell.setCellStyle(style);
    }

    void merge(int r1, int r2, int c1, int c2) {
        if (r1 != r2 || c1 != c2) {
            sheet.addMergedRegion(new CellRangeAddress(r1, r2, c1, c2));
        }
    }

    void comment(int r, int c, String text) {
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setRow1(r);
        anchor.setCol1(c);
        anchor.setRow2(r + 3);
        anchor.setCol2(c + 4);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        Cell cell = row(r).getCell(c);
        (cell == null ? row(r).createCell(c) : cell).setCellComment(comment);
    }

    static String ref(int r, int c) {
        return new CellReference(r, c).formatAsString(false);
    }
}
