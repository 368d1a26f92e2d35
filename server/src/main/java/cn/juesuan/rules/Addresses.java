package cn.juesuan.rules;

import cn.juesuan.read.WorkbookMap.CellLoc;

/** A1 addresses of findings: bare on the finding's own sheet, 'Sheet'!A1 on any other. */
final class Addresses {
    private Addresses() {
    }

    static String format(String findingSheet, String cellSheet, String a1) {
        if (findingSheet != null && findingSheet.equals(cellSheet)) {
            return a1;
        }
        return "'" + cellSheet.replace("'", "''") + "'!" + a1;
    }

    static String format(String findingSheet, CellLoc loc) {
        return format(findingSheet, loc.sheet(), loc.a1());
    }
}
