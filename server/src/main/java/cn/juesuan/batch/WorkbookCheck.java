package cn.juesuan.batch;

import cn.juesuan.rules.Finding;

import java.util.List;

/** Checks one workbook; throws JuesuanException (4xx) when the bytes are not a readable 决算 workbook. */
@FunctionalInterface
public interface WorkbookCheck {
    Checked check(byte[] xlsx);

    /** What the check found in a readable workbook. */
    record Checked(String profile, String profileName, Integer year, String unit, List<Finding> findings) {
        public Checked {
            findings = List.copyOf(findings);
        }
    }
}
