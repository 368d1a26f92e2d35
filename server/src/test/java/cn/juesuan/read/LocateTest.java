package cn.juesuan.read;

import cn.juesuan.layout.Profile;
import cn.juesuan.model.ReportData;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Locating the cells without reading the amounts finds every cell where reading finds it. */
class LocateTest {

    @Test
    void locateFindsTheCellsReadFinds() throws Exception {
        for (String seed : new String[]{Fixtures.SEED_000, Fixtures.SEED_004}) {
            ReportData data = Fixtures.seed(seed);
            Profile profile = Fixtures.registry().get(data.profile());
            byte[] xlsx = new Filler(Fixtures.registry()).fill(data);
            try (XSSFWorkbook a = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
                 XSSFWorkbook b = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                WorkbookMap read = WorkbookReader.read(a, profile).map();
                assertFalse(read.tables().isEmpty(), seed);
                assertEquals(read.tables(), WorkbookReader.locate(b, profile).tables(), seed);
            }
        }
    }
}
