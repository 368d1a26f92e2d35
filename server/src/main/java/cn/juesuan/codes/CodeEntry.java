package cn.juesuan.codes;

/**
 * One row of a code list.
 *
 * @param code     digits only (2060101)
 * @param name     official name as the list prints it
 * @param level    "类", "款" or "项" (from the code length)
 * @param verified true when read in a real source (government document or classification text), false for
 *                 the -unverified lists (give 提示 only, never 错误)
 * @param source   file name in templates/codes
 * @param fromYear first year the row applies to
 * @param toYear   last year the row applies to
 */
public record CodeEntry(String code, String name, String level, boolean verified, String source,
                        int fromYear, int toYear) {

    public boolean covers(int year) {
        return year >= fromYear && year <= toYear;
    }

    /** The year in [fromYear, toYear] nearest to the given year. */
    int nearestYearTo(int year) {
        return Math.max(fromYear, Math.min(toYear, year));
    }

    /** "2024年" or "2020–2025年". */
    public String yearsText() {
        return fromYear == toYear ? fromYear + "年" : fromYear + "–" + toYear + "年";
    }
}
