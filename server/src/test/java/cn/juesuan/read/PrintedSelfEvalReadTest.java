package cn.juesuan.read;

import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.rules.Finding;
import cn.juesuan.support.Fixtures;
import cn.juesuan.support.PrintedSheets;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed tables laid out as printed (Word tables pasted into Excel, not our template) read into the same data as
 * the transcribed fixtures: labels, headers and lists are found by their text, not by position.
 */
class PrintedSelfEvalReadTest {
    private final WorkbookReader reader = new WorkbookReader(Fixtures.registry());

    private static SelfEvaluation withoutFields(SelfEvaluation e, String... drop) {
        Map<String, String> f = new LinkedHashMap<>(e.fields());
        for (String d : drop) {
            f.remove(d);
        }
        return new SelfEvaluation(e.kind(), f, e.numbers(), e.funds(), e.indicators(), e.expenses(), e.reviewers(), e.tasks());
    }

    @Test
    void seed004AsPrinted() {
        byte[] xlsx = PrintedSheets.workbook(PrintedSheets.seed("004_"), new int[]{219, 470}, new int[]{506, 650});
        ReadResult r = reader.read(xlsx, null);
        List<SelfEvaluation> expected = Fixtures.seed(Fixtures.EVAL_004).selfEvaluations();
        assertEquals(2, r.data().selfEvaluations().size());
        assertEquals(Fixtures.json(expected.get(0)), Fixtures.json(r.data().selfEvaluations().get(0)), "部门整体 table, weights “9%” read as 9");
        // the 绩效分配方式 check boxes (“£因素法 | 项目法 | …”) are cells of their own as printed: compared apart
        assertEquals(Fixtures.json(withoutFields(expected.get(1), "allocation")),
                Fixtures.json(withoutFields(r.data().selfEvaluations().get(1), "allocation")));
        assertEquals(Integer.valueOf(2024), r.data().year());
        assertEquals(new BigDecimal("9"), r.data().selfEvaluations().get(0).indicators().get(0).weight());
    }

    /** Weights typed as “9%”, a total as “95分”: read as numbers, with a note each. */
    @Test
    void scoresTypedWithUnits() throws Exception {
        var registry = Fixtures.registry();
        cn.juesuan.model.ReportData data = Fixtures.seed(Fixtures.EVAL_002)
                .withSelfEvaluations(List.of(Fixtures.seed(Fixtures.EVAL_002).selfEvaluations().get(0),
                        Fixtures.seed(Fixtures.EVAL_004).selfEvaluations().get(1)));
        byte[] xlsx = new cn.juesuan.template.Filler(registry).fill(data);
        ReadResult first = reader.read(xlsx, null);
        WorkbookMap.CellLoc total = first.map().evals().get(0).cell("numbers.totalScore");
        WorkbookMap.CellLoc weight = first.map().evals().get(1).cell("indicators[0].weight");
        byte[] edited;
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx));
             var out = new java.io.ByteArrayOutputStream()) {
            wb.getSheet(total.sheet()).getRow(total.row()).getCell(total.col()).setCellValue("95分");
            wb.getSheet(weight.sheet()).getRow(weight.row()).getCell(weight.col()).setCellValue("20%");
            wb.write(out);
            edited = out.toByteArray();
        }
        ReadResult r = reader.read(edited, null);
        assertEquals(data, r.data(), "values unchanged");
        List<ReadNote> notes = r.notes();
        assertEquals(2, notes.size(), notes::toString);
        assertTrue(notes.stream().allMatch(n -> n.code().equals("unit_in_score")), notes::toString);
        assertEquals(List.of(total.a1(), weight.a1()), notes.stream().map(ReadNote::cell).toList());
    }

    @Test
    void seed003AsPrintedWithItsMalformedNumber() {
        byte[] xlsx = PrintedSheets.workbook(PrintedSheets.seed("003_"), new int[]{1, 317});
        ReadResult r = reader.read(xlsx, null);
        SelfEvaluation read = r.data().selfEvaluations().get(0);
        SelfEvaluation expected = Fixtures.seed(Fixtures.EVAL_003).selfEvaluations().get(0);
        assertEquals(expected.funds(), read.funds(), "“5.8.” read as 5.8, with a note");
        ReadNote note = r.notes().stream().filter(n -> n.code().equals("malformed_number")).findFirst().orElseThrow();
        assertEquals("5.8.", note.raw());
        ReadNote unit = r.notes().stream().filter(n -> n.code().equals("unit_in_cell")).findFirst().orElseThrow();
        assertEquals("58000.00元", unit.raw());
        assertEquals(expected.expenses(), read.expenses());
        assertEquals(expected.indicators(), read.indicators());
        assertEquals(expected.reviewers(), read.reviewers());
        assertEquals(expected.numbers(), read.numbers());
        assertEquals("优秀", read.field("grade"));
        assertEquals(new BigDecimal("58000.00"), expected.expenses().stream().map(SelfEvaluation.ExpenseLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add), "支出明细 sums to 58000.00");
        List<Finding> findings = new cn.juesuan.rules.Validator(Fixtures.registry(), null).validate(xlsx, null).findings();
        Finding malformed = findings.stream().filter(f -> f.ruleId().equals("READ-malformed_number")).findFirst().orElseThrow();
        assertEquals(List.of(note.cell()), malformed.cells());
        assertTrue(malformed.message().contains("5.8."), malformed.message());
    }
}
