package cn.juesuan.bench;

import cn.juesuan.model.ReportData;
import cn.juesuan.model.SubjectRow;
import cn.juesuan.model.TableData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.rules.ValidationReport;
import cn.juesuan.rules.Validator;
import cn.juesuan.template.Filler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Writes generated workbooks for the batch and load measurements.
 * <pre>
 *   java -cp bench/target/benchmarks.jar cn.juesuan.bench.Generate one full|minimal OUT.xlsx
 *   java -cp bench/target/benchmarks.jar cn.juesuan.bench.Generate many N DIR      (a bureau's folder, see many)
 *   java -cp bench/target/benchmarks.jar cn.juesuan.bench.Generate check            (round trip of both sizes)
 * </pre>
 */
public final class Generate {
    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 3 && args[0].equals("one")) {
            byte[] xlsx = Inputs.workbook(args[1]);
            Files.write(Path.of(args[2]), xlsx);
            System.out.println(args[2] + " " + xlsx.length + " bytes");
        } else if (args.length == 3 && args[0].equals("many")) {
            many(Integer.parseInt(args[1]), Path.of(args[2]));
        } else if (args.length == 1 && args[0].equals("check")) {
            boolean ok = check("minimal") & check("full");
            System.out.println(ok ? "inputs ok: both read back as generated, 0 错误" : "INPUTS NOT OK");
            if (!ok) {
                System.exit(1);
            }
        } else {
            System.err.println("usage: Generate one full|minimal OUT.xlsx | many N DIR | check");
            System.exit(2);
        }
    }

    /**
     * A bureau's folder: n workbooks in 20 sub-folders, most of them consistent, every 10th with one 科目 amount
     * changed (so identities break), every 50th unreadable (cut short, or not a workbook at all).
     */
    private static void many(int n, Path dir) throws IOException {
        Files.createDirectories(dir);
        Filler filler = new Filler(Inputs.registry());
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, n).parallel().forEach(i -> {
            try {
                Path sub = Files.createDirectories(dir.resolve(String.format("区县%02d", i % 20)));
                Path file = sub.resolve(String.format("单位%04d.xlsx", i));
                ReportData data = Inputs.data("full", Inputs.SEED + i);
                if (i % 50 == 49) {
                    byte[] xlsx = filler.fill(data);
                    Files.write(file, i % 100 == 99 ? "这不是工作簿".getBytes(StandardCharsets.UTF_8)
                            : Arrays.copyOf(xlsx, xlsx.length / 10));
                } else {
                    Files.write(file, filler.fill(i % 10 == 9 ? withWrongAmount(data) : data));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (done.incrementAndGet() % 100 == 0) {
                System.out.println(done.get() + " / " + n);
            }
        });
    }

    /** The first 项 of 表3 with 1.00 more 基本支出, nothing else changed. */
    static ReportData withWrongAmount(ReportData data) {
        TableData t = data.table("expenditure");
        List<SubjectRow> rows = new ArrayList<>(t.rows());
        for (int i = 0; i < rows.size(); i++) {
            SubjectRow r = rows.get(i);
            if (r.level() == 3) {
                Map<String, BigDecimal> a = new LinkedHashMap<>(r.amounts());
                a.merge("basic", BigDecimal.ONE, BigDecimal::add);
                rows.set(i, new SubjectRow(r.code(), r.name(), a));
                break;
            }
        }
        Map<String, TableData> tables = new LinkedHashMap<>(data.tables());
        tables.put("expenditure", new TableData(t.values(), rows, t.note()));
        return new ReportData(data.profile(), data.year(), data.unit(), data.moneyUnit(), tables, data.selfEvaluations());
    }

    /** Fills, reads back and validates one input; true when it reads back as generated and has no 错误. */
    private static boolean check(String size) {
        ReportData data = Inputs.data(size);
        byte[] xlsx = new Filler(Inputs.registry()).fill(data);
        ReadResult back = new WorkbookReader(Inputs.registry()).read(xlsx, null);
        long rows = data.tables().values().stream().mapToLong(t -> t.rows().size()).sum();
        long items = data.table("expenditure").rows().stream().filter(r -> r.level() == 3).count();
        System.out.println(size + ": " + data.tables().size() + " tables with data, " + rows + " 科目 rows ("
                + items + " 项 in 表3), " + data.selfEvaluations().size() + " self-evaluation sheets, " + xlsx.length
                + " bytes; read notes " + back.notes().size()
                + "; round trip " + (back.data().equals(data) ? "equal" : "DIFFERENT"));
        back.notes().forEach(n -> System.out.println("  note " + n.code() + " " + n.message()));
        if (!back.data().equals(data)) {
            data.tables().forEach((k, t) -> {
                if (!t.equals(back.data().table(k))) {
                    System.out.println("  differs: " + k);
                    System.out.println("    in : " + t);
                    System.out.println("    out: " + back.data().table(k));
                }
            });
        }
        if (!back.data().selfEvaluations().equals(data.selfEvaluations())) {
            System.out.println("  differs: self-evaluation sheets");
        }
        ValidationReport report = new Validator(Inputs.registry(), Inputs.codes()).validate(xlsx, null);
        System.out.println("  validation: " + report.counts() + " with " + report.rules() + " rules");
        report.findings().stream().limit(30).forEach(f -> System.out.println("    " + f.severityLabel() + " " + f.ruleId()
                + " " + f.sheet() + " " + f.cells() + " " + f.message()));
        return back.data().equals(data) && !report.hasErrors();
    }
}
