package cn.juesuan.rules;

import cn.juesuan.codes.NameCheck;
import cn.juesuan.codes.Scheme;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.SubjectRow;

import java.util.List;

/**
 * Kind {@code code-catalogue}: each 科目 row's code must exist for the report year and its printed name must match
 * the catalogue (templates/codes; full-width and ASCII brackets and spaces count as equal). A finding is of the
 * rule's severity only when the catalogue is certain ({@link NameCheck#canBeError()}); otherwise — a code known
 * only from an unverified list, another year's list, an incomplete list — it is 提示. Codes of the wrong length
 * are left to the reader's bad_code_length note.
 * <pre>{"id":"C1","kind":"code-catalogue","tables":"*"}</pre>
 */
final class CodeCatalogueRule extends BaseRule {
    private final List<String> tables;

    CodeCatalogueRule(RuleSpec s) {
        super(s);
        s.allow("tables");
        List<String> t = s.listOrAll("tables");
        if (t == null) {
            t = s.profile.tables().stream().filter(x -> x.areaBlock().isPresent()).map(TableLayout::key).toList();
        }
        t.forEach(s::requireTable);
        this.tables = t;
    }

    @Override
    public void check(Context ctx) {
        if (ctx.codes == null || ctx.year() == null) {
            return;
        }
        for (String t : tables) {
            TableView v = ctx.view(t);
            if (v.missing() || !v.filled || !v.hasArea()) {
                continue;
            }
            Scheme scheme = v.areaBlock().area().orElseThrow().area().isFunctional() ? Scheme.FUNCTION
                    : Scheme.ECONOMIC_DEPARTMENT;
            List<SubjectRow> rows = v.rows();
            for (int i = 0; i < rows.size(); i++) {
                SubjectRow r = rows.get(i);
                if (r.code() == null || scheme.levelOf(r.code()) == null) {
                    continue;
                }
                CellRef anchor = v.area(i, v.areaBlock().amountColumns().get(0).key());
                if (r.name() == null || r.name().isBlank()) {
                    ctx.finding(this).severity(Severity.WARNING).table(t).rowLabel(v.rowLabel(anchor)).at(v.codeCell(i)).columnLabel("科目名称")
                            .add("科目 " + r.code() + " 没有填写科目名称。");
                    continue;
                }
                NameCheck check = ctx.codes.checkName(scheme, ctx.year(), r.code(), r.name());
                if (!check.isProblem()) {
                    continue;
                }
                Severity sev = check.canBeError() ? severity : severity.atMost(Severity.WARNING);
                ctx.finding(this).severity(sev).table(t).rowLabel(v.rowLabel(anchor)).at(v.codeCell(i)).columnLabel("科目编码/科目名称")
                        .var("detail", check.message()).add(messageOr("{detail}。"));
            }
        }
    }
}
