package cn.juesuan.carryforward;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What carries from last year into a workbook of one profile: templates/&lt;profile&gt;/carry-forward.json.
 * Tables, rows and columns are named by their stable keys, so last year may use another profile.
 *
 * @param openings     this year's 年初 cell = last year's 年末 cell (Y1, Y2)
 * @param areaOpenings per 科目 code: this year's 年初 column = last year's 年末 column (Y3)
 * @param keepRows     tables whose 科目 rows (code, name) carry over with amounts cleared
 * @param adjustments  the 年初结转和结余调整 sheet: its categories and how each moves the opening balance
 * @param previousYear the 上年数 sheet: last year's key figures for the year-on-year comparisons
 */
public record CarryForwardSpec(String description, List<String> notes, List<Opening> openings,
                               List<AreaOpening> areaOpenings, List<String> keepRows, Adjustments adjustments,
                               PreviousYear previousYear) {
    public static final String FILE = "carry-forward.json";

    /** One amount cell of a table, by keys. */
    public record CellKey(String table, String row, String column) {
        @Override
        public String toString() {
            return table + "/" + row + "/" + column;
        }
    }

    /** @param rule cross-year rule id; @param key line key in the adjustments sheet; @param label line label */
    public record Opening(String rule, String key, String label, CellKey to, CellKey from) {
    }

    public record AreaOpening(String rule, String key, String label, String table, String column, String fromColumn) {
    }

    /** @param sign +1 when the category raises this year's opening balance, −1 when it lowers it */
    public record Category(String key, String label, int sign) {
    }

    public record Adjustments(String sheetName, String title, List<Category> categories) {
        public Adjustments {
            categories = List.copyOf(categories);
        }
    }

    /** @param basis how the figure is derived when it is not printed as such in a table, or null */
    public record Figure(String key, String label, CellKey source, String basis) {
    }

    public record PreviousYear(String sheetName, String title, List<Figure> figures) {
        public PreviousYear {
            figures = List.copyOf(figures);
        }
    }

    public CarryForwardSpec {
        notes = notes == null ? List.of() : List.copyOf(notes);
        openings = openings == null ? List.of() : List.copyOf(openings);
        areaOpenings = areaOpenings == null ? List.of() : List.copyOf(areaOpenings);
        keepRows = keepRows == null ? List.of() : List.copyOf(keepRows);
    }

    /** The spec of a profile, checked against its layouts. */
    public static CarryForwardSpec of(ProfileRegistry registry, String profileId) {
        Profile profile = registry.get(profileId);
        byte[] json = registry.optionalFile(profileId + "/" + FILE);
        if (json == null) {
            throw new JuesuanException("no_carry_forward", 422, "表样 " + profileId + " 没有从上年填充的设置（" + profileId + "/" + FILE + "）。");
        }
        CarryForwardSpec spec;
        try {
            spec = Json.MAPPER.readValue(json, CarryForwardSpec.class);
        } catch (IOException e) {
            throw broken(profileId, e.getMessage());
        }
        List<String> errors = spec.check(profile);
        if (!errors.isEmpty()) {
            throw broken(profileId, String.join("；", errors));
        }
        return spec;
    }

    private static JuesuanException broken(String profileId, String why) {
        return new JuesuanException("profile_broken", 500, "表样 " + profileId + " 的 " + FILE + " 有误：" + why);
    }

    /** Every key named must exist in the profile; empty when the spec is consistent. */
    List<String> check(Profile profile) {
        List<String> errors = new ArrayList<>();
        if (adjustments == null || previousYear == null) {
            errors.add("缺少 adjustments 或 previousYear");
            return errors;
        }
        for (Opening o : openings) {
            checkCell(profile, o.to(), errors);
            checkCell(profile, o.from(), errors);
        }
        for (AreaOpening a : areaOpenings) {
            Optional<BlockDef> area = profile.table(a.table()).flatMap(TableLayout::areaBlock);
            if (area.isEmpty() || area.get().column(a.column()).isEmpty() || area.get().column(a.fromColumn()).isEmpty()) {
                errors.add("areaOpenings " + a.table() + "/" + a.column() + "：表或科目区的列不存在");
            }
            if (!keepRows.contains(a.table())) {
                errors.add("areaOpenings " + a.table() + "：须同时列在 keepRows 中");
            }
        }
        for (String t : keepRows) {
            if (profile.table(t).flatMap(TableLayout::areaBlock).isEmpty()) {
                errors.add("keepRows " + t + "：表不存在或没有科目区");
            }
        }
        for (Figure f : previousYear.figures()) {
            checkCell(profile, f.source(), errors);
        }
        for (Category c : adjustments.categories()) {
            if (c.sign() != 1 && c.sign() != -1) {
                errors.add("adjustments " + c.key() + "：sign 只能是 1 或 -1");
            }
        }
        return errors;
    }

    private static void checkCell(Profile profile, CellKey c, List<String> errors) {
        boolean ok = c != null && profile.table(c.table())
                .flatMap(t -> t.blockOfRow(c.row()))
                .flatMap(b -> b.column(c.column()))
                .filter(ColumnDef::isAmount).isPresent();
        if (!ok) {
            errors.add("单元格 " + c + " 不在表样中");
        }
    }
}
