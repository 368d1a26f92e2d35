package cn.juesuan.batch;

import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Severity;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The batch summary as a workbook: 汇总 (a row per file, linked to the file and to its findings), 按规则统计
 * (files and findings per rule) and 问题明细 (every finding, linked back to its file's row). Written with SXSSF, so a
 * batch of thousands of files with many findings stays in little memory.
 */
public final class SummaryWorkbook {
    public static final String SUMMARY = "汇总";
    public static final String RULES = "按规则统计";
    public static final String FINDINGS = "问题明细";
    /** Rows of the 汇总 sheet above the first file. */
    public static final int FIRST_FILE_ROW = 2;
    static final String[] SUMMARY_HEADER = {"序号", "文件", "单位", "年度", "表样", "错误", "提示", "信息", "状态", "说明", "问题明细"};
    static final String[] FINDINGS_HEADER = {"文件", "单位", "严重程度", "规则", "表", "工作表", "单元格", "说明"};
    static final String[] RULES_HEADER = {"规则", "严重程度", "表", "涉及文件数", "问题数", "示例"};
    /** Excel's row limit, less the header. */
    private static final int MAX_FINDING_ROWS = 1_048_575;

    private SummaryWorkbook() {
    }

    /** @param output where the workbook will be saved: file links are written relative to its folder */
    public static byte[] write(BatchResult batch, Path output) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles st = new Styles(wb);
            Sheet summary = wb.createSheet(SUMMARY);
            Sheet rules = wb.createSheet(RULES);
            Sheet details = wb.createSheet(FINDINGS);
            int[] firstFinding = writeFindings(wb, details, batch, st);
            writeSummary(wb, summary, batch, output, firstFinding, st);
            writeRules(rules, batch, st);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSummary(SXSSFWorkbook wb, Sheet sh, BatchResult batch, Path output, int[] firstFinding,
                                     Styles st) {
        CreationHelper helper = wb.getCreationHelper();
        Row title = sh.createRow(0);
        text(title, 0, "批量校验汇总：" + batch.root() + "　" + batch.headline(), st.bold);
        header(sh.createRow(1), SUMMARY_HEADER, st);
        List<FileResult> files = batch.files();
        for (int i = 0; i < files.size(); i++) {
            FileResult f = files.get(i);
            Row row = sh.createRow(FIRST_FILE_ROW + i);
            number(row, 0, i + 1, st.plain);
            Cell file = text(row, 1, f.relative(), st.link);
            file.setHyperlink(link(helper, HyperlinkType.FILE, Links.relative(output, f.path())));
            text(row, 2, f.unit(), st.plain);
            if (f.year() != null) {
                number(row, 3, f.year(), st.plain);
            }
            text(row, 4, f.profileName() != null ? f.profileName() : f.profile(), st.plain);
            boolean checked = f.status() == FileResult.Status.PASSED || f.status() == FileResult.Status.HAS_ERRORS;
            if (checked) {
                number(row, 5, f.count(Severity.ERROR), st.plain);
                number(row, 6, f.count(Severity.WARNING), st.plain);
                number(row, 7, f.count(Severity.INFO), st.plain);
            }
            text(row, 8, f.status().label(), f.status() == FileResult.Status.PASSED ? st.ok : st.bad);
            text(row, 9, f.reason(), st.plain);
            if (firstFinding[i] >= 0) {
                Cell c = text(row, 10, "查看 " + f.findings().size() + " 条", st.link);
                c.setHyperlink(link(helper, HyperlinkType.DOCUMENT, "'" + FINDINGS + "'!A" + (firstFinding[i] + 1)));
            }
        }
        int[] widths = {6, 40, 30, 6, 30, 6, 6, 6, 9, 60, 12};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
        sh.createFreezePane(0, FIRST_FILE_ROW);
        if (!files.isEmpty()) {
            sh.setAutoFilter(new CellRangeAddress(1, FIRST_FILE_ROW + files.size() - 1, 0, SUMMARY_HEADER.length - 1));
        }
    }

    /** Writes 问题明细; returns, per file, the 0-based row of its first finding or -1. */
    private static int[] writeFindings(SXSSFWorkbook wb, Sheet sh, BatchResult batch, Styles st) {
        CreationHelper helper = wb.getCreationHelper();
        header(sh.createRow(0), FINDINGS_HEADER, st);
        List<FileResult> files = batch.files();
        int[] first = new int[files.size()];
        int r = 1;
        for (int i = 0; i < files.size(); i++) {
            FileResult f = files.get(i);
            first[i] = f.findings().isEmpty() || r > MAX_FINDING_ROWS ? -1 : r;
            for (Finding x : f.findings()) {
                if (r > MAX_FINDING_ROWS) {
                    break;
                }
                Row row = sh.createRow(r++);
                Cell file = text(row, 0, f.relative(), st.link);
                file.setHyperlink(link(helper, HyperlinkType.DOCUMENT, "'" + SUMMARY + "'!B" + (FIRST_FILE_ROW + i + 1)));
                text(row, 1, f.unit(), st.plain);
                text(row, 2, x.severity().label(), x.severity() == Severity.ERROR ? st.bad : st.plain);
                text(row, 3, x.ruleId(), st.plain);
                text(row, 4, x.tableTitle(), st.plain);
                text(row, 5, x.sheet(), st.plain);
                text(row, 6, String.join(" ", x.cells()), st.plain);
                text(row, 7, x.message(), st.plain);
            }
        }
        int[] widths = {36, 28, 8, 22, 36, 24, 14, 90};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
        sh.createFreezePane(0, 1);
        if (r > 1) {
            sh.setAutoFilter(new CellRangeAddress(0, r - 1, 0, FINDINGS_HEADER.length - 1));
        }
        return first;
    }

    private static void writeRules(Sheet sh, BatchResult batch, Styles st) {
        header(sh.createRow(0), RULES_HEADER, st);
        int r = 1;
        for (BatchResult.RuleCount c : batch.ruleCounts()) {
            Row row = sh.createRow(r++);
            text(row, 0, c.ruleId(), st.plain);
            text(row, 1, c.severity().label(), c.severity() == Severity.ERROR ? st.bad : st.plain);
            text(row, 2, c.tableTitle(), st.plain);
            number(row, 3, c.files(), st.plain);
            number(row, 4, c.findings(), st.plain);
            text(row, 5, c.example(), st.plain);
        }
        int[] widths = {26, 9, 36, 11, 9, 90};
        for (int c = 0; c < widths.length; c++) {
            sh.setColumnWidth(c, widths[c] * 256);
        }
        sh.createFreezePane(0, 1);
    }

    private static Hyperlink link(CreationHelper helper, HyperlinkType type, String address) {
        Hyperlink h = helper.createHyperlink(type);
        h.setAddress(address);
        return h;
    }

    private static void header(Row row, String[] names, Styles st) {
        for (int c = 0; c < names.length; c++) {
            text(row, c, names[c], st.header);
        }
    }

    private static Cell text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        c.setCellStyle(style);
        return c;
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle plain;
        final CellStyle bold;
        final CellStyle header;
        final CellStyle link;
        final CellStyle ok;
        final CellStyle bad;

        Styles(SXSSFWorkbook wb) {
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            Font linkFont = wb.createFont();
            linkFont.setUnderline(Font.U_SINGLE);
            linkFont.setColor(IndexedColors.BLUE.getIndex());
            Font red = wb.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            Font green = wb.createFont();
            green.setColor(IndexedColors.GREEN.getIndex());
            plain = wb.createCellStyle();
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            link = wb.createCellStyle();
            link.setFont(linkFont);
            ok = wb.createCellStyle();
            ok.setFont(green);
            bad = wb.createCellStyle();
            bad.setFont(red);
        }
    }
}
