package cn.juesuan.http;

import cn.juesuan.core.Budget;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.TableData;

/**
 * The report data to fill, from JSON (HTTP body or the CLI's file), with the checks that name a field: JSON syntax and
 * types ({@link JsonInput}), the profile, the year against the profile's years, and the amount of data against the
 * cell limit. The filler checks tables, rows and columns.
 */
public final class FillInput {
    /** Cells a list item of a self-evaluation sheet takes at most (an indicator row). */
    private static final int CELLS_PER_LIST_ITEM = 12;

    private FillInput() {
    }

    public static ReportData parse(byte[] json, ProfileRegistry registry) {
        ReportData data = JsonInput.parse(json, ReportData.class);
        String id = data.profile();
        if (id != null && !id.isBlank()) {
            if (!registry.exists(id)) {
                throw JuesuanException.badRequest("unknown_profile", "字段 profile 的值 \"" + id + "\" 不是已知的表样。可用的有："
                        + String.join("、", registry.ids()) + "；省略 profile 时按 year 选用。");
            }
            Profile p = registry.get(id);
            if (data.year() != null && !p.coversYear(data.year())) {
                Profile fits = registry.forYear(data.year());
                throw JuesuanException.badRequest("invalid_field", "字段 year 的值 " + data.year() + " 不在表样 " + id
                        + " 的适用年度（" + p.yearsText() + "）内。" + (fits.coversYear(data.year())
                        ? "该年度应使用表样 " + fits.id() + "，或省略 profile 由年度选用。" : ""));
            }
        }
        long cells = cells(data);
        Budget budget = Budget.current();
        if (cells > budget.maxCells()) {
            throw budget.tooManyCells(cells);
        }
        return data;
    }

    /** About how many cells the data fills. */
    static long cells(ReportData data) {
        long n = 0;
        for (TableData t : data.tables().values()) {
            if (t == null) {
                continue;
            }
            if (t.values() != null) {
                n += t.values().values().stream().mapToLong(cols -> cols == null ? 0 : cols.size()).sum();
            }
            if (t.rows() != null) {
                n += t.rows().stream().mapToLong(r -> 2 + (r == null || r.amounts() == null ? 0 : r.amounts().size())).sum();
            }
        }
        for (SelfEvaluation e : data.selfEvaluations()) {
            n += size(e.fields()) + size(e.numbers()) + size(e.funds()) + CELLS_PER_LIST_ITEM
                    * (size(e.indicators()) + size(e.expenses()) + size(e.reviewers()) + size(e.tasks()));
        }
        return n;
    }

    private static long size(Object o) {
        return o instanceof java.util.Map<?, ?> m ? m.size() : o instanceof java.util.Collection<?> c ? c.size() : 0;
    }
}
