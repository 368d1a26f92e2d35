package cn.juesuan.support;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed's Word tables as a person pastes them into Excel: the seed text has one cell per line starting with a TAB
 * (a line without one continues the cell, a blank line ends the row); each row goes to consecutive columns, plain
 * numbers become numbers and "9%" a percent-formatted number, everything else stays text ("5.8.", "58000.00元").
 */
public final class PrintedSheets {
    private PrintedSheets() {
    }

    /** Rows of cells of the seed's lines from..to (1-based, inclusive). */
    public static List<List<String>> rows(Path seed, int from, int to) {
        try {
            List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8).subList(from - 1, to);
            List<List<String>> out = new ArrayList<>();
            List<String> cur = null;
            for (String line : lines) {
                if (line.isBlank() && !line.startsWith("\t")) {
                    if (cur != null) {
                        out.add(cur);
                    }
                    cur = null;
                } else if (line.startsWith("\t")) {
                    cur = cur == null ? new ArrayList<>() : cur;
                    String[] parts = line.split("\t", -1);
                    for (int i = 1; i < parts.length; i++) {
                        cur.add(parts[i]);
                    }
                } else if (cur == null) {
                    cur = new ArrayList<>(List.of(line));
                } else {
                    cur.set(cur.size() - 1, cur.get(cur.size() - 1) + "\n" + line);
                }
            }
            if (cur != null) {
                out.add(cur);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One workbook, a sheet per segment {from, to}. */
    public static byte[] workbook(Path seed, int[]... segments) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
            int n = 1;
            for (int[] seg : segments) {
                Sheet sheet = wb.createSheet("Sheet" + n++);
                int r = 0;
                for (List<String> cells : rows(seed, seg[0], seg[1])) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        String t = cells.get(c).strip();
                        var cell = row.createCell(c);
                        if (t.matches("\\d+(\\.\\d+)?")) {
                            cell.setCellValue(Double.parseDouble(t));
                        } else if (t.matches("\\d+(\\.\\d+)?%")) {
                            cell.setCellValue(Double.parseDouble(t.substring(0, t.length() - 1)) / 100);
                            cell.setCellStyle(percent);
                        } else if (!t.isEmpty()) {
                            cell.setCellValue(t);
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

    public static Path seed(String prefix) {
        try (var files = Files.list(Fixtures.sharedSeeds())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
