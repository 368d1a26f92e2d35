package cn.juesuan.template;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.EvalSheetLayout.Cell;
import cn.juesuan.layout.EvalSheetLayout.ListColumn;
import cn.juesuan.layout.EvalSheetPlan;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.UnitInfo;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every value cell and list column of every sheet kind is written and read back; blank and combined workbooks. */
class SelfEvalLayoutsTest {
    private final Filler filler = new Filler(Fixtures.registry());
    private final WorkbookReader reader = new WorkbookReader(Fixtures.registry());

    /** A sheet with every value of the descriptor set to something distinct. */
    static SelfEvaluation everything(EvalSheetLayout layout) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> funds = new LinkedHashMap<>();
        int n = 1;
        for (Cell c : layout.valueCells()) {
            n++;
            if (c.field() != null) {
                fields.put(c.field(), "〈" + c.field() + "〉内容" + (n % 3 == 0 ? "\n第二行" : ""));
            } else if (c.number() != null) {
                numbers.put(c.number(), new BigDecimal(n + ".5"));
            } else {
                funds.computeIfAbsent(c.moneyRow(), k -> new LinkedHashMap<>()).put(c.moneyColumn(), new BigDecimal(n + ".25"));
            }
        }
        return new SelfEvaluation(layout.key(), fields, numbers, funds,
                items(layout, "indicators", SelfEvaluation.Indicator.class), items(layout, "expenses", SelfEvaluation.ExpenseLine.class),
                items(layout, "reviewers", SelfEvaluation.Reviewer.class), items(layout, "tasks", SelfEvaluation.Task.class));
    }

    private static <T extends Record> List<T> items(EvalSheetLayout layout, String key, Class<T> type) {
        var list = layout.list(key);
        if (list.isEmpty()) {
            return null;
        }
        List<T> out = new ArrayList<>();
        var comps = type.getRecordComponents();
        for (int item = 0; item < 3; item++) {
            Object[] args = new Object[comps.length];
            Class<?>[] types = new Class<?>[comps.length];
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                String field = comps[i].getName();
                if (list.get().column(field).isEmpty()) {
                    continue;
                }
                boolean merged = list.get().mergeDown().contains(field);
                args[i] = comps[i].getType() == BigDecimal.class ? new BigDecimal((item + 1) * 7 + "." + (i + 1))
                        : merged ? field + (item < 2 ? "甲" : "乙") : field + "-" + item;
            }
            try {
                out.add(type.getDeclaredConstructor(types).newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static ReportData data(List<SelfEvaluation> evals) {
        return new ReportData("sichuan-2024", 2024, new UnitInfo("遂宁市科学技术局", "510900001"), "万元", null, evals);
    }

    @Test
    void everyValueOfEveryKindReadsBack() {
        List<SelfEvaluation> all = Fixtures.registry().evalSheets().stream().map(SelfEvalLayoutsTest::everything).toList();
        ReportData data = data(all);
        ReadResult back = reader.read(filler.fill(data), null);
        assertTrue(back.notes().isEmpty(), () -> back.notes().toString());
        assertEquals(Fixtures.json(data), Fixtures.json(back.data()));
        assertEquals(data, back.data());
        for (int i = 0; i < all.size(); i++) {
            var loc = back.map().evals().get(i);
            for (Cell c : Fixtures.registry().evalSheets().get(i).valueCells()) {
                assertTrue(loc.cell(c.path()) != null, loc.kind() + " " + c.path() + " located");
            }
        }
    }

    @Test
    void descriptorsAreConsistent() {
        for (EvalSheetLayout l : Fixtures.registry().evalSheets()) {
            EvalSheetPlan plan = EvalSheetPlan.of(l);
            assertEquals(l.valueCells().size(), plan.anchors().size(), l.key());
            for (var row : l.rows()) {
                if (row.isList()) {
                    assertTrue(EvalSheetLayout.LISTS.contains(row.list().key()), l.key() + " list " + row.list().key());
                    for (String f : row.list().mergeDown()) {
                        assertEquals(1, row.list().column(f).map(ListColumn::spanOr1).orElse(0), l.key() + " mergeDown " + f);
                    }
                }
            }
            assertTrue(l.unitField() == null || l.valueCells().stream().anyMatch(c -> l.unitField().equals(c.field())), l.key());
            assertTrue(l.sheetPrefix().length() <= 12, l.key());
        }
    }

    @Test
    void blankSheetsOfEveryKind() throws Exception {
        List<String> kinds = Fixtures.registry().evalSheets().stream().map(EvalSheetLayout::key).toList();
        byte[] xlsx = filler.blankSelfEvaluations(kinds, 2024, "遂宁市科学技术局", null);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(kinds.size(), wb.getNumberOfSheets());
            for (Sheet s : wb) {
                assertTrue(!s.getSheetName().matches("[a-z_]+"), "template sheets are removed: " + s.getSheetName());
            }
        }
        ReadResult back = reader.read(xlsx, null);
        assertEquals(Integer.valueOf(2024), back.data().year());
        assertEquals("遂宁市科学技术局", back.data().unit().name());
        assertEquals(kinds, back.data().selfEvaluations().stream().map(SelfEvaluation::kind).toList());
        for (SelfEvaluation e : back.data().selfEvaluations()) {
            EvalSheetLayout l = Fixtures.registry().evalSheet(e.kind());
            Map<String, String> expected = l.unitField() == null ? Map.of() : Map.of(l.unitField(), "遂宁市科学技术局");
            assertEquals(expected, e.fields(), e.kind());
            assertTrue(e.indicators().isEmpty() && e.funds().isEmpty(), e.kind());
        }
        JuesuanException unknown = assertThrows(JuesuanException.class,
                () -> filler.blankSelfEvaluations(List.of("no_such_sheet"), 2024, "X", null));
        assertEquals(400, unknown.status());
        assertTrue(unknown.getMessage().contains("sichuan_special_fund"), unknown.getMessage());
    }

    @Test
    void annexTablesAndSelfEvaluationsInOneWorkbook() throws Exception {
        ReportData annex = Fixtures.seed(Fixtures.SEED_004);
        ReportData data = annex.withSelfEvaluations(Fixtures.seed(Fixtures.EVAL_004).selfEvaluations());
        byte[] xlsx = filler.fill(data);
        ReadResult back = reader.read(xlsx, null);
        assertTrue(back.notes().isEmpty(), () -> back.notes().toString());
        assertEquals(Fixtures.sortedJson(data), Fixtures.sortedJson(back.data()));
        assertEquals(data, back.data());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            int tables = Fixtures.registry().get("sichuan-2024").tables().size();
            assertEquals(tables + 9, wb.getNumberOfSheets());
            assertTrue(wb.getSheetName(tables).startsWith("部门整体自评"), "self-evaluations follow the tables, in data order");
            assertTrue(wb.getSheetName(tables + 1).startsWith("专项自评-科技交流与合作"), wb.getSheetName(tables + 1));
        }
    }

    @Test
    void badSelfEvaluationDataIsA400NamingTheField() {
        SelfEvaluation unknownKind = new SelfEvaluation("no_such_sheet", null, null, null, null, null, null, null);
        JuesuanException e1 = assertThrows(JuesuanException.class, () -> filler.fill(data(List.of(unknownKind))));
        assertEquals(400, e1.status());
        assertTrue(e1.getMessage().contains("selfEvaluations[0].kind"), e1.getMessage());
        SelfEvaluation badField = new SelfEvaluation("sichuan_special_fund", Map.of("projectName", "x"),
                Map.of("totalScore", BigDecimal.ONE), Map.of("total", Map.of("budget", BigDecimal.ONE)),
                List.of(new SelfEvaluation.Indicator("产出指标", null, null, null, null, null, null, null, BigDecimal.ONE, null, null)),
                List.of(new SelfEvaluation.ExpenseLine("x", BigDecimal.ONE, null, null)), null, null);
        JuesuanException e2 = assertThrows(JuesuanException.class, () -> filler.fill(data(List.of(badField))));
        for (String path : List.of("selfEvaluations[0].fields.projectName", "selfEvaluations[0].numbers.totalScore",
                "selfEvaluations[0].funds.total.budget", "selfEvaluations[0].indicators[0].score", "selfEvaluations[0].expenses")) {
            assertTrue(e2.getMessage().contains(path), path + " in " + e2.getMessage());
        }
    }
}
