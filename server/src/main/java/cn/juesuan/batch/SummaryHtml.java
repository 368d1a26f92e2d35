package cn.juesuan.batch;

import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * The batch summary as one self-contained HTML page (no scripts from elsewhere, no external styles) that a bureau
 * can open in any browser: the counts, a row per file linked to the file and to its findings, counts per rule, and
 * the findings of each file.
 */
public final class SummaryHtml {
    private SummaryHtml() {
    }

    /** @param output where the page will be saved: file links are relative to its folder */
    public static String render(BatchResult batch, Path output) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>批量校验汇总</title><style>")
                .append("body{font-family:system-ui,'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;margin:1.5em;color:#222}")
                .append("table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}")
                .append("th{background:#eee;position:sticky;top:0}td.n{text-align:right}")
                .append(".ok{color:#1a7f37}.bad{color:#c62828;font-weight:bold}.warn{color:#b26a00}")
                .append("h2{margin-top:1.5em}.muted{color:#666}</style></head><body>\n");
        h.append("<h1>批量校验汇总</h1>\n<p>文件夹：").append(esc(batch.root().toString())).append("</p>\n<p><b>")
                .append(esc(batch.headline())).append("</b></p>\n");
        files(h, batch, output);
        rules(h, batch);
        details(h, batch);
        h.append("</body></html>\n");
        return h.toString();
    }

    private static void files(StringBuilder h, BatchResult batch, Path output) {
        h.append("<h2>文件</h2>\n<table><thead><tr><th>序号</th><th>文件</th><th>单位</th><th>年度</th><th>表样</th>")
                .append("<th>错误</th><th>提示</th><th>信息</th><th>状态</th><th>说明</th></tr></thead><tbody>\n");
        List<FileResult> files = batch.files();
        for (int i = 0; i < files.size(); i++) {
            FileResult f = files.get(i);
            boolean checked = f.status() == FileResult.Status.PASSED || f.status() == FileResult.Status.HAS_ERRORS;
            h.append("<tr><td class=\"n\">").append(i + 1).append("</td><td><a href=\"")
                    .append(esc(Links.relative(output, f.path()))).append("\">").append(esc(f.relative())).append("</a></td><td>")
                    .append(esc(f.unit())).append("</td><td>").append(f.year() == null ? "" : f.year()).append("</td><td>")
                    .append(esc(f.profileName() != null ? f.profileName() : f.profile())).append("</td>");
            for (Severity s : Severity.values()) {
                h.append("<td class=\"n\">").append(checked ? String.valueOf(f.count(s)) : "").append("</td>");
            }
            h.append("<td class=\"").append(f.status() == FileResult.Status.PASSED ? "ok" : "bad").append("\">");
            if (f.findings().isEmpty()) {
                h.append(esc(f.status().label()));
            } else {
                h.append("<a href=\"#f").append(i + 1).append("\">").append(esc(f.status().label())).append("</a>");
            }
            h.append("</td><td>").append(esc(f.reason())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void rules(StringBuilder h, BatchResult batch) {
        List<BatchResult.RuleCount> counts = batch.ruleCounts();
        h.append("<h2>按规则统计</h2>\n");
        if (counts.isEmpty()) {
            h.append("<p class=\"muted\">没有发现问题。</p>\n");
            return;
        }
        h.append("<table><thead><tr><th>规则</th><th>严重程度</th><th>表</th><th>涉及文件数</th><th>问题数</th><th>示例</th></tr></thead><tbody>\n");
        for (BatchResult.RuleCount c : counts) {
            h.append("<tr><td>").append(esc(c.ruleId())).append("</td><td class=\"").append(css(c.severity())).append("\">")
                    .append(esc(c.severity().label())).append("</td><td>").append(esc(c.tableTitle()))
                    .append("</td><td class=\"n\">").append(c.files()).append("</td><td class=\"n\">").append(c.findings())
                    .append("</td><td>").append(esc(c.example())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void details(StringBuilder h, BatchResult batch) {
        h.append("<h2>问题明细</h2>\n");
        List<FileResult> files = batch.files();
        boolean any = false;
        for (int i = 0; i < files.size(); i++) {
            FileResult f = files.get(i);
            if (f.findings().isEmpty()) {
                continue;
            }
            any = true;
            h.append("<h3 id=\"f").append(i + 1).append("\">").append(i + 1).append(". ").append(esc(f.relative()));
            if (f.unit() != null) {
                h.append("（").append(esc(f.unit())).append("）");
            }
            h.append("</h3>\n<table><thead><tr><th>严重程度</th><th>规则</th><th>表</th><th>单元格</th><th>说明</th></tr></thead><tbody>\n");
            for (Finding x : f.findings()) {
                h.append("<tr><td class=\"").append(css(x.severity())).append("\">").append(esc(x.severity().label()))
                        .append("</td><td>").append(esc(x.ruleId())).append("</td><td>").append(esc(x.tableTitle()))
                        .append("</td><td>").append(esc(x.sheet() == null ? "" : x.sheet() + " "))
                        .append(esc(String.join(" ", x.cells()))).append("</td><td>").append(esc(x.message()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        if (!any) {
            h.append("<p class=\"muted\">没有发现问题。</p>\n");
        }
    }

    private static String css(Severity s) {
        return switch (s) {
            case ERROR -> "bad";
            case WARNING -> "warn";
            case INFO -> "muted";
        };
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
