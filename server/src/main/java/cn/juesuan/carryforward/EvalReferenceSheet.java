package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.carryforward.SelfEvalCarry.Column;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SelfEvaluation.Indicator;
import cn.juesuan.template.Styles;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.List;

/** The 上年自评完成值 sheet: last year's indicators with what was achieved and scored, for reference while filling. */
final class EvalReferenceSheet {
    private EvalReferenceSheet() {
    }

    static void write(Workbook wb, Styles styles, ProfileRegistry registry, Carried carried) {
        SelfEvalCarry spec = carried.selfEval();
        if (spec == null || carried.previous().selfEvaluations().stream().allMatch(e -> e.indicators().isEmpty())) {
            return;
        }
        SelfEvalCarry.ReferenceSheet ref = spec.referenceSheet();
        int lastYear = carried.data().year() - 1;
        List<String> headers = new ArrayList<>(List.of("自评表", "项目"));
        List<Integer> widths = new ArrayList<>(List.of(24, 24));
        ref.columns().forEach(c -> {
            headers.add(c.header());
            widths.add(c.field().startsWith("level") ? 14 : 20);
        });
        ExtraSheet s = ExtraSheet.create(wb, styles, ref.sheetName(), ref.title() + "（" + lastYear + "年度）",
                carried.data(), headers, widths);
        int r = ExtraSheet.FIRST_ROW;
        for (SelfEvaluation e : carried.previous().selfEvaluations()) {
            // the sheet prefix, not the title: a cell ending with a kind's title would read as another sheet
            String kind = registry.evalSheets().stream().filter(l -> l.key().equals(e.kind())).findFirst()
                    .map(EvalSheetLayout::sheetPrefix).orElse(e.kind());
            String project = e.field("project") != null ? e.field("project") : e.field("department");
            for (Indicator i : e.indicators()) {
                s.text(r, 0, kind, s.wrapped);
                s.text(r, 1, project, s.wrapped);
                int c = 2;
                for (Column col : ref.columns()) {
                    s.text(r, c++, SelfEvalCarry.text(i, col.field()), s.wrapped);
                }
                s.fitHeight(r);
                r++;
            }
        }
        s.note(r, headers.size() - 1, "注：本表列出上年（" + lastYear + "年度）绩效自评中各指标的完成值与得分，供填写本年自评时参考；"
                + "本年的自评沿用了项目和指标（指标值、权重），完成值、得分和完成情况已清空。");
    }
}
