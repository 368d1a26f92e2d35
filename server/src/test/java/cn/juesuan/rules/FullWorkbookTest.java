package cn.juesuan.rules;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.layout.Profile;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The generated full workbook of every profile is clean: no finding at all. */
class FullWorkbookTest {
    static final CodeCatalogue CODES = CodeCatalogue.load(Fixtures.templatesRoot());

    static int yearOf(Profile p) {
        return p.id().equals("sichuan-2020") ? 2020 : 2024;
    }

    static byte[] workbook(String profileId) {
        Profile p = Fixtures.registry().get(profileId);
        ReportData data = FullWorkbook.generate(p, CODES, yearOf(p), 3, 2);
        return new Filler(Fixtures.registry()).fill(data);
    }

    @Test
    void fullWorkbooksHaveNoFinding() {
        Validator v = new Validator(Fixtures.registry(), CODES);
        for (String id : Fixtures.registry().ids()) {
            ValidationReport r = v.validate(workbook(id), id);
            assertEquals(0, r.findings().size(), () -> id + "\n" + r.toText());
        }
    }
}
