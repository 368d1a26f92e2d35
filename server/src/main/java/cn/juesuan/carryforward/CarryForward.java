package cn.juesuan.carryforward;

import cn.juesuan.carryforward.CarryForwardSpec.AreaOpening;
import cn.juesuan.carryforward.CarryForwardSpec.CellKey;
import cn.juesuan.carryforward.CarryForwardSpec.Figure;
import cn.juesuan.carryforward.CarryForwardSpec.Opening;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.ReportYears;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a year from last year's data: 年初 = last year's 年末, 科目 rows kept with amounts cleared, unit carried,
 * last year's key figures kept for the comparisons, self-evaluation sheets kept with their projects and indicators.
 * What carries is data (carry-forward.json of the target profile, selfeval/carry-forward.json).
 */
public final class CarryForward {
    private final ProfileRegistry registry;

    public CarryForward(ProfileRegistry registry) {
        this.registry = registry;
    }

    /** A key figure of last year with where it came from ("表1 收入支出决算总表：总计"). */
    public record FigureValue(Figure figure, BigDecimal value, String source) {
    }

    /**
     * One line of the 年初结转和结余调整 sheet: an opening balance that can differ from last year's closing one.
     *
     * @param key  opening key ("all", "gpb") or "gfb:2120801" for a 科目 of an area opening
     * @param code 科目编码 of an area line, else null
     */
    public record AdjustmentLine(String key, String label, String code, String name, BigDecimal previousClosing,
                                 CellKey to, String areaTable, String areaColumn) {
        public boolean isArea() {
            return code != null;
        }
    }

