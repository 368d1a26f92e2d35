package cn.juesuan.template;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.ReportYears;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;
import org.jxls.expression.ExpressionEvaluatorFactoryJexlImpl;
import org.jxls.expression.JxlsJexlPermissions;
import org.jxls.transform.poi.JxlsPoiTemplateFillerBuilder;
import org.jxls.transform.poi.PoiTransformer;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fills a profile's jXLS template with one unit-year of data. */
public final class Filler {
    private final ProfileRegistry registry;

    public Filler(ProfileRegistry registry) {
        this.registry = registry;
    }

    /** The filled workbook (xlsx bytes). Throws JuesuanException (4xx) for bad data. */
    public byte[] fill(ReportData data) {
        Profile profile = resolveProfile(data);
        DataCheck.check(data, profile);
        return render(profile, data, true);
    }

    /** The workbook for a profile, year and unit with no amounts. */
    public byte[] blank(String profileId, int year, String unitName, String unitCode) {
        if (!ReportYears.valid(year)) {
            throw JuesuanException.badRequest("bad_year", "决算年度应在 " + ReportYears.range() + " 之间，收到 " + year + "。");
        }
        Profile profile = profileId == null || profileId.isBlank() ? registry.forYear(year) : registry.get(profileId);
        ReportData empty = new ReportData(profile.id(), year, new UnitInfo(unitName, unitCode), profile.moneyUnit(), null);
        return render(profile, empty, false);
    }

    private Profile resolveProfile(ReportData data) {
        if (data.profile() != null && !data.profile().isBlank()) {
            return registry.get(data.profile());
        }
        if (data.year() != null) {
            return registry.forYear(data.year());
        }
        return registry.defaultProfile();
    }

    private byte[] render(Profile profile, ReportData data, boolean withNotes) {
        Map<String, Object> context = context(profile, data, withNotes);
        return JxlsPoiTemplateFillerBuilder.newInstance()
                .withExceptionThrower()
                .withExpressionEvaluatorFactory(new ExpressionEvaluatorFactoryJexlImpl(false, false, JxlsJexlPermissions.RESTRICTED))
                .withCellStyleGeneralEnsurer()
                .withPreWriteAction((transformer, ctx) ->
                        new TotalsReconciler(profile, data).apply(((PoiTransformer) transformer).getWorkbook()))
                .withTemplate(new ByteArrayInputStream(templateBytes(profile)))
                .buildAndFill(context);
    }

    /** The template on disk (or in the jar); generated from the descriptors when the profile has none yet. */
    private byte[] templateBytes(Profile profile) {
        try {
            return registry.templateBytes(profile.id());
        } catch (UncheckedIOException missing) {
            if (registry.root() != null && Files.exists(registry.templatePath(profile.id()))) {
                throw missing;
            }
            return new TemplateGenerator().generate(profile);
        }
    }

    static Map<String, Object> context(Profile profile, ReportData data, boolean withNotes) {
        Map<String, Object> ctx = new HashMap<>();
        UnitInfo unit = data.unit();
        ctx.put(Placeholders.UNIT_NAME, unit.name() == null ? "" : unit.name());
        ctx.put(Placeholders.UNIT_CODE, unit.code() == null ? "" : unit.code());
        ctx.put(Placeholders.YEAR, data.year() == null ? "" : String.valueOf(data.year()));
        ctx.put(Placeholders.MONEY_UNIT, data.moneyUnitOr(profile.moneyUnit()));
        Map<String, Object> values = new HashMap<>();
        Map<String, Object> areas = new HashMap<>();
        Map<String, Object> notes = new HashMap<>();
        for (TableLayout t : profile.tables()) {
            TableData td = data.table(t.key());
            td.values().forEach((row, cols) -> cols.forEach((col, v) ->
                    values.put(Placeholders.fixedKey(t.key(), row, col), v)));
            if (t.areaBlock().isPresent()) {
                areas.put(t.key(), areaRows(td.rows()));
            }
            String note = td.note();
            if (note == null && withNotes && t.emptyNote() != null && td.hasNoAmounts()) {
                note = t.emptyNote();
            }
            notes.put(t.key(), note);
        }
        ctx.put(Placeholders.VALUES, values);
        ctx.put(Placeholders.AREAS, areas);
        ctx.put(Placeholders.NOTES, notes);
        return ctx;
    }

    private static List<Map<String, Object>> areaRows(List<SubjectRow> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (SubjectRow r : rows) {
            Map<String, Object> m = new HashMap<>();
            String code = r.code();
            m.put("code", code);
            m.put("lei", code.substring(0, Math.min(3, code.length())));
            m.put("kuan", code.length() >= 5 ? code.substring(3, 5) : null);
            m.put("xiang", code.length() >= 7 ? code.substring(5, 7) : null);
            m.put("name", r.name());
            m.put("a", new LinkedHashMap<>(r.amounts()));
            out.add(m);
        }
        return out;
    }

    static List<ColumnDef> amountColumns(BlockDef b) {
        return b.amountColumns();
    }
}
