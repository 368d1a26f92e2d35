package cn.juesuan.bench;

import cn.juesuan.model.ReportData;
import cn.juesuan.template.Filler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

import java.util.List;


/**
 * Fill: ours (jXLS template + totals reconciliation) vs a plain POI write of the same cells (the baseline; with and
 * without formula evaluation) vs FastExcel filling an equivalent template (the peer). Every output is read back in
 * the setup and must give the input data, so no engine is timed doing less than the others. The peer's template is
 * derived from the annex template only, so FastExcel is compared on the annex tables (the *Annex benchmarks).
 */
public class FillBench extends BenchDefaults {
    @Param({"full", "minimal"})
    public String size;

    private ReportData data;
    /** The same data without its self-evaluation sheets, for the FastExcel peer (annex tables only). */
    private ReportData annex;
    private Filler filler;
    private PlainPoiWriter plain;
    private FastExcelFill peer;

    @Setup(Level.Trial)
    public void setUp() {
        data = Inputs.data(size);
        annex = data.withSelfEvaluations(List.of());
        filler = new Filler(Inputs.registry());
        byte[] ours = filler.fill(data);
        plain = PlainPoiWriter.capture(ours);
        peer = FastExcelFill.prepare(Inputs.registry(), data.profile());
        Equivalence.check("plain POI write", data, plain.write(true));
        Equivalence.check("plain POI write (no evaluation)", data, plain.write(false));
        Equivalence.check("FastExcel fill", annex, peer.fill(annex), false);
        Equivalence.check("juesuan fill", data, ours);
    }

    @Benchmark
    public byte[] juesuanFill() {
        return filler.fill(data);
    }

    @Benchmark
    public byte[] poiWrite() {
        return plain.write(true);
    }

    @Benchmark
    public byte[] poiWriteNoEval() {
        return plain.write(false);
    }

    /** Ours on the annex tables only, beside the peer (Ratios pairs the *Annex benchmarks with each other). */
    @Benchmark
    public byte[] juesuanFillAnnex() {
        return filler.fill(annex);
    }

    @Benchmark
    public byte[] fastExcelFillAnnex() {
        return peer.fill(annex);
    }
}
