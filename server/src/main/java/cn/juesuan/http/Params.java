package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.ReportYears;

/** Checks of user-given parameters shared by HTTP and CLI (same rules, same Chinese messages). */
public final class Params {
    public static final int MIN_YEAR = ReportYears.MIN;
    public static final int MAX_YEAR = ReportYears.MAX;

    private Params() {
    }

    /** The report year; name is how the parameter is spelled to the user ("year", "--year"). */
    public static int year(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            throw JuesuanException.badRequest("missing_parameter", "缺少参数 " + name + "（决算年度，如 2024）。");
        }
        int year;
        try {
            year = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 " + name + " 应为四位年份，收到的是“" + raw + "”。");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw JuesuanException.badRequest("invalid_parameter",
                    "参数 " + name + " 超出范围：应在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间，收到的是 " + year + "。");
        }
        return year;
    }

    /** A required text parameter, stripped. */
    public static String required(String raw, String name, String meaning) {
        if (raw == null || raw.isBlank()) {
            throw JuesuanException.badRequest("missing_parameter", "缺少参数 " + name + "（" + meaning + "）。");
        }
        return raw.strip();
    }

    /** An optional text parameter: null when absent or blank. */
    public static String optional(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** A comma-separated list ("a,b"; full-width commas and 、 too), empty when absent or blank. */
    public static java.util.List<String> list(String raw) {
        if (raw == null || raw.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(raw.split("[,，、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
