package cn.juesuan.template;

import cn.juesuan.layout.Profile;
import cn.juesuan.support.Fixtures;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The committed templates/<profile>/template.xlsx say what their descriptors say: after changing a descriptor, run
 * `java -jar server/target/juesuan.jar templates` and commit the result.
 */
class TemplateFilesTest {

    @Test
    void committedTemplatesMatchTheDescriptors() throws Exception {
        for (Profile p : Fixtures.registry().profiles()) {
            byte[] committed = Files.readAllBytes(Fixtures.registry().templatePath(p.id()));
            byte[] generated = new TemplateGenerator().generate(p);
            assertEquals(dump(generated), dump(committed), p.id() + ": template.xlsx is out of date; run `juesuan templates`");
        }
    }

    @Test
    void committedSelfEvaluationTemplateMatchesTheDescriptors() throws Exception {
        byte[] committed = Files.readAllBytes(Fixtures.registry().evalTemplatePath());
        byte[] generated = new EvalTemplateGenerator().generate(Fixtures.registry().evalSheets());
        assertEquals(dump(generated), dump(committed), "selfeval/template.xlsx is out of date; run `juesuan templates`");
    }

    private static List<String> dump(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb) {
                out.add("# " + s.getSheetName() + " merged=" + s.getNumMergedRegions());
                for (Row r : s) {
                    for (Cell c : r) {
                        String v = switch (c.getCellType()) {
                            case FORMULA -> "=" + c.getCellFormula();
                            case STRING -> c.getStringCellValue();
                            case NUMERIC -> String.valueOf(c.getNumericCellValue());
                            default -> "";
                        };
                        String comment = c.getCellComment() == null ? "" : " {" + c.getCellComment().getString().getString() + "}";
                        if (!v.isEmpty() || !comment.isEmpty()) {
                            out.add(c.getAddress() + " " + v + comment);
                        }
                    }
                }
            }
        }
        return out;
    }
}
