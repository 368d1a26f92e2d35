package cn.juesuan.rules;

import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;

import java.util.List;

/**
 * Kind {@code required}: the workbook must have every table of the profile and every fixed row of each; a table
 * without any amount (not one of those allowed to be empty) is reported as unfilled; a 科目 table whose 合计 has
 * amounts but no 科目 row is reported too. Severities per case; the reader's missing_table / missing_row notes are
 * folded into this rule when the rule set has it.
 * <pre>{"id":"S1","kind":"required","tables":"*","missingTable":"错误","missingRow":"错误",
 *  "unfilled":"提示","noDetail":"提示"}</pre>
 */
final class RequiredRule extends BaseRule {
    private final List<String> tables;
    private final Severity missingTable;
    private final Severity missingRow;
    private final Severity unfilled;
    private final Severity noDetail;

    RequiredRule(RuleSpec s) {
        super(s);
        s.allow("tables", "missingTable", "missingRow", "unfilled", "noDetail");
        List<String> t = s.listOrAll("tables");
        this.tables = t == null ? s.profile.tables().stream().map(TableLayout::key).toList() : t;
        tables.forEach(s::requireTable);
        this.missingTable = s.severity("missingTable", severity);
        this.missingRow = s.severity("missingRow", severity);
        this.unfilled = s.severity("unfilled", Severity.WARNING);
        this.noDetail = s.severity("noDetail", Severity.WARNING);
    }

    @Override
    public void check(Context ctx) {
        for (String t : tables) {
            TableView v = ctx.view(t);
            TableLayout l = v.layout;
            if (v.missing()) {
                ctx.finding(this).severity(missingTable).table(t)
                        .add("工作簿中找不到《{table}》（{number}）：请按表名补上此表。");
                continue;
            }
            for (RowDef r : v.fixedRows()) {
                if (!v.loc.fixed().containsKey(r.key())) {
                    ctx.finding(this).severity(missingRow).table(t).rowLabel(r.label())
                            .at(new cn.juesuan.read.WorkbookMap.CellLoc(v.loc.sheet(), v.loc.titleRow(), 0))
                            .var("label", r.label() == null ? r.key() : r.label())
                            .add("《{table}》中找不到“{label}”行：请按表样补上（不能删行或改项目名称）。");
                }
            }
            if (!v.filled && !v.mayBeEmpty()) {
                ctx.finding(this).severity(unfilled).table(t)
                        .add("《{table}》没有填写任何金额：请填报；本年确无此类收支的，在相应单元格填 0。");
                continue;
            }
            if (v.hasArea() && v.rows().isEmpty() && v.hasAmounts()) {
                ctx.finding(this).severity(noDetail).table(t)
                        .add("《{table}》只有合计，没有列出科目（类、款、项）明细：无法核对明细与合计、与其他表的对应关系。");
            }
        }
    }

    static boolean handles(String readNoteCode) {
        return "missing_table".equals(readNoteCode) || "missing_row".equals(readNoteCode);
    }
}
