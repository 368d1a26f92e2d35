package cn.juesuan.bench;

import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a JMH JSON result (-rf json) into the ratio table of docs/performance.md: every benchmark of ours
 * (method name starting with "juesuan") over every other benchmark of the same class and parameters, all from the
 * same run (benchmarks named *Annex only over each other: the same data without self-evaluation sheets). The ± is
 * the JMH 99.9% error of both scores, combined as relative errors.
 */
public final class Ratios {
    private Ratios() {
    }

    record Score(String clazz, String method, String params, double score, double error, String unit, Double bytesPerOp) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios jmh-result.json");
            System.exit(2);
        }
        List<Score> scores = read(Path.of(args[0]));
        System.out.println("| benchmark | params | score | ± (99.9%) | alloc/op |");
        System.out.println("|---|---|---:|---:|---:|");
        for (Score s : scores) {
            System.out.printf("| %s.%s | %s | %.2f %s | %.2f | %s |%n", s.clazz(), s.method(), s.params(), s.score(),
                    s.unit(), s.error(), s.bytesPerOp() == null ? "" : String.format("%.1f MB", s.bytesPerOp() / 1e6));
        }
        System.out.println();
        System.out.println("| ours | over | params | ratio | ± |");
        System.out.println("|---|---|---|---:|---:|");
        for (Score ours : scores) {
            if (!ours.method().startsWith("juesuan")) {
                continue;
            }
            for (Score other : scores) {
                if (other == ours || !other.clazz().equals(ours.clazz()) || !other.params().equals(ours.params())
                        || other.method().startsWith("juesuan")
                        || other.method().endsWith("Annex") != ours.method().endsWith("Annex")) {
                    continue;
                }
                double r = ours.score() / other.score();
                double rel = Math.sqrt(sq(ours.error() / ours.score()) + sq(other.error() / other.score()));
                System.out.printf("| %s | %s | %s | %.2f× | %.2f |%n", ours.method(), other.method(), ours.params(), r, r * rel);
            }
        }
    }

    private static double sq(double x) {
        return Double.isNaN(x) ? 0 : x * x;
    }

    static List<Score> read(Path json) throws IOException {
        List<Score> out = new ArrayList<>();
        for (JsonNode b : Json.MAPPER.readTree(json.toFile())) {
            String full = b.path("benchmark").asText();
            int dot = full.lastIndexOf('.');
            String clazz = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode pm = b.path("primaryMetric");
            JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm");
            out.add(new Score(clazz, full.substring(dot + 1), params.toString(), pm.path("score").asDouble(),
                    pm.path("scoreError").asDouble(Double.NaN), pm.path("scoreUnit").asText(),
                    alloc.isMissingNode() ? null : alloc.path("score").asDouble()));
        }
        return out;
    }
}
