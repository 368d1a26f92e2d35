package cn.juesuan.template;

import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadNote;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** read(fill(data)) == data, on the real figures of the seeds. */
class RoundTripTest {
    private final Filler filler = new Filler(Fixtures.registry());
    private final WorkbookReader reader = new WorkbookReader(Fixtures.registry());

    @Test
    void seed004SuiningKejiJu2024() throws Exception {
        ReportData data = Fixtures.seed(Fixtures.SEED_004);
        ReadResult back = reader.read(filler.fill(data), null);
        assertNoNotes(back.notes());
        assertEquals(sorted(data), sorted(back.data()));
        assertEquals(data, back.data());
        var t1 = back.data().table("income_expense_summary");
        assertEquals(new BigDecimal("1447.01"), t1.value("total_income", "amount"));
        var t3 = back.data().table("expenditure");
        assertEquals(new BigDecimal("708.77"), t3.value("total", "basic"));
        assertEquals(new BigDecimal("738.24"), t3.value("total", "project"));
        assertEquals(17, t3.rows().stream().filter(r -> r.code().length() == 7).count());
        var sg = back.data().table("three_public");
        assertEquals(new BigDecimal("6.23"), sg.value("amount", "f_total"));
        var basic = back.data().table("gpb_basic_expenditure");
        assertEquals(new BigDecimal("630.27"), basic.value("personnel_total", "amount"));
        assertEquals(new BigDecimal("78.50"), basic.value("public_total", "amount"));
    }

    @Test
    void seed000LuzhouKechuang2020() throws Exception {
        ReportData data = Fixtures.seed(Fixtures.SEED_000);
        ReadResult back = reader.read(filler.fill(data), null);
        assertNoNotes(back.notes());
        assertEquals(sorted(data), sorted(back.data()));
        assertEquals("sichuan-2020", back.data().profile());
        var t3 = back.data().table("expenditure");
        // published rounding kept as reported: 60.88 + 28.35 ≠ 89.22
        assertEquals(new BigDecimal("89.22"), t3.value("total", "total"));
        assertEquals(new BigDecimal("60.88"), t3.value("total", "basic"));
        assertEquals(new BigDecimal("6.91"), back.data().table("income_expense_summary").value("opening_balance", "amount"));
        assertEquals(8, t3.rows().stream().filter(r -> r.code().length() == 7).count());
    }

    @Test
    void unitCodeSurvivesTheRoundTrip() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_004);
        ReportData data = new ReportData(seed.profile(), seed.year(), new cn.juesuan.model.UnitInfo(seed.unit().name(), "510900001"),
                seed.moneyUnit(), seed.tables());
        assertEquals(data, reader.read(filler.fill(data), null).data());
    }

    private static String sorted(ReportData d) throws Exception {
        return Json.MAPPER.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .writeValueAsString(d);
    }

    private static void assertNoNotes(List<ReadNote> notes) {
        assertTrue(notes.isEmpty(), () -> "unexpected notes: " + notes);
    }
}
