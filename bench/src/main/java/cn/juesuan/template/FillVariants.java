package cn.juesuan.template;

import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookProperties;
import org.jxls.formula.FastFormulaProcessor;
import org.jxls.formula.StandardFormulaProcessor;
import org.jxls.transform.poi.JxlsPoiTemplateFillerBuilder;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What-if variants of {@link Filler#fill} for profiling (benchmark module only; lives in the template package to
 * reuse the product's package-private fill, context and reconciler). Each runs the product's fill with one named
 * option changed, so the benchmark shows what that option costs or saves; Paired whatif says whether the variant's
 * workbook is the same as the product's. (jXLS's clearTemplateCells(false) is not a variant: the fill then fails,
 * "Cannot add merged region A1:F1 … overlaps with an existing merged region".)
 */
public final class FillVariants {
    public enum Variant {
        /** jXLS's own StandardFormulaProcessor instead of ours (LiteralRefFormulaProcessor): what ours saves. */
        STANDARD_FORMULAS(b -> b.withFormulaProcessor(new StandardFormulaProcessor()), true, true),
        /** jXLS FastFormulaProcessor instead of ours. */
        FAST_FORMULAS(b -> b.withFormulaProcessor(new FastFormulaProcessor()), true, true),
        /** jXLS's own recalculation before saving (a new POI evaluator, evaluateAll) instead of storing ours. */
        JXLS_RECALC(b -> b.withRecalculateFormulasBeforeSaving(true), false, true),
        /** No formula results stored at all (what storing them costs; the cached values differ). */
        NO_RECALC(UnaryOperator.identity(), false, true),
        /** jXLS keeps column widths and row heights of the template as they are (ignoreColumnProps, ignoreRowProps). */
        IGNORE_PROPS(b -> b.withIgnoreColumnProps(true).withIgnoreRowProps(true), true, true),
        /** jXLS does not track the areas of cell data (updateCellDataArea false). */
        NO_UPDATE_CELL_DATA_AREA(b -> b.withUpdateCellDataArea(false), true, true),
        /** No totals reconciliation (what it costs; the output differs only when data totals are off). */
        NO_RECONCILE(UnaryOperator.identity(), true, false);

        final UnaryOperator<JxlsPoiTemplateFillerBuilder> options;
        final boolean storeResults;
        final boolean reconcile;

        Variant(UnaryOperator<JxlsPoiTemplateFillerBuilder> options, boolean storeResults, boolean reconcile) {
            this.options = options;
            this.storeResults = storeResults;
            this.reconcile = reconcile;
        }
    }

    private final ProfileRegistry registry;
    private final Variant variant;

    public FillVariants(ProfileRegistry registry, Variant variant) {
        this.registry = registry;
        this.variant = variant;
    }

    /** The jXLS context the product builds from the data (so the peer engine is given exactly the same values). */
    public static Map<String, Object> context(Profile profile, ReportData data) {
        return Filler.context(profile, data, true);
    }

    /** Annex tables only (the variants do not cover self-evaluation sheets). */
    public byte[] fill(ReportData data) {
        Profile profile = registry.get(data.profile());
        DataCheck.check(data, profile);
        return Filler.jxls(registry.templateBytes(profile.id()), Filler.context(profile, data, true), false,
                (wb, values) -> {
                    if (variant.reconcile) {
                        new TotalsReconciler(profile, data).apply(wb, values);
                    } else {
                        WorkbookProperties.write(wb, data);
                    }
                }, variant.options, variant.storeResults, wb -> {
                });
    }
}
