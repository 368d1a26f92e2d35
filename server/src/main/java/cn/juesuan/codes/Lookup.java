package cn.juesuan.codes;

import java.util.List;

/**
 * What the catalogue knows about one code in one year.
 *
 * @param scheme             classification scheme
 * @param year               year asked for
 * @param code               normalised code (digits)
 * @param level              "类"/"款"/"项", null when the length is wrong
 * @param basis              where the answer comes from
 * @param basisYear          the verified list's year for VERIFIED_YEAR / VERIFIED_EARLIER_YEAR, else null
 * @param entries            the rows the answer is based on (for OTHER_YEARS: the rows of the nearest year)
 * @param nearestYear        when the answer is not from the year's own verified list: the nearest other year whose
 *                           verified list has the code, else the nearest year an unverified list covers; null if none
 * @param nearestYearVerified whether nearestYear comes from a verified list
 * @param listComplete       whether a list marked complete covers this year (only then is an unknown code certain)
 */
public record Lookup(Scheme scheme, int year, String code, String level, Basis basis, Integer basisYear,
                     List<CodeEntry> entries, Integer nearestYear, boolean nearestYearVerified,
                     boolean listComplete) {

    public enum Basis {
        /** in the verified list of the year itself */
        VERIFIED_YEAR,
        /** the year has no verified list; found in the closest earlier year's verified list */
        VERIFIED_EARLIER_YEAR,
        /** only in an unverified list whose year range covers the year (提示 only) */
        UNVERIFIED,
        /** not known for this year, but listed for other years (see nearestYear) */
        OTHER_YEARS,
        /** in no list */
        UNKNOWN,
        /** not digits, or length not 3/5/7 (function) or 3/5 (economic) */
        INVALID_CODE
    }

    public Lookup {
        entries = List.copyOf(entries);
    }

    /** Known for the year (from a verified list, an earlier verified list or an unverified list). */
    public boolean known() {
        return basis == Basis.VERIFIED_YEAR || basis == Basis.VERIFIED_EARLIER_YEAR || basis == Basis.UNVERIFIED;
    }

    /** Known from a verified list (this year's or, for a year without a list, an earlier year's). */
    public boolean verified() {
        return basis == Basis.VERIFIED_YEAR || basis == Basis.VERIFIED_EARLIER_YEAR;
    }

    /** Known for the year only from an unverified list. */
    public boolean unverifiedOnly() {
        return basis == Basis.UNVERIFIED;
    }

    /** Distinct catalogue names of the entries (usually one). */
    public List<String> names() {
        return entries.stream().map(CodeEntry::name).distinct().toList();
    }

    /** Short Chinese description of the basis, for messages. */
    public String describe() {
        return switch (basis) {
            case VERIFIED_YEAR -> year + "年已核实目录";
            case VERIFIED_EARLIER_YEAR -> year + "年无目录，按" + basisYear + "年已核实目录";
            case UNVERIFIED -> "仅见于未核实目录（" + entries.get(0).yearsText() + "）";
            case OTHER_YEARS -> year + "年目录中没有，" + nearestYear + "年"
                    + (nearestYearVerified ? "已核实" : "未核实") + "目录中有";
            case UNKNOWN -> "目录中没有";
            case INVALID_CODE -> "编码位数不对（" + scheme.lengths() + "）";
        };
    }
}
