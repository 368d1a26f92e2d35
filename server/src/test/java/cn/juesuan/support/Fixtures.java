package cn.juesuan.support;

import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Shared test inputs: the repository's templates folder and the seed data sets. */
public final class Fixtures {
    public static final String SEED_004 = "seeds/seed004-suining-keji-2024.json";
    public static final String SEED_000 = "seeds/seed000-luzhou-kechuang-2020.json";
    /** Self-evaluation sheets transcribed from the seeds (绩效自评表). */
    public static final String EVAL_000 = "seeds/seed000-selfeval.json";
    public static final String EVAL_002 = "seeds/seed002-selfeval.json";
    public static final String EVAL_003 = "seeds/seed003-selfeval.json";
    public static final String EVAL_004 = "seeds/seed004-selfeval.json";
    public static final java.util.List<String> EVALS = java.util.List.of(EVAL_000, EVAL_002, EVAL_003, EVAL_004);

    private static final ProfileRegistry REGISTRY = new ProfileRegistry(templatesRoot());

    private Fixtures() {
    }

    /** Tests run with the repository root as working directory (surefire workingDirectory). */
    public static Path templatesRoot() {
        return Path.of("templates").toAbsolutePath();
    }

    public static ProfileRegistry registry() {
        return REGISTRY;
    }

    public static ReportData seed(String resource) {
        try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.MAPPER.readValue(in, ReportData.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pretty JSON of the data, for readable assertion failures. */
    public static String json(Object data) {
        try {
            return Json.MAPPER.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON with map keys sorted: compares data whose maps were filled in another order. */
    public static String sortedJson(Object data) {
        try {
            return Json.MAPPER.copy().configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the repository's templates folder into root (a test's temporary folder), to change files there. */
    public static Path copyTemplates(Path root) {
        try {
            Path from = templatesRoot();
            try (var files = java.nio.file.Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = root.resolve(from.relativize(f).toString());
                    if (java.nio.file.Files.isDirectory(f)) {
                        java.nio.file.Files.createDirectories(to);
                    } else {
                        java.nio.file.Files.copy(f, to);
                    }
                }
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path sharedSeeds() {
        return Path.of("..", "shared", "seeds").toAbsolutePath().normalize();
    }
}
