package cn.juesuan.rules;

import cn.juesuan.layout.Profile;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Test helpers: report data edited cell by cell, filled through the Filler, and workbooks edited with POI. */
final class Workbooks {
    private Workbooks() {
    }

    static ReportData full(String profileId) {
        Profile p = Fixtures.registry().get(profileId);
        return FullWorkbook.generate(p, FullWorkbookTest.CODES, FullWorkbookTest.yearOf(p), 3, 2);
    }

    static byte[] fill(ReportData data) {
        return new Filler(Fixtures.registry()).fill(data);
    }

    /** The data with one table replaced. */
    static ReportData withTable(ReportData d, String key, UnaryOperator<TableData> edit) {
        Map<String, TableData> tables = new LinkedHashMap<>(d.tables());
        tables.put(key, edit.apply(d.table(key)));
        return new ReportData(d.profile(), d.year(), d.unit(), d.moneyUnit(), tables);
    }

    static ReportData without(ReportData d, String key) {
        Map<String, TableData> tables = new LinkedHashMap<>(d.tables());
        tables.remove(key);
        return new ReportData(d.profile(), d.year(), d.unit(), d.moneyUnit(), tables);
    }

    /** A fixed cell set to a value (the table's totals are kept as they were: the Filler writes them as values). */
    static ReportData set(ReportData d, String table, String row, String col, String value) {
        return withTable(d, table, t -> {
            Map<String, Map<String, BigDecimal>> v = new LinkedHashMap<>();
            t.values().forEach((r, cols) -> v.put(r, new LinkedHashMap<>(cols)));
            v.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(col, new BigDecimal(value));
            return new TableData(v, t.rows(), t.note());
        });
    }

    /** A 科目 row's amount set to a value. */
    static ReportData setArea(ReportData d, String table, String code, String col, String value) {
        return withTable(d, table, t -> {
            List<SubjectRow> rows = new ArrayList<>();
            for (SubjectRow r : t.rows()) {
                if (r.code().equals(code)) {
                    Map<String, BigDecimal> a = new LinkedHashMap<>(r.amounts());
                    a.put(col, new BigDecimal(value));
                    r = new SubjectRow(r.code(), r.name(), a);
                }
                rows.add(r);
            }
            return new TableData(t.values(), rows, t.note());
        });
    }

    static BigDecimal areaValue(ReportData d, String table, String code, String col) {
        return d.table(table).rows().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow()
                .amounts().get(col);
    }

    /** The workbook edited with POI (the input bytes are left alone). */
    static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            change.accept(wb);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first cell of a sheet whose text contains the given text, or null. */
    static Cell find(Sheet s, String text) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && c.getStringCellValue().contains(text)) {
                    return c;
                }
            }
        }
        return null;
    }
}
