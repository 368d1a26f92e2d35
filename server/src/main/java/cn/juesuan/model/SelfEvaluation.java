package cn.juesuan.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One performance self-evaluation sheet (绩效自评表) of a project or of the whole department. Which keys exist is
 * said by the sheet kind's descriptor (templates/selfeval/sheets/*.json).
 *
 * @param kind       sheet kind key ("sichuan_special_fund")
 * @param fields     text values: 项目名称, 主管部门, 年度目标, 评价等次 … (key → text)
 * @param numbers    numeric values outside the funds block: 总分 (totalScore), Σ 权重 (totalWeight), 支出合计 …
 * @param funds      the funds block: row key → column key → amount (in the kind's money unit; 执行率 in percent)
 * @param indicators 绩效指标, in printed order
 * @param expenses   项目支出明细 (Hunan project form)
 * @param reviewers  评价人员 (Hunan forms)
 * @param tasks      年度主要任务 (department forms)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SelfEvaluation(String kind, Map<String, String> fields, Map<String, BigDecimal> numbers,
                             Map<String, Map<String, BigDecimal>> funds, List<Indicator> indicators,
                             List<ExpenseLine> expenses, List<Reviewer> reviewers, List<Task> tasks) {
    public SelfEvaluation {
        Map<String, String> f = new LinkedHashMap<>();
        if (fields != null) {
            fields.forEach((k, v) -> {
                String t = clean(v);
                if (t != null) {
                    f.put(k, t);
                }
            });
        }
        fields = f;
        Map<String, BigDecimal> n = new LinkedHashMap<>();
        if (numbers != null) {
            numbers.forEach((k, v) -> {
                if (v != null) {
                    n.put(k, Scores.normalize(v));
                }
            });
        }
        numbers = n;
        Map<String, Map<String, BigDecimal>> m = new LinkedHashMap<>();
        if (funds != null) {
            funds.forEach((row, cols) -> {
                Map<String, BigDecimal> c = Amounts.normalizeMap(cols);
                if (!c.isEmpty()) {
                    m.put(row, c);
                }
            });
        }
        funds = m;
        indicators = nonEmpty(indicators);
        expenses = nonEmpty(expenses);
        reviewers = nonEmpty(reviewers);
        tasks = nonEmpty(tasks);
    }

    private static <T extends Item> List<T> nonEmpty(List<T> items) {
        return items == null ? List.of() : items.stream().filter(i -> i != null && !i.isEmpty()).toList();
    }

    /** Trimmed text, or null when blank. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    public String field(String key) {
        return fields.get(key);
    }

    public BigDecimal number(String key) {
        return numbers.get(key);
    }

    public BigDecimal fund(String row, String col) {
        Map<String, BigDecimal> r = funds.get(row);
        return r == null ? null : r.get(col);
    }

    /** A list item (a record); empty items (every value blank) are dropped. */
    public interface Item {
        @JsonIgnore
        default boolean isEmpty() {
            for (var c : getClass().getRecordComponents()) {
                try {
                    if (c.getAccessor().invoke(this) != null) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
    }

    /**
     * One 绩效指标 row, values as written.
     *
     * @param level1      一级指标 (产出指标 …)
     * @param level2      二级指标 (数量指标 …)
     * @param level3      三级指标 / 指标内容
     * @param nature      指标性质 as written: ≥, ≤, =, 定性 …
     * @param target      指标值 / 年度指标值 / 预期指标值 as written ("≥98%", "95", "达成预期")
     * @param unit        度量单位
     * @param weight      权重 / 分值
     * @param actual      实际完成值 as written
     * @param score       得分
     * @param reason      偏差原因 / 未完成原因分析
     * @param explanation 指标解释 (score sheets)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Indicator(String level1, String level2, String level3, String nature, String target, String unit,
                            BigDecimal weight, String actual, BigDecimal score, String reason, String explanation)
            implements Item {
        public Indicator {
            level1 = clean(level1);
            level2 = clean(level2);
            level3 = clean(level3);
            nature = clean(nature);
            target = clean(target);
            unit = clean(unit);
            weight = Scores.normalize(weight);
            actual = clean(actual);
            score = Scores.normalize(score);
            reason = clean(reason);
            explanation = clean(explanation);
        }
    }

    /** One line of 项目支出明细: 支出内容, 实际支出数 (in the list's unit), 会计凭证号, 备注. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpenseLine(String content, BigDecimal amount, String voucher, String note) implements Item {
        public ExpenseLine {
            content = clean(content);
            amount = Amounts.normalize(amount);
            voucher = clean(voucher);
            note = clean(note);
        }
    }

    /** One 评价人员: 姓名, 职务/职称, 单位, 签字. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reviewer(String name, String title, String unit, String signature) implements Item {
        public Reviewer {
            name = clean(name);
            title = clean(title);
            unit = clean(unit);
            signature = clean(signature);
        }
    }

    /** One 年度主要任务: 任务名称, 主要内容. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(String name, String content) implements Item {
        public Task {
            name = clean(name);
            content = clean(content);
        }
    }
}
