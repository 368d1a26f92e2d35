package cn.juesuan.template;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.ReportYears;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;
import cn.juesuan.read.CellValues;
import cn.juesuan.read.WorkbookProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.poi.ss.usermodel.Workbook;
import org.jxls.builder.KeepTemplateSheet;
import org.jxls.expression.ExpressionEvaluatorFactoryJexlImpl;
import org.jxls.expression.JxlsJexlPermissions;
import org.jxls.formula.LiteralRefFormulaProcessor;
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
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Fills a profile's jXLS template with one unit-year of data. */
public final class Filler {
    /** jXLS's formula rewriting: the same results as its standard processor, at a fraction of the cost. */
    private static final LiteralRefFormulaProcessor FORMULAS = new LiteralRefFormulaProcessor();
    private static final Consumer<Workbook> NOTHING = wb -> {
    };

    private final ProfileRegistry registry;
    private final UnaryOperator<JxlsPoiTemplateFillerBuilder> options;

    public Filler(ProfileRegistry registry) {
        this(registry, UnaryOperator.identity());
    }

    /** @param options further jXLS builder options, applied last (tests compare the fill under other options) */
    Filler(ProfileRegistry registry, UnaryOperator<JxlsPoiTemplateFillerBuilder> options) {
        this.registry = registry;
        this.options = options;
    }

    /** The filled workbook (xlsx bytes). Throws JuesuanException (4xx) for bad data. */
    public byte[] fill(ReportData data) {
        return fill(data, NOTHING);
    }

    /**
     * The filled workbook with {@code finish} applied before it is saved (after the totals are checked and the formula
     * results stored), so that a caller adding sheets does not open and save the workbook a second time.
     */
    public byte[] fill(ReportData data, Consumer<Workbook> finish) {
        Profile profile = resolveProfile(data);
        DataCheck.check(data, profile);
        EvalDataCheck.check(data, registry);
        return render(profile, data, true, finish);
    }

    /** Blank self-evaluation sheets, one of each kind given, without annex tables. */
    public byte[] blankSelfEvaluations(List<String> kinds, int year, String unitName, String unitCode) {
        if (kinds == null || kinds.isEmpty()) {
            throw JuesuanException.badRequest("missing_parameter", "缺少绩效自评表种类。可用的有："
                    + String.join("、", registry.evalSheets().stream().map(EvalSheetLayout::key).toList()));
        }
        kinds.forEach(registry::evalSheet);
        Profile profile = registry.forYear(checkedYear(year));
        List<SelfEvaluation> blank = kinds.stream()
                .map(k -> new SelfEvaluation(k, null, null, null, null, null, null, null)).toList();
        ReportData data = new ReportData(profile.id(), year, new UnitInfo(unitName, unitCode), profile.moneyUnit(), null, blank);
        return renderEvals(profile, data, false, true, NOTHING);
    }

    /** The workbook for a profile, year and unit with no amounts. */
    public byte[] blank(String profileId, int year, String unitName, String unitCode) {
        checkedYear(year);
        Profile profile = profileId == null || profileId.isBlank() ? registry.forYear(year) : registry.get(profileId);
        ReportData empty = new ReportData(profile.id(), year, new UnitInfo(unitName, unitCode), profile.moneyUnit(), null);
        return render(profile, empty, false, NOTHING);
    }

