package cn.juesuan.narrative;

import cn.juesuan.rules.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;

/**
 * One thing the narrative check found: the validator's finding with the paragraph and the quoted text in place of a
 * cell. Amounts in 万元, rates in %.
 *
 * @param ruleId     stable id ("N-AMOUNT", "N-SHARE", …; see docs/narrative.md)
 * @param severity   错误 / 提示 / 信息
 * @param message    Chinese message
 * @param section    heading of the section the paragraph is in ("三、支出决算情况说明"), or the part ("第四部分 附件")
 * @param paragraph  paragraph number in the document (non-empty paragraphs, 1-based)
 * @param line       line number in a text file, null for .docx
 * @param quote      the sentence as written
 * @param reported   the number the narrative states
 * @param computed   the number the tables give
 * @param difference reported − computed
 * @param tolerance  the tolerance that applied
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ruleId", "severity", "severityLabel", "message", "section", "paragraph", "line", "quote",
        "reported", "computed", "difference", "tolerance"})
public record NarrativeFinding(String ruleId, Severity severity, String message, String section, int paragraph,
                               Integer line, String quote, BigDecimal reported, BigDecimal computed,
                               BigDecimal difference, BigDecimal tolerance) {

    @JsonProperty("severityLabel")
    public String severityLabel() {
        return severity.label();
    }

    /** "第12段" or "第120行". */
    public String location() {
        return location(paragraph, line);
    }

    static String location(int paragraph, Integer line) {
        return line != null ? "第" + line + "行" : "第" + paragraph + "段";
    }
}
