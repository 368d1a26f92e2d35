package cn.juesuan.rules;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnnotatedWorkbookTest {

    @Test
    void marksOffendingCellsAndListsFindingsFirst() throws Exception {
        byte[] xlsx = withTypo();
        byte[] before = Arrays.copyOf(xlsx, xlsx.length);
        Validator validator = new Validator(Fixtures.registry(), CodeCatalogue.load(Fixtures.templatesRoot()));
        ValidationReport report = validator.validate(xlsx, null);
        assertTrue(report.hasErrors());

        byte[] annotated = AnnotatedWorkbook.annotate(xlsx, report);
        assertArrayEquals(before, xlsx, "input is never modified");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(annotated))) {
            Sheet results = wb.getSheetAt(0);
            assertEquals(AnnotatedWorkbook.RESULT_SHEET, results.getSheetName());
            assertEquals(report.findings().size() + 4, results.getLastRowNum() + 1);
            Finding error = report.findings(Severity.ERROR).get(0);
            Cell link = null;
            for (var row : results) {
                if (row.getRowNum() > 3 && row.getCell(2).getStringCellValue().equals(error.ruleId())) {
                    link = row.getCell(4);
                    break;
                }
            }
            assertNotNull(link);
            assertNotNull(link.getHyperlink(), "finding links to its cell");
            assertTrue(link.getHyperlink().getAddress().endsWith("!" + error.firstCell()));

            Sheet sheet = wb.getSheet(error.sheet());
            CellReference ref = new CellReference(error.firstCell());
            Cell marked = sheet.getRow(ref.getRow()).getCell(ref.getCol());
            XSSFCellStyle style = (XSSFCellStyle) marked.getCellStyle();
            assertEquals(FillPatternType.SOLID_FOREGROUND, style.getFillPattern());
            assertArrayEquals(new byte[]{(byte) 0xFF, (byte) 0xC7, (byte) 0xCE}, style.getFillForegroundXSSFColor().getRGB(), "错误 is red");
            assertEquals("#,##0.00", style.getDataFormatString(), "number format kept");
            assertTrue(marked.getCellComment().getString().getString().contains(error.message()));
        }
        // validating the annotated copy again gives the same findings
        ValidationReport again = validator.validate(annotated, null);
        assertEquals(report.counts(), again.counts());
        assertFalse(AnnotatedWorkbook.annotate(annotated, again).length == 0);
    }

    /** Seed 004 with 基本工资 typed 10.00 too high in 表8. */
    static byte[] withTypo() throws Exception {
        byte[] xlsx = new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Sheet s : wb) {
                for (var row : s) {
                    Cell code = row.getCell(0);
                    if (code != null && code.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && code.getStringCellValue().equals("30101")) {
                        row.getCell(2).setCellValue(160.00);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