    /**
     * The carried year.
     *
     * @param data     this year's data: unit, 年初 amounts and 科目 rows
     * @param selfEval how the self-evaluation sheets carried, or null when last year had none
     * @param previous last year's data as given
     * @param notes    what could not be carried, in Chinese
     */
    public record Carried(ReportData data, Profile profile, CarryForwardSpec spec, SelfEvalCarry selfEval,
                          ReportData previous, List<FigureValue> figures, List<AdjustmentLine> lines, List<String> notes) {
        public Carried {
            figures = List.copyOf(figures);
            lines = List.copyOf(lines);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param previous   last year's data (read from its workbook, or given as JSON)
     * @param year       the year to prepare, following last year's; null for last year's + 1
     * @param profileId  profile of the new workbook, or null for the target year's profile
     */
    public Carried carry(ReportData previous, Integer year, String profileId) {
        if (year == null && previous.year() == null) {
            throw JuesuanException.badRequest("missing_parameter", "上年工作簿中没有写明年度，请给出要填充的决算年度。");
        }
        int targetYear = year != null ? year : previous.year() + 1;
        if (!ReportYears.valid(targetYear)) {
            throw JuesuanException.badRequest("bad_year", "决算年度应在 " + ReportYears.range() + " 之间，收到 " + targetYear + "。");
        }
        List<String> notes = new ArrayList<>();
        if (previous.year() == null) {
            notes.add("上年工作簿中没有写明年度，已按 " + (targetYear - 1) + " 年度处理。");
        } else if (previous.year() != targetYear - 1) {
            throw JuesuanException.badRequest("bad_target_year", "上年工作簿是 " + previous.year() + " 年度的，只能用来填充 "
                    + (previous.year() + 1) + " 年度，收到的目标年度是 " + targetYear + "。");
        }
        Profile target = profileId == null ? registry.forYear(targetYear) : registry.get(profileId);
        Profile source = sourceProfile(previous, targetYear);
        CarryForwardSpec spec = CarryForwardSpec.of(registry, target.id());
        LayoutValues last = new LayoutValues(source, previous);
        if (!source.id().equals(target.id())) {
            List<String> dropped = source.tables().stream().filter(t -> target.table(t.key()).isEmpty())
                    .map(TableLayout::title).toList();
            notes.add("上年使用表样 " + source.id() + "，本年使用 " + target.id() + "，各表按表键对应"
                    + (dropped.isEmpty() ? "。" : "；上年的《" + String.join("》《", dropped) + "》本年不再单列。"));
        }

        Map<String, Map<String, Map<String, BigDecimal>>> values = new LinkedHashMap<>();
        List<AdjustmentLine> lines = new ArrayList<>();
        for (Opening o : spec.openings()) {
            BigDecimal closing = carried(last, o.from(), target, notes);
            if (closing != null) {
                values.computeIfAbsent(o.to().table(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(o.to().row(), k -> new LinkedHashMap<>()).put(o.to().column(), closing);
            }
            lines.add(new AdjustmentLine(o.key(), o.label(), null, null, closing, o.to(), null, null));
        }
        Map<String, List<SubjectRow>> rows = new LinkedHashMap<>();
        for (String table : spec.keepRows()) {
            List<SubjectRow> kept = new ArrayList<>();
            List<SubjectRow> lastRows = last.rows(table);
            for (int i = 0; i < lastRows.size(); i++) {
                SubjectRow r = lastRows.get(i);
                Map<String, BigDecimal> amounts = new LinkedHashMap<>();
                for (AreaOpening a : areaOpenings(spec, table)) {
                    BigDecimal closing = r.amounts().get(a.fromColumn());
                    if (closing != null) {
                        amounts.put(a.column(), closing);
                    }
                    if (isLeaf(lastRows, i)) {
                        lines.add(new AdjustmentLine(a.key() + ":" + r.code(), a.label(), r.code(), r.name(), closing,
                                null, table, a.column()));
                    }
                }
                kept.add(new SubjectRow(r.code(), r.name(), amounts));
            }
            rows.put(table, kept);
        }
        Map<String, TableData> tables = new LinkedHashMap<>();
        for (TableLayout t : target.tables()) {
            TableData td = new TableData(values.get(t.key()), rows.get(t.key()), null);
            if (!td.isEmpty()) {
                tables.put(t.key(), td);
            }
        }
        List<FigureValue> figures = new ArrayList<>();
        for (Figure f : spec.previousYear().figures()) {
            figures.add(new FigureValue(f, last.hasTable(f.source().table()) ? last.get(f.source()) : null,
                    describe(target, f.source())));
        }
        SelfEvalCarry selfEval = previous.selfEvaluations().isEmpty() ? null : SelfEvalCarry.of(registry);
        List<SelfEvaluation> evaluations = selfEval == null ? List.of()
                : previous.selfEvaluations().stream().map(selfEval::carry).toList();
        if (selfEval == null && !previous.selfEvaluations().isEmpty()) {
            notes.add("模板目录中没有 " + SelfEvalCarry.FILE + "，绩效自评表未沿用。");
        }
        ReportData data = new ReportData(target.id(), targetYear, previous.unit(),
                previous.moneyUnitOr(target.moneyUnit()), tables, evaluations);
        return new Carried(data, target, spec, selfEval, previous, figures, lines, notes);
    }

    private Profile sourceProfile(ReportData previous, int targetYear) {
        if (previous.profile() != null && registry.exists(previous.profile())) {
            return registry.get(previous.profile());
        }
        return registry.forYear(previous.year() == null ? targetYear - 1 : previous.year());
    }

    private static BigDecimal carried(LayoutValues last, CellKey from, Profile target, List<String> notes) {
        if (!last.hasTable(from.table())) {
            notes.add("上年工作簿的表样中没有《" + target.table(from.table()).map(TableLayout::title).orElse(from.table())
                    + "》，相应的年初数未填。");
            return null;
        }
        return last.get(from);
    }

    static List<AreaOpening> areaOpenings(CarryForwardSpec spec, String table) {
        return spec.areaOpenings().stream().filter(a -> a.table().equals(table)).toList();
    }

    /** A 科目 row no later row refines (the next row's code does not start with this one's). */
    public static boolean isLeaf(List<SubjectRow> rows, int i) {
        String code = rows.get(i).code();
        String next = i + 1 < rows.size() ? rows.get(i + 1).code() : null;
        return code == null || next == null || !next.startsWith(code);
    }

    /** "表1 收入支出决算总表：年末结转和结余" (with the column when the table has several amount columns). */
    static String describe(Profile profile, CellKey c) {
        return profile.table(c.table()).map(t -> {
            String row = t.row(c.row()).map(r -> r.label()).orElse(null);
            var cols = t.blockOfRow(c.row()).map(b -> b.amountColumns()).orElse(List.of());
            String col = cols.size() <= 1 ? null : cols.stream().filter(x -> x.key().equals(c.column()))
                    .findFirst().map(x -> String.join("/", x.header())).orElse(null);
            String where = row == null ? col : col == null ? row : row + " / " + col;
            return t.number() + " " + t.title() + (where == null ? "" : "：" + where);
        }).orElse(c.toString());
    }
}
