package cn.juesuan.template;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of a published table, created once per workbook (also for sheets added beside the tables). */
public final class Styles {
    public static final String AMOUNT_FORMAT = "#,##0.00";
    private static final String FONT = "宋体";

    public final CellStyle title;
    public final CellStyle right;
    public final CellStyle left;
    public final CellStyle center;
    public final CellStyle header;
    public final CellStyle label;
    public final CellStyle labelBold;
    public final CellStyle code;
    public final CellStyle amount;
    public final CellStyle amountBold;
    public final CellStyle note;

    public Styles(Workbook wb) {
        Font titleFont = font(wb, 16, true);
        Font plain = font(wb, 10, false);
        Font bold = font(wb, 10, true);
        title = plainStyle(wb, titleFont, HorizontalAlignment.CENTER);
        right = plainStyle(wb, plain, HorizontalAlignment.RIGHT);
        left = plainStyle(wb, plain, HorizontalAlignment.LEFT);
        center = plainStyle(wb, plain, HorizontalAlignment.CENTER);
        note = plainStyle(wb, plain, HorizontalAlignment.LEFT);
        note.setWrapText(true);
        header = bordered(wb, bold, HorizontalAlignment.CENTER);
        header.setWrapText(true);
        label = bordered(wb, plain, HorizontalAlignment.LEFT);
        labelBold = bordered(wb, bold, HorizontalAlignment.LEFT);
        code = bordered(wb, plain, HorizontalAlignment.LEFT);
        code.setDataFormat(wb.createDataFormat().getFormat("@"));
        amount = bordered(wb, plain, HorizontalAlignment.RIGHT);
        amount.setDataFormat(wb.createDataFormat().getFormat(AMOUNT_FORMAT));
        amountBold = bordered(wb, bold, HorizontalAlignment.RIGHT);
        amountBold.setDataFormat(wb.createDataFormat().getFormat(AMOUNT_FORMAT));
    }

    static Font font(Workbook wb, int points, boolean bold) {
        Font f = wb.createFont();
        f.setFontName(FONT);
        f.setFontHeightInPoints((short) points);
        f.setBold(bold);
        return f;
    }

    private static CellStyle plainStyle(Workbook wb, Font f, HorizontalAlignment h) {
        CellStyle s = wb.createCellStyle();
        s.setFont(f);
        s.setAlignment(h);
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        return s;
    }

    static CellStyle bordered(Workbook wb, Font f, HorizontalAlignment h) {
        CellStyle s = plainStyle(wb, f, h);
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
        return s;
    }
}
