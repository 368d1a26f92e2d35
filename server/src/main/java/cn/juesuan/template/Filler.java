package cn.juesuan.template;

import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;

/** Fills a profile's jXLS template with one unit-year of data. */
public final class Filler {
    private final ProfileRegistry registry;

    public Filler(ProfileRegistry registry) {
        this.registry = registry;
    }

    /** The filled workbook (xlsx bytes). Throws JuesuanException (4xx) for bad data. */
    public byte[] fill(ReportData data) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The workbook for a profile, year and unit with no amounts. */
    public byte[] blank(String profileId, int year, String unitName, String unitCode) {
        throw new UnsupportedOperationException("TODO");
    }
}
