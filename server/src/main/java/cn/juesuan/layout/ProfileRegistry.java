package cn.juesuan.layout;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads profiles (layouts and template bytes) from a templates folder on disk, or from the copy inside the jar.
 * Caffeine keeps what was loaded; a file changed on disk (an administrator adjusted a template in Excel) is
 * noticed by its modification time and loaded again.
 */
public final class ProfileRegistry {
    private static final String CLASSPATH_ROOT = "templates/";

    private final Path root;
    private final Cache<String, Stamped<Profile>> profiles = Caffeine.newBuilder().maximumSize(64).build();
    private final Cache<String, Stamped<byte[]>> templates = Caffeine.newBuilder().maximumSize(64).build();

    private record Stamped<T>(long stamp, T value) {
    }

    /** @param root templates folder on disk, or null to use the copy inside the jar */
    public ProfileRegistry(Path root) {
        this.root = root;
    }

    /** The templates folder given by -Djuesuan.templates / JUESUAN_TEMPLATES, else ./templates if present, else the jar's copy. */
    public static ProfileRegistry fromEnvironment() {
        String configured = System.getProperty("juesuan.templates", System.getenv("JUESUAN_TEMPLATES"));
        if (configured != null && !configured.isBlank()) {
            return new ProfileRegistry(Path.of(configured));
        }
        Path local = Path.of("templates");
        if (Files.isRegularFile(local.resolve("index.json"))) {
            return new ProfileRegistry(local);
        }
        return new ProfileRegistry(null);
    }

    public Path root() {
        return root;
    }

    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        index().path("profiles").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    public List<Profile> profiles() {
        return ids().stream().map(this::get).toList();
    }

    public Profile defaultProfile() {
        return get(index().path("default").asText(ids().get(0)));
    }

    /** The profile whose years cover the report year; the default profile when none does. */
    public Profile forYear(int year) {
        return profiles().stream().filter(p -> p.province() != null && !p.province().equals("全国"))
                .filter(p -> p.coversYear(year)).findFirst().orElseGet(this::defaultProfile);
    }

    public boolean exists(String id) {
        return id != null && ids().contains(id);
    }

    public Profile get(String id) {
        if (!exists(id)) {
            throw JuesuanException.badRequest("unknown_profile",
                    "未知的表样（profile）：" + id + "。可用的有：" + String.join("、", ids()));
        }
        long stamp = stamp(id);
        Stamped<Profile> cached = profiles.getIfPresent(id);
        if (cached == null || cached.stamp() != stamp) {
            cached = new Stamped<>(stamp, load(id));
            profiles.put(id, cached);
        }
        return cached.value();
    }

    /** The jXLS template workbook of the profile, as bytes (fillers are not reusable; bytes are). */
    public byte[] templateBytes(String id) {
        get(id);
        String rel = id + "/template.xlsx";
        long stamp = modified(rel);
        Stamped<byte[]> cached = templates.getIfPresent(id);
        if (cached == null || cached.stamp() != stamp) {
            cached = new Stamped<>(stamp, bytes(rel));
            templates.put(id, cached);
        }
        return cached.value();
    }

    public Path templatePath(String id) {
        if (root == null) {
            throw new IllegalStateException("templates are inside the jar");
        }
        return root.resolve(id).resolve("template.xlsx");
    }

    /** Another data file of a profile ("carry-forward.json"), or empty when the profile has none. */
    public java.util.Optional<byte[]> profileFile(String id, String relativePath) {
        get(id);
        try {
            return java.util.Optional.of(bytes(id + "/" + relativePath));
        } catch (UncheckedIOException missing) {
            return java.util.Optional.empty();
        }
    }

    private Profile load(String id) {
        try {
            JsonNode p = Json.MAPPER.readTree(bytes(id + "/profile.json"));
            List<TableLayout> tables = new ArrayList<>();
            for (JsonNode file : p.path("tables")) {
                tables.add(Json.MAPPER.readValue(bytes(id + "/tables/" + file.asText()), TableLayout.class));
            }
            List<String> notes = new ArrayList<>();
            p.path("notes").forEach(n -> notes.add(n.asText()));
            return new Profile(p.path("id").asText(id), p.path("name").asText(), p.path("province").asText(),
                    p.path("fromYear").asInt(), p.path("toYear").isNull() || p.path("toYear").isMissingNode()
                    ? null : p.path("toYear").asInt(), p.path("moneyUnit").asText("万元"),
                    p.path("default").asBoolean(false), tables, notes);
        } catch (IOException e) {
            throw new JuesuanException("profile_broken", 500, "表样 " + id + " 的描述文件无法读取：" + e.getMessage(), e);
        }
    }

    private JsonNode index() {
        try {
            return Json.MAPPER.readTree(bytes("index.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long stamp(String id) {
        if (root == null) {
            return 0;
        }
        try (var files = Files.walk(root.resolve(id))) {
            return files.filter(f -> f.toString().endsWith(".json")).mapToLong(f -> f.toFile().lastModified()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private long modified(String rel) {
        return root == null ? 0 : root.resolve(rel).toFile().lastModified();
    }

    private byte[] bytes(String rel) {
        try {
            if (root != null) {
                return Files.readAllBytes(root.resolve(rel));
            }
            try (InputStream in = ProfileRegistry.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + rel)) {
                if (in == null) {
                    throw new IOException("missing resource " + CLASSPATH_ROOT + rel);
                }
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
