package cn.juesuan.batch;

import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Severity;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome for one file of a batch.
 *
 * @param path     the file
 * @param relative its path below the batch folder, with "/" separators (how it is shown)
 * @param status   通过 / 有错误 / 无法读取 / 校验出错
 * @param profile  profile id the workbook was checked with, or null when unreadable
 * @param year     report year found in the workbook, or null
 * @param unit     reporting unit found in the workbook, or null
 * @param reason   why the file could not be checked (Chinese), or null
 * @param findings what the check found, in report order (empty when unreadable)
 * @param millis   time spent on the file
 */
public record FileResult(Path path, String relative, Status status, String profile, String profileName, Integer year,
                         String unit, String reason, List<Finding> findings, long millis) {

    public enum Status {
        PASSED("通过"),
        HAS_ERRORS("有错误"),
        UNREADABLE("无法读取"),
        FAILED("校验出错");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public FileResult {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    static FileResult checked(Path path, String relative, WorkbookCheck.Checked c, long millis) {
        boolean errors = c.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
        return new FileResult(path, relative, errors ? Status.HAS_ERRORS : Status.PASSED, c.profile(), c.profileName(),
                c.year(), c.unit(), null, c.findings(), millis);
    }

    static FileResult notChecked(Path path, String relative, Status status, String reason, long millis) {
        return new FileResult(path, relative, status, null, null, null, null, reason, List.of(), millis);
    }

    public int count(Severity s) {
        int n = 0;
        for (Finding f : findings) {
            if (f.severity() == s) {
                n++;
            }
        }
        return n;
    }
}
