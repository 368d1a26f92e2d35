package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.template.Filler;
import cn.juesuan.template.Styles;

/** The carried year as a workbook: the profile's tables filled with the carried data, plus 上年数 and 年初调整 sheets. */
public final class CarriedWorkbook {
    private CarriedWorkbook() {
    }

    public static byte[] render(ProfileRegistry registry, Carried carried) {
        return new Filler(registry).fill(carried.data(), wb -> {
            Styles styles = new Styles(wb);
            WorkbookMap tables = WorkbookReader.locate(wb, carried.profile());
            PreviousYearSheet.write(wb, styles, carried);
            AdjustmentSheet.write(wb, styles, carried, tables);
            EvalReferenceSheet.write(wb, styles, registry, carried);
        });
    }

    /**
     * The cell writes that turn a workbook open in Excel into the carried one.
     *
     * @param carriedXlsx what {@link #render} gave
     * @param current     the workbook open in Excel, or null for the blank workbook of the carried year and unit
     */
    public static CellWrites writes(ProfileRegistry registry, Carried carried, byte[] carriedXlsx, byte[] current) {
        byte[] base = current != null ? current : new Filler(registry).blank(carried.profile().id(),
                carried.data().year(), carried.data().unit().name(), carried.data().unit().code());
        return CellWrites.diff(base, carriedXlsx, current == null ? CellWrites.BASE_BLANK : CellWrites.BASE_CURRENT,
                carried.notes());
    }
}
