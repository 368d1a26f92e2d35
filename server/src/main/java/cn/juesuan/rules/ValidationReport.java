package cn.juesuan.rules;

import cn.juesuan.model.Json;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.util.List;

/**
 * The result of validating one workbook (JSON shape: docs/validation-report.schema.json).
 *
 * @param profile     profile id the workbook was read and checked with
 * @param profileName its Chinese name
 * @param year        report year found in the workbook, or null
 * @param unit        reporting unit found in the workbook, or null
 * @param moneyUnit   金额单位 the amounts were read in ("万元" / "元")
 * @param valid       true when there is no 错误
 * @param counts      number of findings per severity
 * @param rules       number of rules of the rule set (derived sums included)
 * @param findings    findings sorted by sheet order, then row, then column
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"profile", "profileName", "year", "unit", "moneyUnit", "valid", "counts", "rules", "findings"})
public record ValidationReport(String profile, String profileName, Integer year, String unit, String moneyUnit,
                               boolean valid, Counts counts, int rules, List<Finding> findings) {

    /** Findings per severity. */
    public record Counts(int error, int warning, int info) {
        static Counts of(List<Finding> findings) {
            int e = 0;
            int w = 0;
            int i = 0;
            for (Finding f : findings) {
                switch (f.severity()) {
                    case ERROR -> e++;
                    case WARNING -> w++;
                    case INFO -> i++;
                }
            }
            return new Counts(e, w, i);
        }

        public int of(Severity s) {
            return switch (s) {
                case ERROR -> error;
                case WARNING -> warning;
                case INFO -> info;
            };
        }
    }

    public ValidationReport {
        findings = List.copyOf(findings);
    }

    static ValidationReport of(String profile, String profileName, Integer year, String unit, String moneyUnit,
                               int rules, List<Finding> findings) {
        Counts c = Counts.of(findings);
        return new ValidationReport(profile, profileName, year, unit, moneyUnit, c.error() == 0, c, rules, findings);
    }

    @JsonIgnore
    public boolean hasErrors() {
        return counts.error() > 0;
    }

    /** Findings of one severity, in report order. */
    public List<Finding> findings(Severity s) {
        return findings.stream().filter(f -> f.severity() == s).toList();
    }

    /** Findings of one rule, in report order. */
    public List<Finding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** The report as JSON (model.Json.MAPPER). */
    public String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as readable Chinese text. */
    public String toText() {
        return TextReport.render(this);
    }
}
