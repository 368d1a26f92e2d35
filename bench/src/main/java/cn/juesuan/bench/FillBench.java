package cn.juesuan.bench;

import cn.juesuan.model.ReportData;
import cn.juesuan.template.Filler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;


/**
 * Fill: ours (jXLS template + totals reconciliation) vs a plain POI write of the same cells (the baseline; with and
 * without formula evaluation) vs FastExcel filling an equivalent template (the peer). Every output is read back in
 * the setup and must give the input data, so no engine is timed doing less than the others.
 */
public class FillBench extends BenchDefaults {
    @Param({"full", "minimal"})
    public String size;

    private ReportData data;
    private Filler filler;
    private PlainPoiWriter plain;
    private FastExcelFill peer;

    @Setup(Level.Trial)
    public void setUp() {
        data = Inputs.data(size);
        filler = new Filler(Inputs.registry());
        byte[] ours = filler.fill(data);
        plain = PlainPoiWriter.capture(ours);
        peer = FastExcelFill.prepare(Inputs.registry(), data.profile());
        Equivalence.check("plain POI write", data, plain.write(true));
        Equivalence.check("plain POI write (no evaluation)", data, plain.write(false));
        Equivalence.check("FastExcel fill", data, peer.fill(data), false);
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

    @Benchmark
    public byte[] fastExcelFill() {
        return peer.fill(data);
    }
}
