package cn.juesuan.bench;

import cn.juesuan.read.WorkbookProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fill baseline: what a developer would write by hand with plain POI (XSSF) to produce the same workbook.
 * {@link #capture} records, once, every cell of a workbook we filled (value or formula, style), the merges, column
 * widths, row heights, page setup, frozen panes and the 单位代码 document property; {@link #write} creates that workbook from nothing with the
 * ordinary POI calls: fonts and styles by setters, cells one by one, formulas as text, optionally evaluated so the
 * file carries cached values as ours does.
 */
public final class PlainPoiWriter {

    record StyleSpec(String font, short points, boolean bold, HorizontalAlignment h, VerticalAlignment v, boolean wrap,
                     BorderStyle top, BorderStyle bottom, BorderStyle left, BorderStyle right, String format) {
    }

    /** kind: 0 blank, 1 text, 2 number, 3 formula. */
    record CellSpec(int row, int col, int kind, String text, double number, int style) {
    }

    record SheetSpec(String name, List<CellSpec> cells, List<CellRangeAddress> merges, int[] widths,
                     Map<Integer, Float> heights, boolean landscape, int freezeRow, CellRangeAddress repeatingRows) {
    }

    private final List<StyleSpec> styles;
    private final List<SheetSpec> sheets;
    private final String unitCode;

    private PlainPoiWriter(List<StyleSpec> styles, List<SheetSpec> sheets, String unitCode) {
        this.styles = styles;
        this.sheets = sheets;
        this.unitCode = unitCode;
    }

    /** Records the contents of a workbook (not timed). */
    public static PlainPoiWriter capture(byte[] xlsx) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<StyleSpec> styles = new ArrayList<>();
            for (int i = 0; i < wb.getNumCellStyles(); i++) {
                CellStyle s = wb.getCellStyleAt(i);
                Font f = wb.getFontAt(s.getFontIndex());
                styles.add(new StyleSpec(f.getFontName(), f.getFontHeightInPoints(), f.getBold(), s.getAlignment(),
                        s.getVerticalAlignment(), s.getWrapText(), s.getBorderTop(), s.getBorderBottom(),
                        s.getBorderLeft(), s.getBorderRight(), s.getDataFormatString()));
            }
            List<SheetSpec> sheets = new ArrayList<>();
            for (Sheet sh : wb) {
                List<CellSpec> cells = new ArrayList<>();
                Map<Integer, Float> heights = new LinkedHashMap<>();
                int maxCol = 0;
                for (Row row : sh) {
                    if (row.isFormatted() || row.getHeightInPoints() != sh.getDefaultRowHeightInPoints()) {
                        heights.put(row.getRowNum(), row.getHeightInPoints());
                    }
                    for (Cell c : row) {
                        maxCol = Math.max(maxCol, c.getColumnIndex());
                        cells.add(switch (c.getCellType()) {
                            case STRING -> new CellSpec(c.getRowIndex(), c.getColumnIndex(), 1, c.getStringCellValue(), 0, c.getCellStyle().getIndex());
                            case NUMERIC -> new CellSpec(c.getRowIndex(), c.getColumnIndex(), 2, null, c.getNumericCellValue(), c.getCellStyle().getIndex());
                            case FORMULA -> new CellSpec(c.getRowIndex(), c.getColumnIndex(), 3, c.getCellFormula(), 0, c.getCellStyle().getIndex());
                            default -> new CellSpec(c.getRowIndex(), c.getColumnIndex(), 0, null, 0, c.getCellStyle().getIndex());
                        });
                    }
                }
                int[] widths = new int[maxCol + 1];
                for (int c = 0; c <= maxCol; c++) {
                    widths[c] = sh.getColumnWidth(c);
                }
                int freeze = sh.getPaneInformation() == null ? -1 : sh.getPaneInformation().getHorizontalSplitPosition();
                sheets.add(new SheetSpec(sh.getSheetName(), cells, List.copyOf(sh.getMergedRegions()), widths, heights,
                        sh.getPrintSetup().getLandscape(), freeze, sh.getRepeatingRows()));
            }
            return new PlainPoiWriter(styles, sheets, WorkbookProperties.unitCode(wb));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int cellCount() {
        return sheets.stream().mapToInt(s -> s.cells().size()).sum();
    }

    public long formulaCount() {
        return sheets.stream().flatMap(s -> s.cells().stream()).filter(c -> c.kind() == 3).count();
    }

    /** Writes the recorded workbook with plain POI calls. */
    public byte[] write(boolean evaluateFormulas) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            CellStyle[] made = createStyles(wb);
            for (SheetSpec spec : sheets) {
                Sheet sh = wb.createSheet(spec.name());
                for (int c = 0; c < spec.widths().length; c++) {
                    sh.setColumnWidth(c, spec.widths()[c]);
                }
                Row row = null;
                for (CellSpec c : spec.cells()) {
                    if (row == null || row.getRowNum() != c.row()) {
                        row = sh.createRow(c.row());
                        Float h = spec.heights().get(c.row());
                        if (h != null) {
                            row.setHeightInPoints(h);
                        }
                    }
                    Cell cell = row.createCell(c.col());
                    switch (c.kind()) {
                        case 1 -> cell.setCellValue(c.text());
                        case 2 -> cell.setCellValue(c.number());
                        case 3 -> cell.setCellFormula(c.text());
                        default -> cell.setBlank();
                    }
                    cell.setCellStyle(made[c.style()]);
                }
                for (CellRangeAddress m : spec.merges()) {
                    sh.addMergedRegion(m);
                }
                PrintSetup ps = sh.getPrintSetup();
                ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
                ps.setLandscape(spec.landscape());
                ps.setFitWidth((short) 1);
                ps.setFitHeight((short) 0);
                sh.setFitToPage(true);
                sh.setHorizontallyCenter(true);
                if (spec.repeatingRows() != null) {
                    sh.setRepeatingRows(spec.repeatingRows());
                }
                if (spec.freezeRow() > 0) {
                    sh.createFreezePane(0, spec.freezeRow());
                }
            }
            if (unitCode != null) {
                wb.getProperties().getCustomProperties().addProperty(WorkbookProperties.UNIT_CODE, unitCode);
            }
            if (evaluateFormulas) {
                XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CellStyle[] createStyles(XSSFWorkbook wb) {
        Map<String, Font> fonts = new LinkedHashMap<>();
        CellStyle[] made = new CellStyle[styles.size()];
        for (int i = 0; i < styles.size(); i++) {
            StyleSpec s = styles.get(i);
            Font f = fonts.computeIfAbsent(s.font() + s.points() + s.bold(), k -> {
                Font nf = wb.createFont();
                nf.setFontName(s.font());
                nf.setFontHeightInPoints(s.points());
                nf.setBold(s.bold());
                return nf;
            });
            CellStyle cs = i == 0 ? wb.getCellStyleAt(0) : wb.createCellStyle();
            cs.setFont(f);
            cs.setAlignment(s.h());
            cs.setVerticalAlignment(s.v());
            cs.setWrapText(s.wrap());
            cs.setBorderTop(s.top());
            cs.setBorderBottom(s.bottom());
            cs.setBorderLeft(s.left());
            cs.setBorderRight(s.right());
            cs.setDataFormat(wb.createDataFormat().getFormat(s.format()));
            made[i] = cs;
        }
        return made;
    }
}
