package cn.juesuan.batch;

import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole batch: one result per file in path order, the time it took and the number of parallel jobs.
 */
public record BatchResult(Path root, List<FileResult> files, long millis, int jobs) {
    public BatchResult {
        files = List.copyOf(files);
    }

    public long count(FileResult.Status status) {
        return files.stream().filter(f -> f.status() == status).count();
    }

    public double filesPerSecond() {
        return millis == 0 ? files.size() : files.size() * 1000.0 / millis;
    }

    /** Findings of one rule (and severity) over the batch. */
    public record RuleCount(String ruleId, Severity severity, String tableTitle, int files, int findings, String example) {
    }

    /** Counts per rule and severity, the rules met in most files first. */
    public List<RuleCount> ruleCounts() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, Finding> first = new LinkedHashMap<>();
        for (FileResult f : files) {
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (Finding x : f.findings()) {
                String key = x.ruleId() + "\u0000" + x.severity().name();
                int[] c = counts.computeIfAbsent(key, k -> new int[2]);
                c[1]++;
                if (seen.put(key, Boolean.TRUE) == null) {
                    c[0]++;
                }
                first.putIfAbsent(key, x);
            }
        }
        List<RuleCount> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            Finding x = first.get(key);
            out.add(new RuleCount(x.ruleId(), x.severity(), x.tableTitle(), c[0], c[1], x.message()));
        });
        out.sort(Comparator.comparingInt((RuleCount r) -> r.severity().ordinal())
                .thenComparing(Comparator.comparingInt(RuleCount::files).reversed())
                .thenComparing(RuleCount::ruleId));
        return out;
    }

    /** One line for the terminal: how many files, how they came out, how fast. */
    public String headline() {
        return String.format("共 %d 个文件：通过 %d，有错误 %d，无法读取 %d%s；用时 %.1f 秒（%.1f 个/秒，%d 个并行）",
                files.size(), count(FileResult.Status.PASSED), count(FileResult.Status.HAS_ERRORS),
                count(FileResult.Status.UNREADABLE),
                count(FileResult.Status.FAILED) > 0 ? "，校验出错 " + count(FileResult.Status.FAILED) : "",
                millis / 1000.0, filesPerSecond(), jobs);
    }
}
