package cn.juesuan.narrative;

import cn.juesuan.rules.Severity;
import cn.juesuan.rules.ValidationReport;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * The result of checking a narrative against the workbook's tables: the validator's report ({@link ValidationReport})
 * with the narrative's file name, paragraphs and quotes in place of sheets and cells.
 *
 * @param profile     profile of the workbook
 * @param profileName its Chinese name
 * @param year        report year
 * @param unit        reporting unit
 * @param moneyUnit   unit of the amounts in the findings: always 万元, as the narrative states them
 * @param source      file name of the narrative
 * @param valid      true when there is no 错误
 * @param counts     findings per severity
 * @param checked    numbers of the narrative compared with the tables
 * @param unresolved numbers with a unit (万元, %) the check could not attribute to a figure of the tables
 * @param findings   in document order
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"profile", "profileName", "year", "unit", "moneyUnit", "source", "valid", "counts", "checked",
        "unresolved", "findings"})
public record NarrativeReport(String profile, String profileName, Integer year, String unit, String moneyUnit,
                             String source, boolean valid, ValidationReport.Counts counts, int checked, int unresolved,
                             List<NarrativeFinding> findings) {

    public NarrativeReport {
        findings = List.copyOf(findings);
    }

    static NarrativeReport of(Figures f, String source, int checked, int unresolved, List<NarrativeFinding> findings) {
        int[] n = new int[Severity.values().length];
        findings.forEach(x -> n[x.severity().ordinal()]++);
        ValidationReport.Counts c = new ValidationReport.Counts(n[Severity.ERROR.ordinal()], n[Severity.WARNING.ordinal()],
                n[Severity.INFO.ordinal()]);
        return new NarrativeReport(f.profile().id(), f.profile().name(), f.year(), f.unitName(), "万元", source,
                c.error() == 0, c, checked, unresolved, findings);
    }

    @JsonIgnore
    public boolean hasErrors() {
        return counts.error() > 0;
    }

    public List<NarrativeFinding> findingsOf(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** Readable Chinese text, grouped by severity. */
    public String toText() {
        StringBuilder b = new StringBuilder("决算情况说明核对结果\n");
        b.append("单位：").append(unit).append("　年度：").append(year).append("　说明文件：").append(source).append('\n');
        b.append("核对数字 ").append(checked).append(" 个（另有 ").append(unresolved).append(" 个带单位的数字无法对应到表中项目，未核对）；")
                .append("错误 ").append(counts.error()).append(" 处，提示 ").append(counts.warning()).append(" 处，信息 ")
                .append(counts.info()).append(" 处。\n");
        b.append(counts.error() == 0 ? "结论：未发现与附表不符的数字。\n" : "结论：有 " + counts.error() + " 处与附表不符，须改正后再公开。\n");
        for (Severity s : Severity.values()) {
            List<NarrativeFinding> list = findings.stream().filter(f -> f.severity() == s).toList();
            if (list.isEmpty()) {
                continue;
            }
            b.append("\n【").append(s.label()).append("】").append(list.size()).append(" 处\n");
            int n = 1;
            for (NarrativeFinding f : list) {
                b.append("  ").append(n++).append(". [").append(f.ruleId()).append("] ").append(f.location());
                if (f.section() != null) {
                    b.append("，").append(f.section());
                }
                b.append("：").append(f.message()).append('\n');
                b.append("     原文：").append(f.quote()).append('\n');
            }
        }
        return b.toString();
    }
}
