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

    public static Path sharedSeeds() {
        return Path.of("..", "shared", "seeds").toAbsolutePath().normalize();
    }
}