    private static int checkedYear(int year) {
        if (!ReportYears.valid(year)) {
            throw JuesuanException.badRequest("bad_year", "决算年度应在 " + ReportYears.range() + " 之间，收到 " + year + "。");
        }
        return year;
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

    private byte[] render(Profile profile, ReportData data, boolean withNotes, Consumer<Workbook> finish) {
        if (!data.selfEvaluations().isEmpty()) {
            return renderEvals(profile, data, withNotes, false, finish);
        }
        return jxls(templateBytes(profile), context(profile, data, withNotes), false,
                (wb, values) -> new TotalsReconciler(profile, data).apply(wb, values), options, true, finish);
    }

    /** Self-evaluation sheets, after the annex tables when the data has any. */
    private byte[] renderEvals(Profile profile, ReportData data, boolean withNotes, boolean blank,
                               Consumer<Workbook> finish) {
        boolean evalOnly = data.tables().isEmpty();
        byte[] evalTemplate = evalTemplateBytes();
        byte[] template = evalOnly ? evalTemplate : withEvalSheets(templateBytes(profile), evalTemplate);
        Map<String, Object> ctx = evalOnly ? baseContext(profile, data) : context(profile, data, withNotes);
        Set<String> taken = evalOnly ? Set.of()
                : profile.tables().stream().map(TableLayout::sheetName).collect(Collectors.toSet());
        EvalSheets sheets = new EvalSheets(registry::evalSheet, data.selfEvaluations(), blank, taken, data.unit().name());
        sheets.addTo(ctx, registry.evalSheets());
        return jxls(template, ctx, true, (wb, values) -> {
            // the self-evaluation sheets are put in place first (they move sheets), then the totals are checked,
            // so that the formula results computed for that are still good when they are stored
            sheets.finish(wb);
            if (evalOnly) {
                WorkbookProperties.write(wb, data);
            } else {
                new TotalsReconciler(profile, data).apply(wb, values);
            }
            WorkbookProperties.put(wb, WorkbookProperties.PROFILE, profile.id());
            WorkbookProperties.put(wb, WorkbookProperties.YEAR, data.year() == null ? null : data.year().toString());
            WorkbookProperties.put(wb, WorkbookProperties.UNIT_NAME, data.unit().name());
        }, options, true, finish);
    }

    /** The annex template with the self-evaluation template's sheets appended (kept while both are unchanged). */
    private static byte[] withEvalSheets(byte[] annex, byte[] evals) {
        return COMBINED.get(new TemplatePair(annex, evals), p -> SheetCopier.append(p.annex(), p.evals()));
    }

    /**
     * Two template byte arrays, compared by identity: the registry hands out the same arrays until a file changes
     * on disk, so a changed template is a new key and the old entry ages out.
     */
    private record TemplatePair(byte[] annex, byte[] evals) {
    }

    private static final Cache<TemplatePair, byte[]> COMBINED = Caffeine.newBuilder().maximumSize(8).build();

    /**
     * The fill as the product runs it.
     *
     * @param before       our changes to the filled workbook, before it is saved, with an evaluator for its formulas;
     *                     then every formula's result is stored with that evaluator (jXLS's own recalculation is off)
     * @param options      further builder options, applied last (the benchmark's what-ifs, tests)
     * @param storeResults false: formula results are not stored by us (the options may turn jXLS's recalculation on)
     * @param finish       last changes before saving, after the formula results are stored
     */
    static byte[] jxls(byte[] template, Map<String, Object> context, boolean multisheet,
                       BiConsumer<Workbook, CellValues> before, UnaryOperator<JxlsPoiTemplateFillerBuilder> options,
                       boolean storeResults, Consumer<Workbook> finish) {
        var builder = JxlsPoiTemplateFillerBuilder.newInstance()
                .withExceptionThrower()
                .withExpressionEvaluatorFactory(new ExpressionEvaluatorFactoryJexlImpl(false, false, JxlsJexlPermissions.RESTRICTED))
                .withCellStyleGeneralEnsurer()
                .withRecalculateFormulasBeforeSaving(false)
                .withFormulaProcessor(FORMULAS)
                .withPreWriteAction((transformer, ctx) -> {
                    Workbook wb = ((PoiTransformer) transformer).getWorkbook();
                    CellValues values = new CellValues(wb);
                    before.accept(wb, values);
                    if (storeResults) {
                        FormulaResults.store(wb, values);
                    }
                    finish.accept(wb);
                })
                .withTemplate(new ByteArrayInputStream(template));
        if (multisheet) {
            builder.withKeepTemplateSheet(KeepTemplateSheet.DELETE);
        }
        return options.apply(builder).buildAndFill(context);
    }

    /** The self-evaluation template on disk (or in the jar); generated from the descriptors when there is none yet. */
    private byte[] evalTemplateBytes() {
        try {
            return registry.evalTemplateBytes();
        } catch (UncheckedIOException missing) {
            if (registry.root() != null && Files.exists(registry.evalTemplatePath())) {
                throw missing;
            }
            return new EvalTemplateGenerator().generate(registry.evalSheets());
        }
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

    private static Map<String, Object> baseContext(Profile profile, ReportData data) {
        Map<String, Object> ctx = new HashMap<>();
        UnitInfo unit = data.unit();
        ctx.put(Placeholders.UNIT_NAME, unit.name() == null ? "" : unit.name());
        ctx.put(Placeholders.UNIT_CODE, unit.code() == null ? "" : unit.code());
        ctx.put(Placeholders.YEAR, data.year() == null ? "" : String.valueOf(data.year()));
        ctx.put(Placeholders.MONEY_UNIT, data.moneyUnitOr(profile.moneyUnit()));
        return ctx;
    }

    static Map<String, Object> context(Profile profile, ReportData data, boolean withNotes) {
        Map<String, Object> ctx = baseContext(profile, data);
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
