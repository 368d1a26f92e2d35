package cn.juesuan.rules;

/** Common fields of rules: id, kind, severity, description, message template, tolerance and year range. */
abstract class BaseRule implements Rule {
    final String id;
    final String kind;
    final Severity severity;
    final String description;
    /** Message template, or null for the kind's default. */
    final String message;
    final Tolerance tolerance;
    final Integer fromYear;
    final Integer toYear;

    BaseRule(String id, String kind, Severity severity, String description, String message, Tolerance tolerance,
             Integer fromYear, Integer toYear) {
        this.id = id;
        this.kind = kind;
        this.severity = severity;
        this.description = description;
        this.message = message;
        this.tolerance = tolerance == null ? Tolerance.DEFAULT : tolerance;
        this.fromYear = fromYear;
        this.toYear = toYear;
    }

    /** From a rule file entry: id, severity (default 错误), description, message, tolerance, fromYear, toYear. */
    BaseRule(RuleSpec s) {
        this(s.text("id"), s.kind(), s.severity("severity", Severity.ERROR), s.text("description", ""),
                s.text("message", null), tolerance(s), s.integer("fromYear"), s.integer("toYear"));
    }

    private static Tolerance tolerance(RuleSpec s) {
        try {
            return Tolerance.parse(s.node.get("tolerance"));
        } catch (IllegalArgumentException e) {
            throw s.error(e.getMessage());
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean appliesTo(Integer year) {
        return year == null || (fromYear == null || year >= fromYear) && (toYear == null || year <= toYear);
    }

    String messageOr(String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }

    @Override
    public String toString() {
        return id + " (" + kind + ")";
    }
}
