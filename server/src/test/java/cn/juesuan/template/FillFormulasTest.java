package cn.juesuan.template;

import cn.juesuan.layout.Profile;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jxls.formula.StandardFormulaProcessor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product's formula rewriting (LiteralRefFormulaProcessor) gives every cell jXLS's standard processor gives. */
class FillFormulasTest {
    private final Filler product = new Filler(Fixtures.registry());
    private final Filler standard = new Filler(Fixtures.registry(),
            b -> b.withFormulaProcessor(new StandardFormulaProcessor()));

    static List<ReportData> filled() {
        List<ReportData> out = new ArrayList<>(List.of(Fixtures.seed(Fixtures.SEED_000), Fixtures.seed(Fixtures.SEED_004)));
        for (String eval : Fixtures.EVALS) {
            out.add(Fixtures.seed(eval));
        }
        out.add(Fixtures.seed(Fixtures.SEED_000).withSelfEvaluations(Fixtures.seed(Fixtures.EVAL_000).selfEvaluations()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("filled")
    void filledWorkbooksHaveTheSameCells(ReportData data) throws IOException {
        Map<String, String> ours = cells(product.fill(data));
        assertEquals(cells(standard.fill(data)), ours);
        assertTrue(data.tables().isEmpty() || ours.values().stream().anyMatch(v -> v.startsWith("=")), "the annex has formulas");
    }

    @Test
    void blankWorkbooksOfEveryProfileHaveTheSameCells() throws IOException {
        for (Profile p : Fixtures.registry().profiles()) {
            int year = p.fromYear();
            assertEquals(cells(standard.blank(p.id(), year, "某单位", null)), cells(product.blank(p.id(), year, "某单位", null)),
                    p.id());
        }
    }

    /** Sheet!cell → formula, or the cell's value and style index. */
    private static Map<String, String> cells(byte[] xlsx) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        String value = c.getCellType() == CellType.FORMULA ? "=" + c.getCellFormula() : c.toString();
                        out.put(sheet.getSheetName() + "!" + c.getAddress(), value + " #" + c.getCellStyle().getIndex());
                    }
                }
            }
        }
        return out;
    }
}
