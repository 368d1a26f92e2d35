package cn.juesuan.template;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellCopyContext;
import org.apache.poi.ss.usermodel.CellCopyPolicy;
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
                copy((XSSFSheet) s, new SheetCells(dst, s.getSheetName()), styles);
            }
            dst.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(XSSFSheet from, SheetCells cells, CellCopyContext styles) {
        XSSFSheet to = (XSSFSheet) cells.sheet();
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
        for (Row r : from) {
            for (Cell c : r) {
                if (c.getCellComment() != null) {
                    cells.comment(c.getRowIndex(), c.getColumnIndex(), c.getCellComment().getString().getString());
                }
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
