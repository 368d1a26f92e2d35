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

    /** {sheet, A1} of an address as written in a finding. */
    static String[] parse(String findingSheet, String address) {
        int bang = address.lastIndexOf('!');
        if (bang < 0) {
            return new String[]{findingSheet, address};
        }
        String sheet = address.substring(0, bang);
        if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length() >= 2) {
            sheet = sheet.substring(1, sheet.length() - 1).replace("''", "'");
        }
        return new String[]{sheet, address.substring(bang + 1)};
    }

    static String format(String findingSheet, CellLoc loc) {
        return format(findingSheet, loc.sheet(), loc.a1());
    }
}
