package cn.juesuan.carryforward;

import cn.juesuan.core.JuesuanException;

/** What a carry-forward answers with: the new workbook, or the cell writes for the add-in. */
public enum Answer {
    XLSX("xlsx"),
    WRITES("writes");

    private final String code;

    Answer(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @param name how the parameter is spelled to the user ("format", "--format") */
    public static Answer parse(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return XLSX;
        }
        for (Answer a : values()) {
            if (a.code.equals(raw.strip())) {
                return a;
            }
        }
        throw JuesuanException.badRequest("invalid_parameter", "参数 " + name + " 只能是 xlsx（新工作簿）或 writes（单元格写入列表），收到的是“" + raw + "”。");
    }
}
