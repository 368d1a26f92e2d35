package cn.juesuan.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How serious a finding is. 错误 must be fixed before publication; 提示 needs a written explanation (审核说明);
 * 信息 only informs (e.g. a rounding difference, 尾差).
 */
public enum Severity {
    ERROR("error", "错误"),
    WARNING("warning", "提示"),
    INFO("info", "信息");

    private final String code;
    private final String label;

    Severity(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Stable code used in JSON: "error" / "warning" / "info". */
    @JsonValue
    public String code() {
        return code;
    }

    /** Chinese label: 错误 / 提示 / 信息. */
    public String label() {
        return label;
    }

    /** The milder of two severities. */
    public Severity atMost(Severity other) {
        return ordinal() >= other.ordinal() ? this : other;
    }

    /** Accepts the code ("error"), the enum name ("ERROR") or the Chinese label ("错误"). */
    @JsonCreator
    public static Severity parse(String s) {
        if (s == null) {
            throw new IllegalArgumentException("severity missing");
        }
        String t = s.trim();
        for (Severity v : values()) {
            if (v.code.equals(t.toLowerCase(Locale.ROOT)) || v.label.equals(t)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown severity “" + s + "” (error/warning/info or 错误/提示/信息)");
    }
}
