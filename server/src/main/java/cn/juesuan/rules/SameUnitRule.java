package cn.juesuan.rules;

import cn.juesuan.text.Text;

/**
 * Kind {@code same-unit}: this year's workbook names the same unit (name, and code where both give one) as last
 * year's. A change is not wrong in itself (units are renamed) but must be explained. Runs only with last year's
 * workbook.
 * <pre>{"id":"Y-UNIT","kind":"same-unit","severity":"提示"}</pre>
 */
final class SameUnitRule extends CrossYearRule {
    static final String KIND = "same-unit";
    static final String DEFAULT_MESSAGE = "{what}与上年不同：本年为“{now}”，上年（{previousYear}）为“{last}”。"
            + "请核实两份工作簿是否属于同一单位；单位更名或代码变更须在说明中写明。";

    SameUnitRule(RuleSpec s) {
        super(s);
        s.allow();
    }

    @Override
    void check(Context ctx, PreviousYear p) {
        compare(ctx, p, "单位名称", ctx.data.unit().name(), p.data.unit().name());
        compare(ctx, p, "单位代码", ctx.data.unit().code(), p.data.unit().code());
    }

    private void compare(Context ctx, PreviousYear p, String what, String now, String last) {
        if (Text.isBlank(now) || Text.isBlank(last) || Text.key(now).equals(Text.key(last))) {
            return;
        }
        ctx.finding(this).var("what", what).var("now", now.strip()).var("last", last.strip())
                .var("previousYear", p.label()).add(messageOr(DEFAULT_MESSAGE));
    }
}
