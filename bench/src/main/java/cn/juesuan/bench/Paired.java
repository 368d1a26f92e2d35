package cn.juesuan.bench;

import cn.juesuan.carryforward.CarriedWorkbook;
import cn.juesuan.carryforward.CarryForward;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.rules.Validator;
import cn.juesuan.template.FillVariants;
import cn.juesuan.template.Filler;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Ratios that survive a shared, busy machine: the candidates of a group run interleaved, in a new random order every
 * round, so each round compares them under the same load; the ratio ours/baseline is taken per round and the
 * median and quartiles of those ratios are reported, on wall time and on the thread's CPU time. A complement to
 * the JMH suite (which runs one benchmark after another and so is only fair on a quiet machine).
 * <pre>
 *   java -Xmx2g -cp bench/target/benchmarks.jar cn.juesuan.bench.Paired fill|read|whatif|carry [full|minimal] [rounds]
 * In "read" the first candidate (ours) is the validation; juesuanRead is listed beside it. In "fill" on the full
 * input, FastExcel is compared on the annex tables only ("annex: " rows, over ours on the same data).
 * </pre>
 */
public final class Paired {
    private static volatile long sink;

    private Paired() {
    }

    public static void main(String[] args) throws Exception {
        String group = args.length > 0 ? args[0] : "fill";
        String size = args.length > 1 ? args[1] : "full";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Map<String, Callable<Object>> c = candidates(group, size);
        String ours = c.keySet().iterator().next();
        run(group + " " + size, ours, c, Math.max(10, rounds / 3), rounds);
    }

    /**
     * Prefix of the candidates that fill the annex tables only (the "full" input without its self-evaluation
     * sheets): they are compared with the annex-only fill of ours, the others with the first candidate.
     */
    static final String ANNEX = "annex: ";

    /** The first candidate is ours; the others are what it is compared with (see {@link #ANNEX}). */
    static Map<String, Callable<Object>> candidates(String group, String size) {
        ReportData data = Inputs.data(size);
        Map<String, Callable<Object>> c = new LinkedHashMap<>();
        switch (group) {
            case "fill" -> {
                Filler filler = new Filler(Inputs.registry());
                byte[] ours = filler.fill(data);
                PlainPoiWriter plain = PlainPoiWriter.capture(ours);
                Equivalence.check("plain POI write", data, plain.write(true));
                c.put("juesuanFill", () -> filler.fill(data));
                c.put("poiWrite", () -> plain.write(true));
                c.put("poiWriteNoEval", () -> plain.write(false));
                // the FastExcel peer fills the annex tables (its template is derived from the annex template only)
                ReportData annex = data.withSelfEvaluations(List.of());
                FastExcelFill peer = FastExcelFill.prepare(Inputs.registry(), data.profile());
                Equivalence.check("FastExcel fill", annex, peer.fill(annex), false);
                if (!annex.equals(data)) {
                    c.put(ANNEX + "juesuanFill", () -> filler.fill(annex));
                }
                c.put((annex.equals(data) ? "" : ANNEX) + "fastExcelFill", () -> peer.fill(annex));
            }
            case "whatif" -> {
                ReportData annex = data.withSelfEvaluations(List.of()); // the variants cover the annex tables
                Filler filler = new Filler(Inputs.registry());
                byte[] product = filler.fill(annex);
                c.put("juesuanFill", () -> filler.fill(annex));
                for (FillVariants.Variant v : FillVariants.Variant.values()) {
                    FillVariants f = new FillVariants(Inputs.registry(), v);
                    byte[] mine = f.fill(annex);
                    List<String> parts = Equivalence.differentParts(product, mine);
                    List<String> cells = Equivalence.sameCells(product, mine);
                    System.out.println(v + ": " + (parts.isEmpty() ? "the same file as the product's (every zip part)"
                            : "differs from the product's in " + parts + "; cells and formulas "
                            + (cells.isEmpty() ? "the same" : "differ: " + cells)));
                    c.put(v.name(), () -> f.fill(annex));
                }
            }
            case "read" -> {
                byte[] xlsx = new Filler(Inputs.registry()).fill(data);
                WorkbookReader reader = new WorkbookReader(Inputs.registry());
                Validator validator = new Validator(Inputs.registry(), Inputs.codes());
                c.put("juesuanValidate", () -> validator.validate(xlsx, null));
                c.put("juesuanRead", () -> reader.read(xlsx, null));
                c.put("poiLoad", () -> {
                    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                        return wb.getNumberOfSheets();
                    }
                });
                c.put("saxScan", () -> ReadBench.scan(xlsx));
            }
            case "carry" -> {
                Filler filler = new Filler(Inputs.registry());
                byte[] xlsx = filler.fill(data);
                WorkbookReader reader = new WorkbookReader(Inputs.registry());
                CarryForward carry = new CarryForward(Inputs.registry());
                c.put("juesuanCarryForward", () -> {
                    ReportData previous = reader.read(xlsx, null).data();
                    return CarriedWorkbook.render(Inputs.registry(), carry.carry(previous, previous.year() + 1, null));
                });
                c.put("poiLoad", () -> {
                    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
                        return wb.getNumberOfSheets();
                    }
                });
                c.put("juesuanFill", () -> filler.fill(data));
            }
            default -> throw new IllegalArgumentException("group: fill | read | whatif | carry");
        }
        return c;
    }

    static void run(String title, String ours, Map<String, Callable<Object>> candidates, int warmup, int rounds)
            throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<String> names = new ArrayList<>(candidates.keySet());
        Map<String, double[]> wall = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        names.forEach(n -> {
            wall.put(n, new double[rounds]);
            cpu.put(n, new double[rounds]);
        });
        Random order = new Random(1);
        for (int r = -warmup; r < rounds; r++) {
            List<String> shuffled = new ArrayList<>(names);
            Collections.shuffle(shuffled, order);
            for (String n : shuffled) {
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                Object out = candidates.get(n).call();
                long t1 = System.nanoTime();
                long c1 = mx.getCurrentThreadCpuTime();
                sink += out == null ? 0 : out.hashCode();
                if (r >= 0) {
                    wall.get(n)[r] = (t1 - t0) / 1e6;
                    cpu.get(n)[r] = (c1 - c0) / 1e6;
                }
            }
        }
        System.out.printf("%s: %d rounds after %d warm-up rounds, order shuffled each round; load %s%n", title, rounds,
                warmup, loadAverage());
        System.out.println("| candidate | wall ms (median) | CPU ms (median) | ratio ours/this, wall (median [q1, q3]) | ratio, CPU (median [q1, q3]) |");
        System.out.println("|---|---:|---:|---:|---:|");
        String annexOurs = ANNEX + ours;
        for (String n : names) {
            String over = n.startsWith(ANNEX) && names.contains(annexOurs) ? annexOurs : ours;
            String rw = n.equals(over) || n.equals(ours) ? "" : quartiles(ratios(wall.get(over), wall.get(n)));
            String rc = n.equals(over) || n.equals(ours) ? "" : quartiles(ratios(cpu.get(over), cpu.get(n)));
            System.out.printf("| %s | %.1f | %.1f | %s | %s |%n", n, median(wall.get(n)), median(cpu.get(n)), rw, rc);
        }
    }

    private static String loadAverage() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
    }

    private static String quartiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("%.2f× [%.2f, %.2f]", q(s, 0.5), q(s, 0.25), q(s, 0.75));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return q(s, 0.5);
    }

    private static double q(double[] sorted, double p) {
        double idx = p * (sorted.length - 1);
        int lo = (int) Math.floor(idx);
        int hi = (int) Math.ceil(idx);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (idx - lo);
    }
}
