package cn.juesuan.codes;

import java.util.List;

/**
 * Result of comparing a printed name with the catalogue.
 *
 * @param status        outcome
 * @param lookup        the lookup it is based on
 * @param printedName   name as printed in the workbook
 * @param expectedNames catalogue name(s) for the code (empty when the code is unknown or invalid)
 * @param nameMatches   printed name equals one of expectedNames under {@link NameRules}
 */
public record NameCheck(Status status, Lookup lookup, String printedName, List<String> expectedNames,
                        boolean nameMatches) {

    public enum Status {
        /** verified list has the code with this name */
        MATCH,
        /** verified list has the code with another name (see expectedNames) */
        MISMATCH,
        /** the code is known for the year only from an unverified list; nameMatches says whether the name agrees */
        UNVERIFIED_ONLY,
        /** no list has the code for the year */
        UNKNOWN_CODE,
        /** not digits or wrong length for the scheme */
        INVALID_CODE
    }

    public NameCheck {
        expectedNames = List.copyOf(expectedNames);
    }

    /** Worth reporting at all: everything except MATCH and an unverified code whose name agrees. */
    public boolean isProblem() {
        return !(status == Status.MATCH || (status == Status.UNVERIFIED_ONLY && nameMatches));
    }

    /**
     * Whether the finding is certain enough to be an 错误 (otherwise report it as 提示): a wrong length, a name
     * differing from the year's own verified list, or an unknown code in a year whose list is complete. Findings
     * based on unverified lists or on another year's list never are.
     */
    public boolean canBeError() {
        return switch (status) {
            case INVALID_CODE -> true;
            case MISMATCH -> lookup.basis() == Lookup.Basis.VERIFIED_YEAR;
            case UNKNOWN_CODE -> lookup.listComplete();
            case MATCH, UNVERIFIED_ONLY -> false;
        };
    }

    /** Chinese message for the user. */
    public String message() {
        String c = "科目" + lookup.code();
        String expected = String.join("”或“", expectedNames);
        return switch (status) {
            case MATCH -> c + "“" + printedName + "”与目录一致（依据：" + lookup.describe() + "）";
            case MISMATCH -> c + "的名称应为“" + expected + "”，表中为“" + printedName + "”（依据："
                    + lookup.describe() + "）";
            case UNVERIFIED_ONLY -> nameMatches
                    ? c + "“" + printedName + "”" + lookup.describe() + "，请核对"
                    : c + "的名称在未核实目录（" + lookup.entries().get(0).yearsText() + "）中为“" + expected
                    + "”，表中为“" + printedName + "”，请核对";
            case UNKNOWN_CODE -> lookup.year() + "年" + lookup.scheme().label() + "目录中没有" + c
                    + (lookup.nearestYear() == null ? "" : "（" + lookup.nearestYear() + "年"
                    + (lookup.nearestYearVerified() ? "已核实" : "未核实") + "目录中有，名称为“"
                    + String.join("”或“", lookup.names()) + "”）")
                    + (lookup.listComplete() ? "" : "；本年目录不完整，请核对");
            case INVALID_CODE -> "科目编码“" + lookup.code() + "”位数不对：" + lookup.scheme().label()
                    + lookup.scheme().lengths();
        };
    }
}
