package cn.juesuan.rules;

/**
 * One rule of a rule set. Rule kinds are small classes behind this interface, named in the rule files by their
 * {@link #kind()} (see {@link RuleKinds}); the sums of the layout descriptors become rules without any file.
 */
interface Rule {
    /** Stable id ("R1.5", "X7", "SUM-ROW/income/total"). */
    String id();

    /** Kind name as written in rule files ("equal", "hierarchy", …). */
    String kind();

    /** Severity of a failure beyond the rounding tolerance. */
    Severity severity();

    /** One Chinese sentence saying what the rule checks. */
    String description();

    /** Whether the rule applies to a report year (null = year unknown: applies). */
    boolean appliesTo(Integer year);

    /** Checks the workbook, adding findings to the context. */
    void check(Context ctx);
}
