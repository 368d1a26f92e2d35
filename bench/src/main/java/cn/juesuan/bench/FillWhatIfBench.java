package cn.juesuan.bench;

import cn.juesuan.model.ReportData;
import cn.juesuan.template.FillVariants;
import cn.juesuan.template.Filler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Profiling aid, not a product comparison: the fill with one jXLS option changed at a time (see FillVariants).
 * The setup fails if a variant writes different cells or formulas than the product, so a speed-up that breaks the
 * workbook cannot be reported.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class FillWhatIfBench {
    @Param({"full"})
    public String size;

    @Param({"FAST_FORMULAS", "NO_RECALC", "FAST_FORMULAS_NO_RECALC", "NO_RECONCILE"})
    public String variant;

    private ReportData data;
    private FillVariants filler;

    @Setup(Level.Trial)
    public void setUp() {
        data = Inputs.data(size);
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
