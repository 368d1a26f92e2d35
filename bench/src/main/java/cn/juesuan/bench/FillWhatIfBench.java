package cn.juesuan.bench;

import cn.juesuan.model.ReportData;
import cn.juesuan.template.FillVariants;
import cn.juesuan.template.Filler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;

/**
 * Profiling aid, not a product comparison: the fill with one jXLS option changed at a time (see FillVariants).
 * The setup fails if a variant writes different cells or formulas than the product, so a speed-up that breaks the
 * workbook cannot be reported.
 */
public class FillWhatIfBench extends BenchDefaults {
    @Param({"full"})
    public String size;

    @Param({"FAST_FORMULAS", "JXLS_RECALC", "NO_RECALC", "IGNORE_PROPS",
            "NO_UPDATE_CELL_DATA_AREA", "NO_RECONCILE"})
    public String variant;

    private ReportData data;
    private FillVariants filler;

    @Setup(Level.Trial)
    public void setUp() {
        data = Inputs.data(size).withSelfEvaluations(List.of()); // the variants cover the annex tables
        filler = new FillVariants(Inputs.registry(), FillVariants.Variant.valueOf(variant));
        byte[] product = new Filler(Inputs.registry()).fill(data);
        byte[] mine = filler.fill(data);
        List<String> diffs = Equivalence.sameCells(product, mine);
        if (!diffs.isEmpty()) {
            throw new IllegalStateException(variant + " writes other cells than the product: " + diffs);
        }
        Equivalence.check(variant, data, mine);
    }

    @Benchmark
    public byte[] fill() {
        return filler.fill(data);
    }
}
