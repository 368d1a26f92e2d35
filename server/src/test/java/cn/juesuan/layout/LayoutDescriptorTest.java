package cn.juesuan.layout;

import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every table descriptor of every profile is consistent: the data that drives templates, reader and rules. */
class LayoutDescriptorTest {

    @TestFactory
    Stream<DynamicTest> everyTableIsConsistent() {
        return Fixtures.registry().profiles().stream().flatMap(p -> p.tables().stream()
                .map(t -> DynamicTest.dynamicTest(p.id() + " " + t.number() + " " + t.title(), () -> check(t))));
    }

    @TestFactory
    Stream<DynamicTest> profilesHaveTheirTables() {
        return Stream.of(
                DynamicTest.dynamicTest("sichuan-2020 has 14 tables", () -> assertEquals(14, Fixtures.registry().get("sichuan-2020").tables().size())),
                DynamicTest.dynamicTest("sichuan-2024 has 13 tables", () -> assertEquals(13, Fixtures.registry().get("sichuan-2024").tables().size())),
                DynamicTest.dynamicTest("national-9 has 9 tables", () -> assertEquals(9, Fixtures.registry().get("national-9").tables().size())),
                DynamicTest.dynamicTest("default is sichuan-2020", () -> assertEquals("sichuan-2020", Fixtures.registry().defaultProfile().id())),
                DynamicTest.dynamicTest("2023 reports use the 13-table set", () -> assertEquals("sichuan-2024", Fixtures.registry().forYear(2023).id())),
                DynamicTest.dynamicTest("2021 reports use the 14-table set", () -> assertEquals("sichuan-2020", Fixtures.registry().forYear(2021).id())));
    }

    private static void check(TableLayout t) {
        assertNotNull(t.key());
        assertNotNull(t.title());
        assertTrue(t.sheetName().length() <= 31, "sheet name too long: " + t.sheetName());
        assertFalse(t.sheetName().matches(".*[\\[\\]:*?/\\\\].*"), "bad sheet name " + t.sheetName());
        int rows = t.blocks().get(0).rows().size();
        Set<String> rowKeys = new HashSet<>();
        for (BlockDef b : t.blocks()) {
            assertEquals(rows, b.rows().size(), "blocks of " + t.title() + " must align row by row");
            Set<String> colKeys = new HashSet<>();
            for (ColumnDef c : b.columns()) {
                assertTrue(colKeys.add(c.key()), "duplicate column " + c.key());
                assertFalse(c.header().isEmpty(), "column without header " + c.key());
                for (String part : c.sum()) {
                    assertTrue(b.column(part).filter(ColumnDef::isAmount).isPresent(), c.key() + " sums unknown column " + part);
                }
            }
            for (RowDef r : b.rows()) {
                if (r.key() != null) {
                    assertTrue(rowKeys.add(r.key()), "duplicate row " + r.key() + " in " + t.title());
                }
            }
            long areas = b.rows().stream().filter(RowDef::isArea).count();
            assertTrue(areas <= 1);
            if (areas == 1) {
                assertEquals(1, t.blocks().size(), "a 科目 area needs a single-block table");
            }
        }
        for (BlockDef b : t.blocks()) {
            for (RowDef r : b.rows()) {
                if (r.isSumOfClasses()) {
                    assertTrue(b.area().isPresent(), "@classes without an area in " + t.title());
                } else {
                    for (String part : r.sum()) {
                        assertTrue(rowKeys.contains(part), r.key() + " sums unknown row " + part + " in " + t.title());
                    }
                }
            }
        }
        List<String> leaves = t.allColumns().stream().map(ColumnDef::leafHeader).toList();
        assertFalse(leaves.contains(""));
    }
}
