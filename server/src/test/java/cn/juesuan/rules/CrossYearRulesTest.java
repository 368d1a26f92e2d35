package cn.juesuan.rules;

import cn.juesuan.carryforward.CarriedWorkbook;
import cn.juesuan.carryforward.CarryForward;
import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.carryforward.CarryForwardSpec;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Y1–Y4 and the unit check: a matched pair of years gives none of them, each mismatch gives its 提示. */
class CrossYearRulesTest {
    private static final ProfileRegistry REGISTRY = Fixtures.registry();
    private static final Validator V = SeedValidationTest.VALIDATOR;
    private static final List<String> CROSS_YEAR = List.of("Y1", "Y2", "Y3", "Y4", "Y-UNIT");

    /** Seed 000 (2020) with a 政府性基金 table, so that Y3 has 科目 to compare. */
    private static final ReportData LAST = Workbooks.withTable(Fixtures.seed(Fixtures.SEED_000), "gfb_income_expenditure",
            t -> new TableData(null, List.of(
                    new SubjectRow("212", "城乡社区支出", Map.of("income", new BigDecimal("8"), "expense_total", new BigDecimal("2.5"),
                            "project", new BigDecimal("2.5"), "closing", new BigDecimal("5.5"))),
                    new SubjectRow("21208", "国有土地使用权出让收入安排的支出", Map.of("income", new BigDecimal("8"),
                            "expense_total", new BigDecimal("2.5"), "project", new BigDecimal("2.5"), "closing", new BigDecimal("5.5"))),
                    new SubjectRow("2120801", "征地和拆迁补偿支出", Map.of("income", new BigDecimal("8"),
                            "expense_total", new BigDecimal("2.5"), "project", new BigDecimal("2.5"), "closing", new BigDecimal("5.5")))),
                    null));
    private static final byte[] LAST_XLSX = Workbooks.fill(LAST);
    private static final Carried CARRIED = new CarryForward(REGISTRY)
            .carry(new WorkbookReader(REGISTRY).read(LAST_XLSX, null).data(), 2021, null);
    private static final byte[] THIS_XLSX = CarriedWorkbook.render(REGISTRY, CARRIED);

    private static List<Finding> crossYear(ValidationReport r) {
        return r.findings().stream().filter(f -> CROSS_YEAR.contains(f.ruleId())).toList();
    }

    private static byte[] thisYear(ReportData data) {
        return CarriedWorkbook.render(REGISTRY, new Carried(data, CARRIED.profile(), CARRIED.spec(), CARRIED.selfEval(), CARRIED.previous(),
                CARRIED.figures(), CARRIED.lines(), CARRIED.notes()));
    }

    private static WorkbookMap.CellLoc cell(byte[] xlsx, String table, String row, String col) {
        return new WorkbookReader(REGISTRY).read(xlsx, null).map().table(table).cell(row, col);
    }

    private static Finding only(ValidationReport r, String ruleId) {
        List<Finding> fs = crossYear(r);
        assertEquals(1, fs.size(), r::toText);
        Finding f = fs.get(0);
        assertEquals(ruleId, f.ruleId());
        assertEquals(Severity.WARNING, f.severity());
        return f;
    }

    @Test
    void aMatchedPairOfYearsGivesNoCrossYearFinding() {
        ValidationReport r = V.validate(THIS_XLSX, null, LAST_XLSX);
        assertEquals(List.of(), crossYear(r), r::toText);
        assertTrue(r.rules() > 100);
    }

    @Test
    void withoutLastYearNoCrossYearRuleRuns() {
        ReportData changed = Workbooks.set(CARRIED.data(), "income_expense_summary", "opening_balance", "amount", "16");
        assertEquals(List.of(), crossYear(V.validate(thisYear(changed), null)));
    }

    @Test
    void y1NamesThisYearsOpeningAndLastYearsClosing() {
        byte[] xlsx = thisYear(Workbooks.set(CARRIED.data(), "income_expense_summary", "opening_balance", "amount", "16"));
        Finding f = only(V.validate(xlsx, null, LAST_XLSX), "Y1");
        WorkbookMap.CellLoc now = cell(xlsx, "income_expense_summary", "opening_balance", "amount");
        WorkbookMap.CellLoc then = cell(LAST_XLSX, "income_expense_summary", "closing_balance", "amount");
        assertEquals(now.sheet(), f.sheet());
        assertEquals(List.of(now.a1(), "'[2020年度]" + then.sheet() + "'!" + then.a1()), f.cells());
        assertEquals(0, new BigDecimal("16").compareTo(f.reported()));
        assertEquals(0, new BigDecimal("15.36").compareTo(f.computed()));
        assertEquals(0, new BigDecimal("0.64").compareTo(f.difference()));
        assertTrue(f.message().contains("15.36") && f.message().contains("2020年度") && f.message().contains(then.a1()), f.message());
    }

    @Test
    void anAdjustmentEntryThatExplainsTheDifferenceSilencesY1() {
        byte[] changed = thisYear(Workbooks.set(CARRIED.data(), "income_expense_summary", "opening_balance", "amount", "16"));
        CarryForwardSpec spec = CARRIED.spec();
        String label = spec.openings().get(0).label();
        byte[] explained = adjust(changed, label, "会计差错更正", 0.64);
        assertEquals(List.of(), crossYear(V.validate(explained, null, LAST_XLSX)));

        byte[] wrong = adjust(changed, label, "归集调出", 0.64); // lowers the opening: 15.36 − 0.64 ≠ 16
        Finding f = only(V.validate(wrong, null, LAST_XLSX), "Y1");
        assertTrue(f.message().contains("-0.64") && f.message().contains("14.72"), f.message());
        assertEquals(3, f.cells().size(), "the adjustment cell is named too: " + f.cells());
        assertTrue(f.cells().get(2).startsWith("'年初结转和结余调整'!"), f.cells().toString());
    }

