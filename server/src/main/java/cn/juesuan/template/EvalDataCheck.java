package cn.juesuan.template;

import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.EvalSheetLayout.Cell;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.SelfEvaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Checks the self-evaluation part of fill data against the sheet kinds' descriptors, naming each wrong field. */
final class EvalDataCheck {
    private EvalDataCheck() {
    }

    static void check(ReportData data, ProfileRegistry registry) {
        List<String> errors = new ArrayList<>();
        List<EvalSheetLayout> layouts = registry.evalSheets();
        for (int i = 0; i < data.selfEvaluations().size(); i++) {
            SelfEvaluation e = data.selfEvaluations().get(i);
            String path = "selfEvaluations[" + i + "]";
            EvalSheetLayout layout = layouts.stream().filter(l -> l.key().equals(e.kind())).findFirst().orElse(null);
            if (layout == null) {
                errors.add(path + ".kind：未知的绩效自评表种类“" + e.kind() + "”（可用："
                        + String.join("、", layouts.stream().map(EvalSheetLayout::key).toList()) + "）");
                continue;
            }
            Set<String> fields = keys(layout, Cell::field);
            Set<String> numbers = keys(layout, Cell::number);
            Set<String> funds = keys(layout, Cell::money);
            e.fields().keySet().stream().filter(k -> !fields.contains(k)).forEach(k ->
                    errors.add(path + ".fields." + k + "：《" + layout.title() + "》没有这一项（可用：" + String.join("、", fields) + "）"));
            e.numbers().keySet().stream().filter(k -> !numbers.contains(k)).forEach(k ->
                    errors.add(path + ".numbers." + k + "：《" + layout.title() + "》没有这一项（可用：" + String.join("、", numbers) + "）"));
            e.funds().forEach((row, cols) -> cols.keySet().stream().filter(c -> !funds.contains(row + "." + c)).forEach(c ->
                    errors.add(path + ".funds." + row + "." + c + "：《" + layout.title() + "》的资金栏没有这一格（可用："
                            + String.join("、", funds) + "）")));
            for (String key : EvalSheetLayout.LISTS) {
                list(errors, path, layout, key, EvalSheets.items(e, key));
            }
        }
        DataCheck.throwIfAny(errors);
    }

    private static Set<String> keys(EvalSheetLayout layout, java.util.function.Function<Cell, String> key) {
        Set<String> out = new LinkedHashSet<>();
        layout.valueCells().stream().map(key).filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    /** The sheet has the list, and a column for every value the items give. */
    private static void list(List<String> errors, String path, EvalSheetLayout layout, String key,
                             List<java.util.Map<String, Object>> items) {
        if (items.isEmpty()) {
            return;
        }
        var def = layout.list(key);
        if (def.isEmpty()) {
            errors.add(path + "." + key + "：《" + layout.title() + "》没有这一栏");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            for (String field : items.get(i).keySet()) {
                if (def.get().column(field).isEmpty()) {
                    errors.add(path + "." + key + "[" + i + "]." + field + "：《" + layout.title() + "》的这一栏没有这一列（可用："
                            + String.join("、", def.get().columns().stream().map(EvalSheetLayout.ListColumn::field).toList()) + "）");
                }
            }
        }
    }
}
