package org.jxls.formula;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jxls.transform.poi.JxlsPoiTemplateFillerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The literal scan rewrites formulas exactly as jXLS's StandardFormulaProcessor does. */
class LiteralRefFormulaProcessorTest {
    private static final String[] PIECES = {"A1", "A10", "B2", "AA1", "U_(", "U_", "(", ")", "!", "Sheet1!", "'表 1'!",
            "+", ",", ":", "$", "x", "_", "1", " ", "SUM(", "\\", "..........", "..........", ".........."};
    private static final String[] REFS = {"A1", "B2", "Sheet1!A1", "'表 1'!A1"};

    /** What StandardFormulaProcessor does for one reference. */
    private static String standard(String formula, String ref, String replacement, boolean notAfterBang) {
        return formula.replaceAll(AbstractFormulaProcessor.regexJointedLookBehind + (notAfterBang ? "(?<!!)" : "")
                + AbstractFormulaProcessor.regexExcludePrefixSymbols + Pattern.quote(ref), Matcher.quoteReplacement(replacement));
    }

    @Test
    void replacesWhereTheStandardPatternMatchesOnRandomFormulas() {
        long seed = Long.getLong("juesuan.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        int replaced = 0;
        int blocked = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String formula = s.toString();
            String ref = REFS[random.nextInt(REFS.length)];
            String replacement = random.nextBoolean() ? "C3:C9" : "$D$4,E$5\\";
            boolean bang = random.nextBoolean();
            String expected = standard(formula, ref, replacement, bang);
            assertEquals(expected, LiteralRefFormulaProcessor.replaceRef(formula, ref, replacement, bang),
                    () -> "seed " + seed + ": " + formula + " / " + ref);
            if (!expected.equals(formula)) {
                replaced++;
            } else if (formula.contains(ref)) {
                blocked++;
            }
        }
        assertTrue(replaced > 1000 && blocked > 1000, "both outcomes covered: " + replaced + " / " + blocked);
    }

    @Test
    void lookBehindLimitsAsTheStandardPattern() {
        String inside = "U_(" + ".".repeat(100) + "A1";
        String beyond = "U_(" + ".".repeat(101) + "A1";
        assertEquals(inside, LiteralRefFormulaProcessor.replaceRef(inside, "A1", "Z9", true));
        assertEquals("U_(" + ".".repeat(101) + "Z9", LiteralRefFormulaProcessor.replaceRef(beyond, "A1", "Z9", true));
        assertEquals("Z9+XA1+S!A1+Z90", LiteralRefFormulaProcessor.replaceRef("A1+XA1+S!A1+A10", "A1", "Z9", true));
        assertEquals("Z9+XA1+S!Z9+Z90", LiteralRefFormulaProcessor.replaceRef("A1+XA1+S!A1+A10", "A1", "Z9", false));
        assertEquals(standard("A1+U_(B2)", "", "Z9", true), LiteralRefFormulaProcessor.replaceRef("A1+U_(B2)", "", "Z9", true));
    }

    /**
     * A template with what our templates do not use: a two-row repeated area (so a total refers to 300 separate cells,
     * past SUM's 255 arguments), a jointed reference (up to 100 rows: past that its SUM has too many arguments for
     * Excel), references from another sheet.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 300})
    void fillsTheSameFormulasAsTheStandardProcessor(int rows) throws IOException {
        byte[] template = template(rows <= 100);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", "项目" + i);
            r.put("qty", i + 1);
            r.put("price", 2.5);
            items.add(r);
        }
        Map<String, Object> context = new HashMap<>(Map.of("rows", items));
        Map<String, String> standard = formulas(fill(template, context, new StandardFormulaProcessor()));
        Map<String, String> ours = formulas(fill(template, context, new LiteralRefFormulaProcessor()));
        assertEquals(standard, ours);
        assertFalse(ours.values().stream().anyMatch(f -> f.contains("U_(") || f.contains("$[")), ours::toString);
        if (rows == 300) {
            String total = ours.get("Data!D" + (2 * rows + 3));
            assertEquals(rows - 1, total.chars().filter(c -> c == '+').count(), total);
            assertTrue(ours.get("Sum!A1").contains("Data!"), ours::toString);
        }
    }

    private static byte[] fill(byte[] template, Map<String, Object> context, FormulaProcessor processor) {
        return JxlsPoiTemplateFillerBuilder.newInstance().withTemplate(new ByteArrayInputStream(template))
                .withFormulaProcessor(processor).withRecalculateFormulasBeforeSaving(false).buildAndFill(context);
    }

    private static Map<String, String> formulas(byte[] xlsx) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        String at = sheet.getSheetName() + "!" + c.getAddress();
                        out.put(at, c.getCellType() == CellType.FORMULA ? "=" + c.getCellFormula() : c.toString());
                    }
                }
            }
        }
        return out;
    }

    private static byte[] template(boolean jointed) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet data = wb.createSheet("Data");
            set(data, 0, 0, "名称");
            set(data, 0, 1, "数量");
            set(data, 0, 2, "单价");
            set(data, 0, 3, "金额");
            set(data, 1, 0, "${r.name}");
            set(data, 1, 1, "${r.qty}");
            set(data, 1, 2, "${r.price}");
            data.getRow(1).createCell(3).setCellFormula("B2*C2");
            set(data, 2, 0, "备注");
            data.createRow(4).createCell(3).setCellFormula("SUM(D2)");
            if (jointed) {
                set(data, 4, 4, "$[SUM(U_(D2,B2))]");
            }
            data.getRow(4).createCell(5).setCellFormula("D5/2");
            comment(data, 0, 0, "jx:area(lastCell=\"F5\")");
            comment(data, 1, 0, "jx:each(items=\"rows\" var=\"r\" lastCell=\"D3\")");
            Sheet sum = wb.createSheet("Sum");
            sum.createRow(0).createCell(0).setCellFormula("SUM(Data!D2)");
            sum.createRow(1).createCell(0).setCellFormula("Data!D5*2+Data!F5");
            comment(sum, 0, 0, "jx:area(lastCell=\"B2\")");
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void set(Sheet sheet, int r, int c, String value) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        row.createCell(c).setCellValue(value);
    }

    private static void comment(Sheet sheet, int r, int c, String text) {
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setRow1(r);
        anchor.setCol1(c);
        anchor.setRow2(r + 2);
        anchor.setCol2(c + 3);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        Cell cell = row.getCell(c) == null ? row.createCell(c) : row.getCell(c);
        cell.setCellComment(comment);
    }
}
