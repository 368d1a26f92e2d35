package cn.juesuan.bench;

import cn.juesuan.model.ReportData;
import cn.juesuan.model.UnitInfo;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Guards the comparison: a workbook an engine wrote must read back as the data it was given. */
final class Equivalence {
    private Equivalence() {
    }

    static void check(String engine, ReportData expected, byte[] xlsx) {
        check(engine, expected, xlsx, true);
    }

    /** @param unitCode whether the 单位代码 (a document property, not a cell) must be there too */
    static void check(String engine, ReportData expected, byte[] xlsx, boolean unitCode) {
        ReadResult back = new WorkbookReader(Inputs.registry()).read(xlsx, expected.profile());
        ReportData got = unitCode ? back.data() : new ReportData(back.data().profile(), back.data().year(),
                new UnitInfo(back.data().unit().name(), expected.unit().code()), back.data().moneyUnit(), back.data().tables());
        if (!got.equals(expected)) {
            StringBuilder diff = new StringBuilder();
            expected.tables().forEach((k, t) -> {
                if (!t.equals(back.data().table(k))) {
                    diff.append("\n  ").append(k).append(": expected ").append(t).append("\n  ").append(k)
                            .append(": read     ").append(back.data().table(k));
                }
            });
            if (!expected.unit().equals(back.data().unit()) || !expected.year().equals(back.data().year())) {
                diff.append("\n  unit/year: ").append(back.data().unit()).append(' ').append(back.data().year());
            }
            throw new IllegalStateException(engine + " does not produce the same workbook content:" + diff);
        }
    }

    /**
     * Cell-by-cell comparison of two workbooks: the same sheets, cells, texts, numbers and formula texts (cached
     * formula values are not compared). Returns the first differences, empty when the same.
     */
    static List<String> sameCells(byte[] a, byte[] b) {
        List<String> diffs = new ArrayList<>();
        try (XSSFWorkbook wa = new XSSFWorkbook(new ByteArrayInputStream(a));
             XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(b))) {
            if (wa.getNumberOfSheets() != wb.getNumberOfSheets()) {
                diffs.add("sheets " + wa.getNumberOfSheets() + " vs " + wb.getNumberOfSheets());
                return diffs;
            }
            for (int s = 0; s < wa.getNumberOfSheets(); s++) {
                Sheet sa = wa.getSheetAt(s);
                Sheet sb = wb.getSheetAt(s);
                int last = Math.max(sa.getLastRowNum(), sb.getLastRowNum());
                for (int r = 0; r <= last && diffs.size() < 20; r++) {
                    Row ra = sa.getRow(r);
                    Row rb = sb.getRow(r);
                    int cols = Math.max(ra == null ? 0 : ra.getLastCellNum(), rb == null ? 0 : rb.getLastCellNum());
                    for (int c = 0; c < cols; c++) {
                        String x = content(ra == null ? null : ra.getCell(c));
                        String y = content(rb == null ? null : rb.getCell(c));
                        if (!x.equals(y)) {
                            diffs.add(sa.getSheetName() + "!" + new CellReference(r, c).formatAsString(false) + ": " + x + " vs " + y);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diffs;
    }

    /** The zip entries of two xlsx files whose bytes differ (or that only one has); empty when the files are the same. */
    static List<String> differentParts(byte[] a, byte[] b) {
        Map<String, byte[]> pa = parts(a);
        Map<String, byte[]> pb = parts(b);
        List<String> diffs = new ArrayList<>();
        for (String name : new TreeSet<>(union(pa.keySet(), pb.keySet()))) {
            if (!pa.containsKey(name) || !pb.containsKey(name) || !Arrays.equals(pa.get(name), pb.get(name))) {
                diffs.add(name);
            }
        }
        return diffs;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, byte[]> parts(byte[] xlsx) {
        Map<String, byte[]> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String content(Cell c) {
        if (c == null) {
            return "";
        }
        return switch (c.getCellType()) {
            case FORMULA -> "=" + c.getCellFormula();
            case NUMERIC -> String.valueOf(c.getNumericCellValue());
            case STRING -> c.getStringCellValue();
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            default -> "";
        };
    }
}
