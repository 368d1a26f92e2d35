package cn.juesuan.rules;

import cn.juesuan.read.WorkbookOpener;
import cn.juesuan.read.WorkbookProperties;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An annotated copy of a validated workbook: offending cells filled by severity (错误 red, 提示 yellow, 信息 blue) with a
 * comment holding the messages, and a first sheet 校验结果 listing every finding with a link to its cell.
 * The input bytes are not modified.
 */
public final class AnnotatedWorkbook {
    public static final String RESULT_SHEET = WorkbookProperties.RESULT_SHEET;
    private static final String AUTHOR = "决算助手";
    private static final Map<Severity, byte[]> FILLS = new EnumMap<>(Map.of(
            Severity.ERROR, new byte[]{(byte) 0xFF, (byte) 0xC7, (byte) 0xCE},
            Severity.WARNING, new byte[]{(byte) 0xFF, (byte) 0xEB, (byte) 0x9C},
            Severity.INFO, new byte[]{(byte) 0xDD, (byte) 0xEB, (byte) 0xF7}));

    private AnnotatedWorkbook() {
    }

    public static byte[] annotate(byte[] xlsx, ValidationReport report) {
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int old = wb.getSheetIndex(RESULT_SHEET);
            if (old >= 0) {
                wb.removeSheetAt(old);
            }
            markCells(wb, report.findings());
            writeResultSheet(wb, report);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Worst severity and the messages per cell, then one fill style per (original style, severity). */
    private static void markCells(XSSFWorkbook wb, List<Finding> findings) {
        Map<String, Map<String, Severity>> worst = new LinkedHashMap<>();
        Map<String, Map<String, StringBuilder>> notes = new HashMap<>();
        for (Finding f : findings) {
            for (String address : f.cells()) {
                String[] sa = Addresses.parse(f.sheet(), address);
                if (sa[0] == null || wb.getSheet(sa[0]) == null) {
                    continue;
                }
                worst.computeIfAbsent(sa[0], k -> new LinkedHashMap<>()).merge(sa[1], f.severity(),
                        (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                StringBuilder n = notes.computeIfAbsent(sa[0], k -> new HashMap<>()).computeIfAbsent(sa[1], k -> new StringBuilder());
                if (n.length() > 0) {
                    n.append('\n');
                }
                n.append('【').append(f.severity().label()).append("】").append(f.ruleId()).append(' ').append(f.message());
            }
        }
        Map<String, CellStyle> styles = new HashMap<>();
        CreationHelper helper = wb.getCreationHelper();
        worst.forEach((sheetName, cells) -> {
            Sheet sheet = wb.getSheet(sheetName);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            cells.forEach((a1, severity) -> {
                CellReference ref = new CellReference(a1);
                Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
                Cell cell = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
                String key = cell.getCellStyle().getIndex() + "/" + severity;
                cell.setCellStyle(styles.computeIfAbsent(key, k -> filled(wb, cell.getCellStyle(), severity)));
                String text = notes.get(sheetName).get(a1).toString();
                Comment existing = cell.getCellComment();
                if (existing != null) {
                    // an earlier annotation is replaced; a person's own comment is kept above ours
                    String theirs = AUTHOR.equals(existing.getAuthor()) ? "" : existing.getString().getString() + "\n";
                    existing.setString(helper.createRichTextString(theirs + text));
                    existing.setAuthor(AUTHOR);
                    return;
                }
                ClientAnchor anchor = helper.createClientAnchor();
                anchor.setRow1(ref.getRow());
                anchor.setCol1(ref.getCol() + 1);
                anchor.setRow2(ref.getRow() + 5);
                anchor.setCol2(ref.getCol() + 6);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(helper.createRichTextString(text));
                comment.setAuthor(AUTHOR);
                cell.setCellComment(comment);
            });
        });
    }

    private static CellStyle filled(XSSFWorkbook wb, CellStyle original, Severity severity) {
        XSSFCellStyle s = wb.createCellStyle();
        s.cloneStyleFrom(original);
        s.setFillForegroundColor(new XSSFColor(FILLS.get(severity), null));
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return s;
    }

    private static void writeResultSheet(XSSFWorkbook wb, ValidationReport report) {
        Sheet s = wb.createSheet(RESULT_SHEET);
        wb.setSheetOrder(RESULT_SHEET, 0);
        wb.setActiveSheet(0);
        wb.setSelectedTab(0);
        for (int i = 1; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(false);
        }
        Font bold = wb.createFont();
        bold.setBold(true);
        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        Font linkFont = wb.createFont();
        linkFont.setUnderline(Font.U_SINGLE);
        linkFont.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
        CellStyle link = wb.createCellStyle();
        link.setFont(linkFont);
        CellStyle amount = wb.createCellStyle();
        amount.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        Map<Severity, CellStyle> severityStyles = new EnumMap<>(Severity.class);
        for (Severity sev : Severity.values()) {
            XSSFCellStyle st = wb.createCellStyle();
            st.setFillForegroundColor(new XSSFColor(FILLS.get(sev), null));
            st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            severityStyles.put(sev, st);
        }

        ValidationReport.Counts c = report.counts();
        text(s.createRow(0), 0, "校验结果：" + nz(report.unit()) + " " + (report.year() == null ? "" : report.year() + "年度")
                + "（" + nz(report.profileName()) + "）", header);
        text(s.createRow(1), 0, "错误 " + c.error() + " 条（公开前必须改正），提示 " + c.warning() + " 条（需书面说明），信息 "
                + c.info() + " 条。点击“单元格”列可跳到该单元格。", null);
        String[] heads = {"序号", "严重程度", "规则", "表", "单元格", "行", "列", "填报数", "计算数", "差额", "说明"};
        Row h = s.createRow(3);
        for (int i = 0; i < heads.length; i++) {
            text(h, i, heads[i], header);
        }
        CreationHelper helper = wb.getCreationHelper();
        int r = 4;
        for (Finding f : report.findings()) {
            Row row = s.createRow(r);
            row.createCell(0).setCellValue(r - 3);
            text(row, 1, f.severity().label(), severityStyles.get(f.severity()));
            text(row, 2, f.ruleId(), null);
            text(row, 3, f.tableTitle(), null);
            String first = f.firstCell();
            if (first != null && f.sheet() != null) {
                String[] sa = Addresses.parse(f.sheet(), first);
                text(row, 4, sa[0] + "!" + sa[1], link);
                if (wb.getSheet(sa[0]) != null) {
                    Hyperlink hl = helper.createHyperlink(HyperlinkType.DOCUMENT);
                    hl.setAddress("'" + sa[0].replace("'", "''") + "'!" + sa[1]);
                    row.getCell(4).setHyperlink(hl);
                }
            }
            text(row, 5, f.rowLabel(), null);
            text(row, 6, f.columnLabel(), null);
            number(row, 7, f.reported(), amount);
            number(row, 8, f.computed(), amount);
            number(row, 9, f.difference(), amount);
            text(row, 10, f.message(), null);
            r++;
        }
        int[] widths = {6, 8, 22, 30, 30, 24, 20, 12, 12, 10, 80};
        for (int i = 0; i < widths.length; i++) {
            s.setColumnWidth(i, widths[i] * 256);
        }
        s.createFreezePane(0, 4);
        if (r > 4) {
            s.setAutoFilter(new org.apache.poi.ss.util.CellRangeAddress(3, r - 1, 0, heads.length - 1));
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value);
        }
        if (style != null) {
            c.setCellStyle(style);
        }
    }

    private static void number(Row row, int col, BigDecimal value, CellStyle style) {
        if (value != null) {
            Cell c = row.createCell(col);
            c.setCellValue(value.doubleValue());
            c.setCellStyle(style);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
