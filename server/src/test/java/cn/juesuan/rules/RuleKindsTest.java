package cn.juesuan.rules;

import cn.juesuan.codes.CodeEntry;
import cn.juesuan.codes.Lookup;
import cn.juesuan.codes.Scheme;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every rule kind a passing and a failing case. The passing case is the fully populated workbook (or a seed),
 * which has no finding at all; each failing case changes it in one place.
 */
class RuleKindsTest {
    private static final String P = "sichuan-2024";
    private static final Validator V = SeedValidationTest.VALIDATOR;
    private static final ReportData FULL = Workbooks.full(P);
    private static final ValidationReport CLEAN = V.validate(Workbooks.fill(FULL), P);

    private static ValidationReport validate(ReportData d) {
        return V.validate(Workbooks.fill(d), P);
    }

    /** Address of a cell as read back from the workbook: fixed row, or "#code" for a 科目 row. */
    private static WorkbookMap.CellLoc cell(byte[] xlsx, String table, String row, String col) {
        WorkbookMap.TableLoc t = new WorkbookReader(Fixtures.registry()).read(xlsx, P).map().table(table);
        if (row.startsWith("#")) {
            ReportData d = new WorkbookReader(Fixtures.registry()).read(xlsx, P).data();
            List<SubjectRow> rows = d.table(table).rows();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).code().equals(row.substring(1))) {
                    return t.area().get(i).get(col);
                }
            }
            throw new AssertionError("no row " + row);
        }
        return t.cell(row, col);
    }

    /** Asserts that rule id reported a finding of the severity naming the cell, and returns it. */
    private static Finding assertFinding(ValidationReport r, String ruleId, Severity s, WorkbookMap.CellLoc at) {
        List<Finding> fs = r.findingsOf(ruleId).stream().filter(f -> f.severity() == s)
                .filter(f -> at == null || f.names(at.sheet(), at.a1())).toList();
        assertFalse(fs.isEmpty(), () -> "expected " + s + " " + ruleId + (at == null ? "" : " at " + at.full())
                + "\n" + r.toText());
        return fs.get(0);
    }

    private static BigDecimal plusOne(BigDecimal v) {
        return v.add(BigDecimal.ONE);
    }

    private static String leafItem() {
        return FULL.table("expenditure").rows().stream().filter(r -> r.code().length() == 7).findFirst()
                .orElseThrow().code();
    }

    @Test
    void cleanWorkbookHasNoFinding() {
        assertEquals(0, CLEAN.findings().size(), CLEAN::toText);
        assertTrue(CLEAN.rules() > 90);
    }

    @Test
    void rowSum() {
        ReportData d = Workbooks.set(FULL, "income_expense_summary", "gpb", "amount",
                plusOne(FULL.table("income_expense_summary").value("gpb", "amount")).toPlainString());
        byte[] x = Workbooks.fill(d);
        Finding f = assertFinding(V.validate(x, P), "R1.1", Severity.ERROR, cell(x, "income_expense_summary", "gpb", "amount"));
        assertEquals(cell(x, "income_expense_summary", "total_income", "amount").a1(), f.firstCell());
        assertEquals(new BigDecimal("-1.00"), f.difference());
    }

    @Test
    void columnSum() {
        String item = leafItem();
        ReportData d = Workbooks.setArea(FULL, "expenditure", item, "basic",
                plusOne(Workbooks.areaValue(FULL, "expenditure", item, "basic")).toPlainString());
        byte[] x = Workbooks.fill(d);
        Finding f = assertFinding(V.validate(x, P), "R3.1", Severity.ERROR, cell(x, "expenditure", "#" + item, "basic"));
        assertTrue(f.rowLabel().startsWith(item), f.rowLabel());
        assertEquals("本年支出合计", f.columnLabel());
    }

    @Test
    void hierarchy() {
        String item = leafItem();
        ReportData d = Workbooks.setArea(FULL, "expenditure", item, "remit_superior",
                plusOne(Workbooks.areaValue(FULL, "expenditure", item, "remit_superior")).toPlainString());
        d = Workbooks.setArea(d, "expenditure", item, "total",
                plusOne(Workbooks.areaValue(FULL, "expenditure", item, "total")).toPlainString());
        byte[] x = Workbooks.fill(d);
        ValidationReport r = V.validate(x, P);
        Finding f = assertFinding(r, "R3.2", Severity.ERROR, cell(x, "expenditure", "#" + item, "remit_superior"));
        assertEquals(cell(x, "expenditure", "#" + item.substring(0, 5), "remit_superior").a1(), f.firstCell());
        assertTrue(r.findingsOf("R3.1").isEmpty(), "the row itself still adds up");

        // a 项 whose 款 is not listed: 提示; a code listed twice: 错误
        ReportData orphan = Workbooks.withTable(FULL, "gpb_expenditure", t -> new TableData(t.values(),
                t.rows().stream().filter(row -> !row.code().equals(item.substring(0, 5))).toList(), null));
        assertFinding(validate(orphan), "R6.2", Severity.WARNING, null);
        ReportData twice = Workbooks.withTable(FULL, "gpb_expenditure", t -> {
            List<SubjectRow> rows = new ArrayList<>(t.rows());
            rows.add(rows.get(rows.size() - 1));
            return new TableData(t.values(), rows, null);
        });
        assertTrue(validate(twice).findingsOf("R6.2").stream().anyMatch(f2 -> f2.severity() == Severity.ERROR
                && f2.message().contains("重复")));
    }

    @Test
    void equalAcrossTables() {
        ReportData d = Workbooks.set(FULL, "fiscal_summary", "gpb", "amount",
                plusOne(FULL.table("fiscal_summary").value("gpb", "amount")).toPlainString());
        byte[] x = Workbooks.fill(d);
        Finding f = assertFinding(V.validate(x, P), "X6", Severity.ERROR, cell(x, "fiscal_summary", "gpb", "amount"));
        assertEquals(new BigDecimal("1.00"), f.difference());
        assertTrue(f.cells().get(1).startsWith("'表1"), "the other table's cell is sheet-qualified: " + f.cells());
    }

    @Test
    void equalForEachClass() {
        String cls = leafItem().substring(0, 3);
        ReportData d = Workbooks.set(FULL, "income_expense_summary", cls, "amount",
                plusOne(FULL.table("income_expense_summary").value(cls, "amount")).toPlainString());
        byte[] x = Workbooks.fill(d);
        Finding f = assertFinding(V.validate(x, P), "X5", Severity.ERROR, cell(x, "income_expense_summary", cls, "amount"));
        assertTrue(f.message().contains(cls + " 类"), f.message());
    }

    @Test
    void greaterOrEqual() {
        String item = leafItem();
        ReportData d = Workbooks.setArea(FULL, "gpb_expenditure", item, "basic",
                plusOne(Workbooks.areaValue(FULL, "expenditure", item, "basic")).toPlainString());
        byte[] x = Workbooks.fill(d);
        assertFinding(V.validate(x, P), "X17c", Severity.ERROR, cell(x, "expenditure", "#" + item, "basic"));
    }

    @Test
    void lessOrEqualIsAWarning() {
        ReportData d = Workbooks.set(FULL, "income_expense_summary", "opening_balance", "amount", "0.01");
        ValidationReport r = validate(d);
        assertFinding(r, "X18", Severity.WARNING, null);
        assertTrue(r.findingsOf("X18").stream().noneMatch(f -> f.severity() == Severity.ERROR));
    }

    @Test
    void whenCondition() {
        // SC5.2 (表5 = 表7 cell by cell) applies only without 政府性基金 / 国有资本经营 spending
        assertTrue(CLEAN.findingsOf("SC5.2").isEmpty());
        ReportData d = Workbooks.set(FULL, "fiscal_summary", "total_expense", "gfb", "0");
        d = Workbooks.set(d, "fiscal_summary", "total_expense", "soc", "0");
        ValidationReport r = validate(d);
        assertFinding(r, "SC5.2", Severity.WARNING, null);
    }

    @Test
    void balance() {
        String item = leafItem();
        ReportData d = Workbooks.setArea(FULL, "gfb_income_expenditure", item, "closing",
                plusOne(Workbooks.areaValue(FULL, "gfb_income_expenditure", item, "closing")).toPlainString());
        byte[] x = Workbooks.fill(d);
        Finding f = assertFinding(V.validate(x, P), "R11.2", Severity.ERROR,
                cell(x, "gfb_income_expenditure", "#" + item, "opening"));
        assertEquals(cell(x, "gfb_income_expenditure", "#" + item, "closing").a1(), f.firstCell());
    }

    @Test
    void nonNegative() {
        String item = leafItem();
        ReportData d = Workbooks.setArea(FULL, "expenditure", item, "operating", "-1.00");
        byte[] x = Workbooks.fill(d);
        Finding f = assertFinding(V.validate(x, P), "N1", Severity.ERROR, cell(x, "expenditure", "#" + item, "operating"));
        assertEquals(new BigDecimal("-1.00"), f.reported());
        ReportData t1 = Workbooks.set(FULL, "income_expense_summary", "distribution", "amount", "-0.50");
        assertFinding(validate(t1), "R1.7", Severity.ERROR, null);
    }

    @Test
    void codeCatalogue() {
        String item = leafItem();
        // a name that differs from the year's verified list: 错误
        ReportData renamed = Workbooks.withTable(FULL, "expenditure", t -> new TableData(t.values(), t.rows().stream()
                .map(r -> r.code().equals(item.substring(0, 3)) ? new SubjectRow(r.code(), "随便写的名称", r.amounts()) : r)
                .toList(), null));
        Lookup l = FullWorkbookTest.CODES.lookup(Scheme.FUNCTION, 2024, item.substring(0, 3));
        assertEquals(Lookup.Basis.VERIFIED_YEAR, l.basis());
        Finding f = assertFinding(validate(renamed), "C1", Severity.ERROR, null);
        assertTrue(f.message().contains("随便写的名称"), f.message());
        // a code only an unverified list knows, with another name: 提示, never 错误
        CodeEntry unverified = FullWorkbookTest.CODES.entries(Scheme.FUNCTION).stream()
                .filter(e -> !e.verified() && e.covers(2024) && e.code().length() == 7)
                .filter(e -> FullWorkbookTest.CODES.lookup(Scheme.FUNCTION, 2024, e.code()).basis() == Lookup.Basis.UNVERIFIED)
                .findFirst().orElseThrow();
        ReportData extra = Workbooks.withTable(FULL, "income", t -> {
            List<SubjectRow> rows = new ArrayList<>(t.rows());
            rows.add(new SubjectRow(unverified.code(), unverified.name() + "（另写）", Map.of()));
            return new TableData(t.values(), rows, null);
        });
        ValidationReport r = validate(extra);
        assertFinding(r, "C1", Severity.WARNING, null);
        assertTrue(r.findingsOf("C1").stream().noneMatch(x -> x.severity() == Severity.ERROR), r::toText);
    }

    @Test
    void emptyTableNote() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_004);
        byte[] x = Workbooks.fill(seed);
        assertTrue(V.validate(x, null).findingsOf("S2").isEmpty());
        String note = Fixtures.registry().get(P).table("gfb_income_expenditure").orElseThrow().emptyNote();
        byte[] noNote = Workbooks.edit(x, wb -> {
            Sheet s = wb.getSheet(new WorkbookReader(Fixtures.registry()).read(x, P).map()
                    .table("gfb_income_expenditure").sheet());
            Cell c = Workbooks.find(s, "故本表无数据");
            assertNotNull(c);
            c.setBlank();
        });
        Finding f = assertFinding(V.validate(noNote, P), "S2", Severity.ERROR, null);
        assertTrue(f.message().contains(note), f.message());
        assertNotNull(f.firstCell());

        ReportData noted = Workbooks.withTable(FULL, "gfb_income_expenditure", t -> t.withNote(note));
        assertFinding(validate(noted), "S2", Severity.ERROR, null);
    }

    @Test
    void emptyWhenFundIsZero() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_004);
        ReportData d = Workbooks.withTable(seed, "gfb_income_expenditure", t -> FULL.table("gfb_income_expenditure"));
        assertFinding(V.validate(Workbooks.fill(d), P), "X20.1", Severity.ERROR, null);
        assertTrue(V.validate(Workbooks.fill(seed), P).findingsOf("X20.1").isEmpty());
    }

    @Test
    void unitMagnitude() {
        byte[] x = Workbooks.fill(FULL);
        byte[] yuan = Workbooks.edit(x, wb -> {
            Sheet s = wb.getSheet(new WorkbookReader(Fixtures.registry()).read(x, P).map()
                    .table("gpb_basic_expenditure").sheet());
            Cell c = Workbooks.find(s, "万元");
            c.setCellValue(c.getStringCellValue().replace("万元", "元"));
        });
        Finding f = assertFinding(V.validate(yuan, P), "U1", Severity.WARNING, null);
        assertEquals("gpb_basic_expenditure", f.table());
        ReportData big = Workbooks.set(FULL, "gpb_basic_expenditure", "30201", "amount", "1234567.00");
        byte[] bx = Workbooks.fill(big);
        assertFinding(V.validate(bx, P), "U1", Severity.WARNING, cell(bx, "gpb_basic_expenditure", "30201", "amount"));
    }

    @Test
    void required() {
        byte[] x = Workbooks.fill(FULL);
        String sheet = new WorkbookReader(Fixtures.registry()).read(x, P).map().table("gpb_project_expenditure").sheet();
        byte[] missing = Workbooks.edit(x, wb -> wb.removeSheetAt(wb.getSheetIndex(sheet)));
        ValidationReport r = V.validate(missing, P);
        Finding f = assertFinding(r, "S1", Severity.ERROR, null);
        assertEquals("gpb_project_expenditure", f.table());
        assertTrue(r.findingsOf("READ-missing_table").isEmpty(), "folded into S1");
        // a renamed fixed row (label and 行次): the row is missing
        byte[] renamed = Workbooks.edit(x, wb -> {
            Sheet s = wb.getSheet(new WorkbookReader(Fixtures.registry()).read(x, P).map().table("income_expense_summary").sheet());
            Cell label = Workbooks.find(s, "结余分配");
            label.setCellValue("分配结余");
            label.getRow().getCell(label.getColumnIndex() + 1).setCellValue("99"); // 行次 no longer matches either
        });
        ValidationReport r2 = V.validate(renamed, P);
        assertTrue(r2.findingsOf("S1").stream().anyMatch(g -> g.message().contains("结余分配")), r2::toText);
        // an unfilled table: 提示
        ValidationReport seed = SeedValidationTest.validateSeed(Fixtures.SEED_000);
        assertTrue(seed.findingsOf("S1").stream().anyMatch(g -> g.severity() == Severity.WARNING
                && "gpb_project_expenditure".equals(g.table())));
    }

    @Test
    void readNotes() {
        byte[] x = Workbooks.fill(FULL);
        WorkbookMap.CellLoc at = cell(x, "gpb_basic_expenditure", "30201", "amount");
        String value = FULL.table("gpb_basic_expenditure").value("30201", "amount").toPlainString();
        byte[] text = Workbooks.edit(x, wb -> wb.getSheet(at.sheet()).getRow(at.row()).getCell(at.col())
                .setCellValue(value + "."));
        Finding f = assertFinding(V.validate(text, P), "READ-malformed_number", Severity.ERROR, at);
        assertEquals("gpb_basic_expenditure", f.table());
        assertEquals(new BigDecimal(value), f.reported());
    }

    @Test
    void roundingTolerance() {
        ValidationReport r = SeedValidationTest.validateSeed(Fixtures.SEED_000);
        Finding info = r.findingsOf("R3.1").get(0);
        assertEquals(Severity.INFO, info.severity());
        assertEquals(new BigDecimal("0.015"), info.tolerance());
        ReportData d = Workbooks.set(Fixtures.seed(Fixtures.SEED_000), "expenditure", "total", "total", "89.20");
        Finding err = V.validate(Workbooks.fill(d), null).findingsOf("R3.1").get(0);
        assertEquals(Severity.ERROR, err.severity());
        assertEquals(new BigDecimal("-0.03"), err.difference());
    }
}
