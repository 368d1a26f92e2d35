package cn.juesuan.template;

import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookProperties;
import org.jxls.expression.ExpressionEvaluatorFactoryJexlImpl;
import org.jxls.expression.JxlsJexlPermissions;
import org.jxls.formula.FastFormulaProcessor;
import org.jxls.transform.poi.JxlsPoiTemplateFillerBuilder;
import org.jxls.transform.poi.PoiTransformer;

import java.io.ByteArrayInputStream;
import java.util.Map;

/**
 * What-if variants of {@link Filler#fill} for profiling (benchmark module only; lives in the template package to
 * reuse its package-private context and reconciler). Each differs from the product in one named option, so the
 * benchmark shows what that option costs.
 */
public final class FillVariants {
    public enum Variant {
        /** jXLS FastFormulaProcessor instead of the StandardFormulaProcessor. */
        FAST_FORMULAS,
        /** No POI evaluateAll before saving (the reconciler evaluates the totals it checks anyway). */
        NO_RECALC,
        /** Both of the above. */
        FAST_FORMULAS_NO_RECALC,
        /** No totals reconciliation (what it costs; the output differs only when data totals are off). */
        NO_RECONCILE
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

    public byte[] fill(ReportData data) {
        Profile profile = registry.get(data.profile());
        DataCheck.check(data, profile);
        JxlsPoiTemplateFillerBuilder b = JxlsPoiTemplateFillerBuilder.newInstance()
                .withExceptionThrower()
                .withExpressionEvaluatorFactory(new ExpressionEvaluatorFactoryJexlImpl(false, false, JxlsJexlPermissions.RESTRICTED))
                .withCellStyleGeneralEnsurer()
                .withTemplate(new ByteArrayInputStream(registry.templateBytes(profile.id())));
        if (variant != Variant.NO_RECONCILE) {
            b.withPreWriteAction((transformer, ctx) ->
                    new TotalsReconciler(profile, data).apply(((PoiTransformer) transformer).getWorkbook()));
        } else {
            b.withPreWriteAction((transformer, ctx) ->
                    WorkbookProperties.write(((PoiTransformer) transformer).getWorkbook(), data));
        }
        if (variant == Variant.FAST_FORMULAS || variant == Variant.FAST_FORMULAS_NO_RECALC) {
            b.withFormulaProcessor(new FastFormulaProcessor());
        }
        if (variant == Variant.NO_RECALC || variant == Variant.FAST_FORMULAS_NO_RECALC) {
            b.withRecalculateFormulasBeforeSaving(false);
        }
        return b.buildAndFill(Filler.context(profile, data, true));
    }
}
