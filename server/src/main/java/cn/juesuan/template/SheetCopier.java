package cn.juesuan.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellCopyContext;
import org.apache.poi.ss.usermodel.CellCopyPolicy;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Appends the sheets of one template workbook to another (values, styles, merges, widths, heights, jXLS comments,
 * print setup), so that a profile's annex template and the self-evaluation template fill as one workbook.
 */
final class SheetCopier {
    private static final CellCopyPolicy POLICY = new CellCopyPolicy.Builder()
            .cellValue(true).cellStyle(true).cellFormula(true).mergedRegions(false).rowHeight(true).build();

    private SheetCopier() {
    }

    static byte[] append(byte[] base, byte[] extra) {
        try (XSSFWorkbook dst = new XSSFWorkbook(new ByteArrayInputStream(base));
             XSSFWorkbook src = new XSSFWorkbook(new ByteArrayInputStream(extra));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellCopyContext styles = new CellCopyContext();
            for (Sheet s : src) {
                copy((XSSFSheet) s, dst.createSheet(s.getSheetName()), styles);
            }
            dst.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(XSSFSheet from, XSSFSheet to, CellCopyContext styles) {
        int lastCol = 0;
        for (Row r : from) {
            XSSFRow target = to.createRow(r.getRowNum());
            target.copyRowFrom(r, POLICY, styles);
            lastCol = Math.max(lastCol, r.getLastCellNum());
        }
        for (CellRangeAddress a : from.getMergedRegions()) {
            to.addMergedRegion(a.copy());
        }
        for (int c = 0; c < lastCol; c++) {
            to.setColumnWidth(c, from.getColumnWidth(c));
        }
        Drawing<?> drawing = to.createDrawingPatriarch();
        for (Row r : from) {
            for (Cell c : r) {
                Comment comment = c.getCellComment();
                if (comment == null) {
                    continue;
                }
                ClientAnchor anchor = to.getWorkbook().getCreationHelper().createClientAnchor();
                anchor.setRow1(c.getRowIndex());
                anchor.setCol1(c.getColumnIndex());
                anchor.setRow2(c.getRowIndex() + 4);
                anchor.setCol2(c.getColumnIndex() + 5);
                Comment copy = drawing.createCellComment(anchor);
                copy.setString(to.getWorkbook().getCreationHelper().createRichTextString(comment.getString().getString()));
                to.getRow(c.getRowIndex()).getCell(c.getColumnIndex()).setCellComment(copy);
            }
        }
        PrintSetup ps = to.getPrintSetup();
        ps.setPaperSize(from.getPrintSetup().getPaperSize());
        ps.setLandscape(from.getPrintSetup().getLandscape());
        ps.setFitWidth(from.getPrintSetup().getFitWidth());
        ps.setFitHeight(from.getPrintSetup().getFitHeight());
        to.setFitToPage(from.getFitToPage());
        to.setHorizontallyCenter(from.getHorizontallyCenter());
    }
}
