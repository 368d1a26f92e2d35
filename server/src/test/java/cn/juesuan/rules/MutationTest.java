package cn.juesuan.rules;

import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mutation test: in a fully populated, valid workbook (FullWorkbook through the Filler), change each amount cell
 * by +1.00 (a total cell's formula replaced by its value + 1.00), write the workbook, validate it, and require at
 * least one 错误 that names the cell — in its cells, or among the cells its totals are computed from (relatedCells).
 * Reports the coverage and fails when more cells go uncovered than the figure reached when the rules were written.
 */
class MutationTest {
    /** Cells no 错误 can name, per profile: the 三公 inputs (see docs/validation.md, “变异测试”). */
    private static final Map<String, Integer> MAX_UNCOVERED = Map.of(
            "sichuan-2020", 16, "sichuan-2024", 8, "national-9", 8);

    private record Outcome(CellLoc cell, boolean direct, boolean covered) {
    }

    @Test
    void everyAmountCellIsNamedByAnError() throws Exception {
        Validator validator = new Validator(Fixtures.registry(), FullWorkbookTest.CODES);
        StringBuilder summary = new StringBuilder();
        String only = System.getProperty("juesuan.mutation.profiles", "");
        for (String profile : Fixtures.registry().ids()) {
            if (!only.isBlank() && !List.of(only.split(",")).contains(profile)) {
                continue;
            }
            long t0 = System.nanoTime();
            byte[] xlsx = FullWorkbookTest.workbook(profile);
            assertEquals(0, validator.validate(xlsx, profile).counts().error());
            ReadResult read = new WorkbookReader(Fixtures.registry()).read(xlsx, profile);
            List<CellLoc> cells = amountCells(read.map());
            List<Outcome> out = run(validator, xlsx, profile, cells);
            long direct = out.stream().filter(Outcome::direct).count();
            List<Outcome> uncovered = out.stream().filter(o -> !o.covered()).toList();
            String line = String.format("mutation %s: %d amount cells, %d named by an 错误 (%d directly in cells, %d via relatedCells), %d uncovered %s; %.1f s",
                    profile, cells.size(), cells.size() - uncovered.size(), direct, cells.size() - uncovered.size() - direct,
                    uncovered.size(), uncovered.stream().map(o -> o.cell().full()).toList(), (System.nanoTime() - t0) / 1e9);
            System.out.println(line);
            summary.append(line).append('\n');
            assertTrue(uncovered.size() <= MAX_UNCOVERED.get(profile), line);
        }
    }

    static List<CellLoc> amountCells(WorkbookMap map) {
        List<CellLoc> out = new ArrayList<>();
        for (WorkbookMap.TableLoc t : map.tables().values()) {
            t.fixed().values().forEach(cols -> out.addAll(cols.values()));
            t.area().forEach(cols -> out.addAll(cols.values()));
        }
        return out;
    }

    private static List<Outcome> run(Validator v, byte[] xlsx, String profile, List<CellLoc> cells) throws Exception {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Outcome>>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<CellLoc> mine = new ArrayList<>();
                for (int i = t; i < cells.size(); i += threads) {
                    mine.add(cells.get(i));
                }
                parts.add(pool.submit(() -> mutate(v, xlsx, profile, mine)));
            }
            List<Outcome> all = new ArrayList<>();
            for (Future<List<Outcome>> f : parts) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Outcome> mutate(Validator v, byte[] xlsx, String profile, List<CellLoc> cells) {
        List<Outcome> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            for (CellLoc loc : cells) {
                Sheet s = wb.getSheet(loc.sheet());
                Row row = s.getRow(loc.row()) == null ? s.createRow(loc.row()) : s.getRow(loc.row());
                Cell c = row.getCell(loc.col()) == null ? row.createCell(loc.col()) : row.getCell(loc.col());
                CellType type = c.getCellType();
                String formula = type == CellType.FORMULA ? c.getCellFormula() : null;
                double old = formula != null ? ev.evaluate(c).getNumberValue()
                        : type == CellType.NUMERIC ? c.getNumericCellValue() : 0;
                if (formula != null) {
                    c.removeFormula();
                }
                c.setCellValue(BigDecimal.valueOf(old).add(BigDecimal.ONE).doubleValue());
                byte[] mutated = write(wb);
                if (formula != null) {
                    c.setCellFormula(formula);
                } else if (type == CellType.BLANK) {
                    c.setBlank();
                } else {
                    c.setCellValue(old);
                }
                ev.clearAllCachedResultValues();
                ValidationReport r = v.validate(mutated, profile);
                boolean direct = false;
                boolean covered = false;
                for (Finding f : r.findings(Severity.ERROR)) {
                    direct |= f.names(loc.sheet(), loc.a1());
                    covered |= f.involves(loc.sheet(), loc.a1());
                }
                out.add(new Outcome(loc, direct, covered));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static byte[] write(XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64 * 1024);
        wb.write(b);
        return b.toByteArray();
    }
}
