package cn.juesuan.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A readable Chinese text of a validation report: grouped by severity, then by table, in sheet order. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(ValidationReport r) {
        StringBuilder b = new StringBuilder();
        b.append("决算附表校验结果\n");
        b.append("单位：").append(orDash(r.unit()))
                .append("　年度：").append(r.year() == null ? "—" : r.year().toString())
                .append("　表样：").append(r.profile()).append(r.profileName() == null ? "" : "（" + r.profileName() + "）")
                .append("　金额单位：").append(orDash(r.moneyUnit())).append('\n');
        ValidationReport.Counts c = r.counts();
        b.append("错误 ").append(c.error()).append(" 处，提示 ").append(c.warning()).append(" 处，信息 ")
                .append(c.info()).append(" 处（共核对 ").append(r.rules()).append(" 条规则）。\n");
        b.append(c.error() == 0 ? "结论：未发现错误。" : "结论：有 " + c.error() + " 处错误，须改正后再公开。");
        if (c.warning() > 0) {
            b.append("提示须逐条核实，确属正常的请写明原因。");
        }
        b.append('\n');
        for (Severity s : Severity.values()) {
            List<Finding> list = r.findings(s);
            if (list.isEmpty()) {
                continue;
            }
            b.append("\n【").append(s.label()).append("】").append(list.size()).append(" 处")
                    .append(switch (s) {
                        case ERROR -> "，公开前必须改正";
                        case WARNING -> "，须核实并书面说明";
                        case INFO -> "，供参考";
                    }).append('\n');
            Map<String, List<Finding>> byTable = new LinkedHashMap<>();
            for (Finding f : list) {
                String head = f.table() == null ? "整个工作簿"
                        : "《" + f.tableTitle() + "》" + (f.sheet() == null ? "（工作簿中没有此表）" : "（工作表“" + f.sheet() + "”）");
                byTable.computeIfAbsent(head, k -> new java.util.ArrayList<>()).add(f);
            }
            int n = 1;
            for (Map.Entry<String, List<Finding>> e : byTable.entrySet()) {
                b.append(e.getKey()).append('\n');
                for (Finding f : e.getValue()) {
                    b.append("  ").append(n++).append(". [").append(f.ruleId()).append("] ");
                    if (f.firstCell() != null) {
                        b.append(f.firstCell()).append("：");
                    }
                    b.append(f.message()).append('\n');
                    String numbers = numbers(f);
                    if (!numbers.isEmpty() || f.cells().size() > 1) {
                        b.append("     ").append(numbers);
                        if (f.cells().size() > 1) {
                            b.append(numbers.isEmpty() ? "" : "；").append("涉及单元格 ")
                                    .append(String.join("、", f.cells().size() > 12
                                            ? f.cells().subList(0, 12) : f.cells()))
                                    .append(f.cells().size() > 12 ? " 等 " + f.cells().size() + " 个" : "");
                        }
                        b.append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    private static String numbers(Finding f) {
        if (f.reported() == null && f.computed() == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (f.reported() != null) {
            b.append("填报 ").append(plain(f.reported()));
        }
        if (f.computed() != null) {
            b.append(b.length() > 0 ? "，" : "").append("计算 ").append(plain(f.computed()));
        }
        if (f.difference() != null) {
            b.append("，差 ").append(plain(f.difference()));
        }
        return b.toString();
    }

    static String plain(BigDecimal v) {
        return v == null ? "—" : v.toPlainString();
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