    @Test
    void y2ComparesEachFundOfTheFiscalSummary() {
        byte[] xlsx = thisYear(Workbooks.set(CARRIED.data(), "fiscal_summary", "opening_gpb", "amount", "15"));
        Finding f = only(V.validate(xlsx, null, LAST_XLSX), "Y2");
        assertTrue(f.names(f.sheet(), cell(xlsx, "fiscal_summary", "opening_gpb", "amount").a1()));
        assertTrue(f.cells().get(1).contains(cell(LAST_XLSX, "fiscal_summary", "closing_balance", "gpb").a1()));
    }

    @Test
    void y3ComparesTheFundTablesSubjectBySubject() {
        ReportData changed = Workbooks.setArea(CARRIED.data(), "gfb_income_expenditure", "2120801", "opening", "5");
        Finding f = only(V.validate(thisYear(changed), null, LAST_XLSX), "Y3");
        assertEquals("gfb_income_expenditure", f.table());
        assertTrue(f.rowLabel().startsWith("2120801"), f.rowLabel());
        assertTrue(f.message().contains("2120801"), f.message());

        ReportData dropped = Workbooks.withTable(CARRIED.data(), "gfb_income_expenditure", t -> TableData.EMPTY);
        Finding missing = only(V.validate(thisYear(dropped), null, LAST_XLSX), "Y3");
        assertTrue(missing.message().contains("5.50"), missing.message());
    }

    @Test
    void y4ChecksTheKeptFiguresAgainstLastYearsWorkbook() {
        byte[] xlsx = Workbooks.edit(THIS_XLSX, wb -> {
            Sheet s = wb.getSheet("上年数");
            Cell label = Workbooks.find(s, "收支总计");
            s.getRow(label.getRowIndex()).getCell(1).setCellValue(105.58);
        });
        Finding f = only(V.validate(xlsx, null, LAST_XLSX), "Y4");
        assertEquals("上年数", f.sheet());
        assertEquals(0, new BigDecimal("1").compareTo(f.difference()));
        assertTrue(f.cells().get(1).startsWith("'[2020年度]表1 收入支出决算总表'!"), f.cells().toString());
    }

    @Test
    void aChangedUnitNameOrCodeIsAWarning() {
        ReportData renamed = new ReportData(LAST.profile(), LAST.year(), new UnitInfo("泸州市科技创新促进中心", null),
                LAST.moneyUnit(), LAST.tables());
        Finding f = only(V.validate(THIS_XLSX, null, Workbooks.fill(renamed)), "Y-UNIT");
        assertTrue(f.message().contains("泸州市科技创新促进中心") && f.message().contains("泸州市科技创新服务中心"), f.message());

        ReportData coded = new ReportData(LAST.profile(), LAST.year(), new UnitInfo(LAST.unit().name(), "510500001"),
                LAST.moneyUnit(), LAST.tables());
        ReportData codedNow = new ReportData(CARRIED.data().profile(), 2021, new UnitInfo(LAST.unit().name(), "510500002"),
                CARRIED.data().moneyUnit(), CARRIED.data().tables());
        Finding c = only(V.validate(thisYear(codedNow), null, Workbooks.fill(coded)), "Y-UNIT");
        assertTrue(c.message().contains("单位代码"), c.message());
    }

    @Test
    void lastYearsWorkbookMustBeOfTheYearBefore() {
        JuesuanException e = assertThrows(JuesuanException.class, () -> V.validate(THIS_XLSX, null, THIS_XLSX));
        assertEquals(400, e.status());
        assertEquals("bad_previous_year", e.code());
        JuesuanException bad = assertThrows(JuesuanException.class,
                () -> V.validate(THIS_XLSX, null, "no workbook".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(bad.getMessage().startsWith("上年工作簿："), bad.getMessage());
        assertTrue(bad.status() >= 400 && bad.status() < 500);
    }

    @Test
    void everyCarryOverRuleHasOpeningsInItsProfilesCarryForwardFile() {
        for (String id : REGISTRY.ids()) {
            CarryForwardSpec spec = CarryForwardSpec.of(REGISTRY, id);
            for (Rule r : V.rules(REGISTRY.get(id)).rules) {
                if (r.kind().equals(CarryOverRule.KIND)) {
                    boolean tagged = spec.openings().stream().anyMatch(o -> o.rule().equals(r.id()))
                            || spec.areaOpenings().stream().anyMatch(a -> a.rule().equals(r.id()));
                    assertTrue(tagged, id + " " + r.id());
                }
            }
            assertFalse(V.rules(REGISTRY.get(id)).rules.stream().noneMatch(r -> r.id().equals("Y4")), id);
        }
    }

    /** This year's workbook with an amount typed into the adjustments sheet. */
    private static byte[] adjust(byte[] xlsx, String lineLabel, String category, double amount) {
        return Workbooks.edit(xlsx, wb -> {
            Sheet s = wb.getSheet("年初结转和结余调整");
            int row = Workbooks.find(s, lineLabel).getRowIndex();
            int col = Workbooks.find(s, category).getColumnIndex();
            s.getRow(row).getCell(col).setCellValue(amount);
        });
    }
}
