package cn.juesuan.template;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.ReportYears;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks fill data against the profile's layouts, naming each wrong field in Chinese. */
final class DataCheck {
    private DataCheck() {
    }

    static void check(ReportData data, Profile profile) {
        List<String> errors = new ArrayList<>();
        if (!ReportYears.valid(data.year())) {
            errors.add("year：缺少决算年度或年度不在 " + ReportYears.range() + " 之间");
        }
        if (data.moneyUnit() != null && !data.moneyUnit().equals("万元") && !data.moneyUnit().equals("元")) {
            errors.add("moneyUnit：金额单位只能是“万元”或“元”，收到“" + data.moneyUnit() + "”");
        }
        data.tables().forEach((key, table) -> {
            Optional<TableLayout> layout = profile.table(key);
            if (layout.isEmpty()) {
                errors.add("tables." + key + "：表样 " + profile.id() + " 中没有这张表（可用：" + String.join("、",
                        profile.tables().stream().map(TableLayout::key).toList()) + "）");
                return;
            }
            checkTable("tables." + key, layout.get(), table, errors);
        });
        throwIfAny(errors);
    }

    /** One 400 naming the first 20 wrong fields. */
    static void throwIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw new JuesuanException("invalid_data", 400, "数据有误：" + String.join("；", errors.subList(0,
                    Math.min(20, errors.size()))) + (errors.size() > 20 ? "；等共 " + errors.size() + " 处" : ""));
        }
    }

    private static void checkTable(String path, TableLayout t, TableData data, List<String> errors) {
        data.values().forEach((rowKey, cols) -> {
            Optional<BlockDef> block = t.blockOfRow(rowKey);
            RowDef row = t.row(rowKey).orElse(null);
            if (block.isEmpty() || row == null || row.isArea()) {
                errors.add(path + ".values." + rowKey + "：《" + t.title() + "》没有这一行");
                return;
            }
            cols.keySet().forEach(col -> {
                if (block.get().column(col).filter(ColumnDef::isAmount).isEmpty()) {
                    errors.add(path + ".values." + rowKey + "." + col + "：该行没有这个金额列（可用："
                            + String.join("、", block.get().amountColumns().stream().map(ColumnDef::key).toList()) + "）");
                }
            });
        });
        if (data.rows().isEmpty()) {
            return;
        }
        Optional<BlockDef> areaBlock = t.areaBlock();
        if (areaBlock.isEmpty()) {
            errors.add(path + ".rows：《" + t.title() + "》没有科目明细行区域");
            return;
        }
        boolean functional = areaBlock.get().area().orElseThrow().area().isFunctional();
        for (int i = 0; i < data.rows().size(); i++) {
            SubjectRow r = data.rows().get(i);
            String p = path + ".rows[" + i + "]";
            if (r.code() == null || !r.code().matches("\\d+")) {
                errors.add(p + ".code：科目编码必须是数字，收到“" + r.code() + "”");
            } else if (functional ? !List.of(3, 5, 7).contains(r.code().length()) : !List.of(3, 5).contains(r.code().length())) {
                errors.add(p + ".code：科目编码“" + r.code() + "”位数不对（" + (functional ? "3/5/7" : "3/5") + " 位）");
            }
            for (String col : r.amounts().keySet()) {
                if (areaBlock.get().column(col).filter(ColumnDef::isAmount).isEmpty()) {
                    errors.add(p + ".amounts." + col + "：没有这个金额列（可用：" + String.join("、",
                            areaBlock.get().amountColumns().stream().map(ColumnDef::key).toList()) + "）");
                }
            }
        }
    }
}
