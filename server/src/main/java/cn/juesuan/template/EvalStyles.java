package cn.juesuan.template;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The annex styles plus those of self-evaluation sheets: wrapped text, scores, 执行率 in percent. */
final class EvalStyles {
    final Styles base;
    final CellStyle text;
    final CellStyle textCenter;
    final CellStyle textBold;
    /** Scores and weights: General number format, right aligned. */
    final CellStyle score;
    final CellStyle scoreCenter;
    /** 执行率 in percent: 93.75 shows 93.75%. */
    final CellStyle percent;

    EvalStyles(Workbook wb) {
        base = new Styles(wb);
        Font plain = Styles.font(wb, 10, false);
        Font bold = Styles.font(wb, 10, true);
        text = Styles.bordered(wb, plain, HorizontalAlignment.LEFT);
        text.setWrapText(true);
        textCenter = Styles.bordered(wb, plain, HorizontalAlignment.CENTER);
        textCenter.setWrapText(true);
        textBold = Styles.bordered(wb, bold, HorizontalAlignment.LEFT);
        textBold.setWrapText(true);
        score = Styles.bordered(wb, plain, HorizontalAlignment.RIGHT);
        scoreCenter = Styles.bordered(wb, plain, HorizontalAlignment.CENTER);
        percent = Styles.bordered(wb, plain, HorizontalAlignment.RIGHT);
        percent.setDataFormat(wb.createDataFormat().getFormat("0.00\"%\""));
    }
}
