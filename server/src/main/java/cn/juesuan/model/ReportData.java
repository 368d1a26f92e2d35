package cn.juesuan.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit's 决算 annex tables for one year: the single model that filling, reading, rules and carry-forward share.
 *
 * @param profile   profile id ("sichuan-2020")
 * @param year      report year
 * @param unit      reporting unit
 * @param moneyUnit "万元" (default) or "元"
 * @param tables    table key → its values; tables without any value are left out
 * @param selfEvaluations performance self-evaluation sheets (绩效自评表), one per project or department, in order
 */
public record ReportData(String profile, Integer year, UnitInfo unit, String moneyUnit, Map<String, TableData> tables,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SelfEvaluation> selfEvaluations) {
    public ReportData(String profile, Integer year, UnitInfo unit, String moneyUnit, Map<String, TableData> tables) {
        this(profile, year, unit, moneyUnit, tables, null);
    }

    public ReportData {
        Map<String, TableData> t = new LinkedHashMap<>();
        if (tables != null) {
            tables.forEach((k, v) -> {
                if (v != null && !v.isEmpty()) {
                    t.put(k, v);
                }
            });
        }
        tables = t;
        unit = unit == null ? new UnitInfo(null, null) : unit;
        selfEvaluations = selfEvaluations == null ? List.of()
                : selfEvaluations.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The same data with other self-evaluation sheets. */
    public ReportData withSelfEvaluations(List<SelfEvaluation> evaluations) {
        return new ReportData(profile, year, unit, moneyUnit, tables, evaluations);
    }

    public TableData table(String key) {
        return tables.getOrDefault(key, TableData.EMPTY);
    }

    public String moneyUnitOr(String fallback) {
        return moneyUnit == null || moneyUnit.isBlank() ? fallback : moneyUnit;
    }
}
