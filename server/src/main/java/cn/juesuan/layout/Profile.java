package cn.juesuan.layout;

import java.util.List;
import java.util.Optional;

/**
 * A set of tables for a province and year range, with its template workbook.
 *
 * @param id         stable id ("sichuan-2020")
 * @param name       Chinese display name
 * @param province   province, or "全国"
 * @param fromYear   first report year the format is used for (inclusive)
 * @param toYear     last report year (inclusive), or null when still current
 * @param moneyUnit  default unit ("万元")
 * @param isDefault  the profile used when nothing else decides
 * @param tables     the tables in publication order
 * @param notes      remarks for administrators (sources, uncertainty)
 */
public record Profile(String id, String name, String province, int fromYear, Integer toYear, String moneyUnit,
                      boolean isDefault, List<TableLayout> tables, List<String> notes) {
    public Profile {
        tables = List.copyOf(tables);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public Optional<TableLayout> table(String key) {
        return tables.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    public boolean coversYear(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }

    /** The years in words: "2020–2022 年度", "2023 年度起". */
    public String yearsText() {
        return toYear == null ? fromYear + " 年度起" : fromYear + "–" + toYear + " 年度";
    }
}
