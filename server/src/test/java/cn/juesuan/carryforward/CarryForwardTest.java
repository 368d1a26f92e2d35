package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookOpener;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CarryForwardTest {
    private static final ProfileRegistry REGISTRY = Fixtures.registry();
    private static final String UNIT = "泸州市科技创新服务中心";

    /** Seed 000's published 2020 workbook, as the accountant would upload it. */
    static byte[] seed000Workbook() {
        return new Filler(REGISTRY).fill(Fixtures.seed(Fixtures.SEED_000));
    }

    static ReportData lastYear() {
        return new WorkbookReader(REGISTRY).read(seed000Workbook(), null).data();
    }

    @Test
    void seed000CarriedTo2021OpensWithLastYearsClosingAndKeepsTheSubjectRowsEmpty() {
        ReportData last = lastYear();
        BigDecimal total = last.table("income_expense_summary").value("grand_total_expense", "amount");
        BigDecimal spent = last.table("income_expense_summary").value("total_expense", "amount");
        assertEquals(0, new BigDecimal("104.58").compareTo(total));
        assertEquals(0, new BigDecimal("89.22").compareTo(spent));

        Carried c = new CarryForward(REGISTRY).carry(last, 2021, null);
        byte[] xlsx = CarriedWorkbook.render(REGISTRY, c);
        ReadResult back = new WorkbookReader(REGISTRY).read(xlsx, null);
        ReportData d = back.data();

        assertEquals("sichuan-2020", d.profile());
        assertEquals(2021, d.year());
        assertEquals(UNIT, d.unit().name());
        BigDecimal opening = d.table("income_expense_summary").value("opening_balance", "amount");
        assertEquals(0, total.subtract(spent).compareTo(opening), "年初 = 104.58 − 89.22");
        assertEquals(0, new BigDecimal("15.36").compareTo(opening));
        assertEquals(0, new BigDecimal("15.36").compareTo(d.table("fiscal_summary").value("opening_gpb", "amount")));
        assertEquals(0, new BigDecimal("15.36").compareTo(d.table("fiscal_summary").value("opening_balance", "amount")),
                "年初财政拨款结转和结余 is the formula over its fund rows");
        assertNull(d.table("income_expense_summary").value("total_income", "amount"), "this year's amounts are blank");
        assertNull(d.table("income_expense_summary").value("206", "amount"));

        for (String table : List.of("expenditure", "gpb_expenditure")) {
            List<SubjectRow> rows = d.table(table).rows();
            assertEquals(codes(last.table(table).rows()), codes(rows), table);
            assertEquals(8, rows.stream().filter(r -> r.level() == 3).count(), table + ": seed 000 has 8 项 rows");
            assertTrue(rows.stream().allMatch(r -> r.amounts().isEmpty()), table + " rows keep no amounts: " + rows);
            assertEquals("科学技术支出", rows.get(0).name());
        }
        assertTrue(d.table("gpb_basic_expenditure").isEmpty());
        assertTrue(back.notes().stream().noneMatch(n -> n.code().equals("missing_table")), back.notes().toString());
    }

    @Test
    void lastYearsKeyFiguresAreKeptOnTheirOwnSheet() throws IOException {
        Carried c = new CarryForward(REGISTRY).carry(lastYear(), 2021, null);
        byte[] xlsx = CarriedWorkbook.render(REGISTRY, c);
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx)) {
            Map<String, PreviousYearSheet.Kept> kept = PreviousYearSheet.read(wb, c.spec());
            assertEquals(c.spec().previousYear().figures().size(), kept.size());
            assertAmount("104.58", kept.get("grand_total").value());
            assertAmount("97.67", kept.get("total_income").value());
            assertAmount("89.22", kept.get("total_expense").value());
            assertAmount("97.67", kept.get("fiscal_income").value());
            assertAmount("60.88", kept.get("basic").value());
            assertAmount("28.35", kept.get("project").value());
            assertAmount("0", kept.get("three_public_total").value());
            assertAmount("0", kept.get("three_public_reception").value());
            assertAmount("2.08", kept.get("operating_costs").value());
            assertEquals("上年数", kept.get("grand_total").cell().sheet());
            assertEquals(2021, new WorkbookReader(REGISTRY).read(wb, "sichuan-2020").data().year());
            Map<String, AdjustmentSheet.Entry> adj = AdjustmentSheet.read(wb, c.spec());
            assertTrue(adj.keySet().containsAll(List.of("all", "gpb", "gfb", "soc")), adj.keySet().toString());
            assertTrue(adj.values().stream().allMatch(e -> e.total() == null), "nothing entered yet");
        }
    }

    @Test
    void totalsLeftOutOfJsonDataAreComputedFromTheirParts() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_000);
        Map<String, TableData> tables = new java.util.LinkedHashMap<>(seed.tables());
        TableData summary = seed.table("income_expense_summary");
        Map<String, Map<String, BigDecimal>> values = new java.util.LinkedHashMap<>(summary.values());
        values.remove("grand_total_income");
        values.remove("total_income");
        tables.put("income_expense_summary", new TableData(values, summary.rows(), null));
        ReportData data = new ReportData(seed.profile(), seed.year(), seed.unit(), seed.moneyUnit(), tables);
        Carried c = new CarryForward(REGISTRY).carry(data, 2021, null);
        CarryForward.FigureValue grand = c.figures().stream().filter(f -> f.figure().key().equals("grand_total"))
                .findFirst().orElseThrow();
        assertAmount("104.58", grand.value());
        assertEquals("表1 收入支出决算总表：总计", grand.source());
    }

    @Test
    void aChangeOfFormatMapsTablesByKey() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_000);
        ReportData y2022 = new ReportData(seed.profile(), 2022, seed.unit(), seed.moneyUnit(), seed.tables());
        Carried c = new CarryForward(REGISTRY).carry(y2022, 2023, null);
        assertEquals("sichuan-2024", c.data().profile());
        assertAmount("15.36", c.data().table("income_expense_summary").value("opening_balance", "amount"));
        assertEquals(18, c.data().table("expenditure").rows().size());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("政府性基金预算财政拨款“三公”经费支出决算表")), c.notes().toString());
        ReportData back = new WorkbookReader(REGISTRY).read(CarriedWorkbook.render(REGISTRY, c), null).data();
        assertEquals("sichuan-2024", back.profile());
        assertAmount("15.36", back.table("fiscal_summary").value("opening_gpb", "amount"));
    }

    @Test
    void fundTablesCarryTheirClosingBalancePerSubject() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_000);
        Map<String, TableData> tables = new java.util.LinkedHashMap<>(seed.tables());
        tables.put("gfb_income_expenditure", new TableData(null, List.of(
                new SubjectRow("212", "城乡社区支出", Map.of("opening", new BigDecimal("3"), "closing", new BigDecimal("5.5"))),
                new SubjectRow("21208", "国有土地使用权出让收入安排的支出", Map.of("closing", new BigDecimal("5.5"))),
                new SubjectRow("2120801", "征地和拆迁补偿支出", Map.of("closing", new BigDecimal("5.5")))), null));
        ReportData data = new ReportData(seed.profile(), seed.year(), seed.unit(), seed.moneyUnit(), tables);
        Carried c = new CarryForward(REGISTRY).carry(data, 2021, null);
        List<SubjectRow> rows = c.data().table("gfb_income_expenditure").rows();
        assertEquals(List.of("212", "21208", "2120801"), codes(rows));
        rows.forEach(r -> assertEquals(Map.of("opening", new BigDecimal("5.50")), r.amounts()));
        assertTrue(c.lines().stream().anyMatch(l -> l.key().equals("gfb:2120801")));
        assertTrue(c.lines().stream().noneMatch(l -> l.key().equals("gfb:212")), "only leaf 科目 get an adjustment line");
        ReportData back = new WorkbookReader(REGISTRY).read(CarriedWorkbook.render(REGISTRY, c), null).data();
        assertAmount("5.5", back.table("gfb_income_expenditure").rows().get(2).amounts().get("opening"));
    }

    @Test
    void selfEvaluationSheetsKeepTheirProjectsAndIndicatorsWithLastYearsActualsAsReference() throws IOException {
        ReportData annex = Fixtures.seed(Fixtures.SEED_004);
        ReportData last = annex.withSelfEvaluations(Fixtures.seed("seeds/seed004-selfeval.json").selfEvaluations());
        byte[] lastXlsx = new Filler(REGISTRY).fill(last);
        ReportData read = new WorkbookReader(REGISTRY).read(lastXlsx, null).data();
        assertEquals(last.selfEvaluations().size(), read.selfEvaluations().size());

        Carried c = new CarryForward(REGISTRY).carry(read, 2025, null);
        byte[] xlsx = CarriedWorkbook.render(REGISTRY, c);
        ReportData back = new WorkbookReader(REGISTRY).read(xlsx, null).data();
        List<SelfEvaluation> now = back.selfEvaluations();
        assertEquals(read.selfEvaluations().size(), now.size());
        for (int i = 0; i < now.size(); i++) {
            SelfEvaluation was = read.selfEvaluations().get(i);
            SelfEvaluation is = now.get(i);
            assertEquals(was.kind(), is.kind());
            assertEquals(was.field("project"), is.field("project"));
            assertEquals(was.field("goal"), is.field("goal"), "年度目标 kept");
            assertEquals(was.indicators().size(), is.indicators().size(), was.field("project"));
            for (int k = 0; k < is.indicators().size(); k++) {
                SelfEvaluation.Indicator a = was.indicators().get(k);
                SelfEvaluation.Indicator b = is.indicators().get(k);
                assertEquals(List.of(a.level1(), a.level2(), a.level3(), String.valueOf(a.target()), String.valueOf(a.weight())),
                        List.of(b.level1(), b.level2(), b.level3(), String.valueOf(b.target()), String.valueOf(b.weight())));
                assertNull(b.actual(), "this year's actual is cleared");
                assertNull(b.score());
            }
            assertTrue(is.funds().isEmpty(), "this year's money is not last year's");
            assertNull(is.field("period"));
        }
        // 部门整体: its tasks stay
        assertEquals(read.selfEvaluations().get(0).tasks(), now.get(0).tasks());
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx)) {
            var ref = wb.getSheet("上年自评完成值");
            assertNotNull(ref, "reference sheet");
            SelfEvaluation.Indicator first = read.selfEvaluations().get(0).indicators().get(0);
            boolean shown = false;
            for (var row : ref) {
                String text = row.getCell(6) == null ? "" : row.getCell(6).getStringCellValue();
                shown |= first.actual() != null && first.actual().equals(text);
            }
            assertTrue(shown, "last year's actual “" + first.actual() + "” is shown as reference");
        }
    }

    @Test
    void theSelfEvaluationCarryRulesNameOnlyValuesOfTheSheetKinds() {
        SelfEvalCarry spec = SelfEvalCarry.of(REGISTRY);
        assertEquals(List.of(), spec.check(REGISTRY.evalSheets()));
        assertEquals(REGISTRY.evalSheets().size(), spec.kinds().size());
        assertTrue(spec.indicators().reference().containsAll(List.of("actual", "score")));
    }

    @Test
    void theTargetYearMustFollowLastYear() {
        ReportData last = Fixtures.seed(Fixtures.SEED_000);
        JuesuanException e = assertThrows(JuesuanException.class, () -> new CarryForward(REGISTRY).carry(last, 2025, null));
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("2021"), e.getMessage());
        assertThrows(JuesuanException.class, () -> new CarryForward(REGISTRY).carry(last, 2020, null));
        assertThrows(JuesuanException.class, () -> new CarryForward(REGISTRY).carry(last, 2021, "no-such-profile"));
    }

    @Test
    void everyProfilesSpecNamesOnlyCellsOfItsLayouts() {
        for (String id : REGISTRY.ids()) {
            CarryForwardSpec spec = CarryForwardSpec.of(REGISTRY, id);
            assertTrue(spec.check(REGISTRY.get(id)).isEmpty());
            assertNotNull(spec.previousYear().figures());
            assertTrue(spec.openings().size() >= 4, id);
        }
    }

    static List<String> codes(List<SubjectRow> rows) {
        return rows.stream().map(SubjectRow::code).toList();
    }

    static void assertAmount(String expected, BigDecimal actual) {
        assertNotNull(actual, "expected " + expected);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }
}
