package cn.juesuan.support;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Excel's getUsedRange().load('address,values') gives for each sheet of a workbook: the used range's address and
 * its values as computed (formulas evaluated), "" for empty cells — the task pane's JSON fallback, made from an xlsx.
 */
public final class UsedRanges {
    private UsedRanges() {
    }

    /** [{name, address, values}] in sheet order. */
    public static List<Map<String, Object>> of(byte[] xlsx) {
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            List<Map<String, Object>> sheets = new ArrayList<>();
            for (Sheet sheet : wb) {
                int firstRow = sheet.getFirstRowNum();
                int lastRow = sheet.getLastRowNum();
                int firstCol = Integer.MAX_VALUE;
                int lastCol = -1;
                for (Row row : sheet) {
                    if (row.getFirstCellNum() >= 0) {
                        firstCol = Math.min(firstCol, row.getFirstCellNum());
                        lastCol = Math.max(lastCol, row.getLastCellNum() - 1);
                    }
                }
                List<List<Object>> values = new ArrayList<>();
                if (lastCol < 0) {
                    firstRow = 0;
                    firstCol = 0;
                    lastCol = 0;
                    values.add(List.of(""));
                } else {
                    for (int r = firstRow; r <= lastRow; r++) {
                        List<Object> line = new ArrayList<>();
                        Row row = sheet.getRow(r);
                        for (int c = firstCol; c <= lastCol; c++) {
                            line.add(value(row == null ? null : row.getCell(c), eval));
                        }
                        values.add(line);
                    }
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", sheet.getSheetName());
                m.put("address", "'" + sheet.getSheetName().replace("'", "''") + "'!"
                        + new CellRangeAddress(firstRow, lastRow, firstCol, lastCol).formatAsString());
                m.put("values", values);
                sheets.add(m);
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Cell cell, FormulaEvaluator eval) {
        if (cell == null) {
            return "";
        }
        CellValue v = eval.evaluate(cell);
        if (v == null) {
            return "";
        }
        return switch (v.getCellType()) {
            case NUMERIC -> v.getNumberValue();
            case STRING -> v.getStringValue();
            case BOOLEAN -> v.getBooleanValue();
            case ERROR -> "#ERROR";
            default -> "";
        };
    }
}
