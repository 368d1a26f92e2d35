package cn.juesuan.addin;

import cn.juesuan.core.Budget;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.http.JsonInput;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The task pane's fallback when Excel cannot hand over the file (no CompressedFile support): each sheet's used range as
 * values, {"sheets": [{"name", "address", "values"}]}, turned back into an .xlsx for the reader and the validator.
 * Formatting, formulas and workbook properties are not carried; values are what Excel computed.
 */
public final class SheetValues {
    public record Upload(List<SheetRange> sheets) {
    }

    /**
     * @param name    sheet name
     * @param address the used range, "A1:F40" or "'表1'!A1:F40" (only the top-left cell matters)
     * @param values  rows of cell values: numbers, text, booleans; "" or null for empty cells
     */
    public record SheetRange(String name, String address, List<List<Object>> values) {
    }

    private SheetValues() {
    }

    public static byte[] toXlsx(byte[] json) {
        Upload upload = JsonInput.parse(json, Upload.class);
        if (upload.sheets() == null || upload.sheets().isEmpty()) {
            throw JuesuanException.badRequest("missing_file", "JSON 里没有工作表（sheets 为空）。");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Set<String> names = new HashSet<>();
            long cells = 0;
            for (int i = 0; i < upload.sheets().size(); i++) {
                SheetRange s = upload.sheets().get(i);
                String where = "sheets[" + i + "]";
                if (s.name() == null || s.name().isBlank() || !names.add(s.name().toLowerCase(java.util.Locale.ROOT))) {
                    throw invalid(where + ".name 缺失或与其他工作表重名。");
                }
                try {
                    WorkbookUtil.validateSheetName(s.name());
                } catch (IllegalArgumentException e) {
                    throw invalid(where + ".name “" + s.name() + "” 不是合法的工作表名。");
                }
                Sheet sheet = wb.createSheet(s.name());
                CellReference origin = topLeft(s.address(), where);
                List<List<Object>> rows = s.values() == null ? List.of() : s.values();
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    if (row == null) {
                        continue;
                    }
                    cells += row.size();
                    if (cells > Budget.current().maxCells()) {
                        throw Budget.current().tooManyCells(cells);
                    }
                    int rowIndex = origin.getRow() + r;
                    if (rowIndex > SpreadsheetVersion.EXCEL2007.getLastRowIndex()
                            || origin.getCol() + row.size() - 1 > SpreadsheetVersion.EXCEL2007.getLastColumnIndex()) {
                        throw invalid(where + " 超出了 Excel 的行列范围。");
                    }
                    Row line = null;
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v == null || v instanceof String str && str.isEmpty()) {
                            continue;
                        }
                        if (line == null) {
                            line = sheet.createRow(rowIndex);
                        }
                        var cell = line.createCell(origin.getCol() + c);
                        if (v instanceof Number n) {
                            cell.setCellValue(n.doubleValue());
                        } else if (v instanceof Boolean b) {
                            cell.setCellValue(b);
                        } else if (v instanceof String str) {
                            cell.setCellValue(str);
                        } else {
                            throw invalid(where + ".values[" + r + "][" + c + "] 应为数字、文字或逻辑值。");
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellReference topLeft(String address, String where) {
        if (address == null || address.isBlank()) {
            return new CellReference(0, 0);
        }
        String a = address.substring(address.lastIndexOf('!') + 1);
        String first = a.contains(":") ? a.substring(0, a.indexOf(':')) : a;
        if (!first.matches("\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7}")) {
            throw invalid(where + ".address “" + address + "” 不是单元格区域（如 A1:F40）。");
        }
        return new CellReference(first.replace("$", "").toUpperCase());
    }

    private static JuesuanException invalid(String message) {
        return JuesuanException.badRequest("invalid_field", "工作表数据有误：" + message);
    }
}
