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
    /** Folder of the self-evaluation sheet kinds (shared by all profiles). */
    public static final String EVAL_DIR = "selfeval";

    private final Path root;
    private final Cache<String, Stamped<Profile>> profiles = Caffeine.newBuilder().maximumSize(64).build();
    private final Cache<String, Stamped<byte[]>> templates = Caffeine.newBuilder().maximumSize(64).build();
    private final Cache<String, Stamped<List<EvalSheetLayout>>> evalSheets = Caffeine.newBuilder().maximumSize(1).build();

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

    /** The self-evaluation sheet kinds (templates/selfeval/), in their index order; none when the folder is absent. */
    public List<EvalSheetLayout> evalSheets() {
        if (!hasEvalSheets()) {
            return List.of();
        }
        long stamp = stamp(EVAL_DIR);
        Stamped<List<EvalSheetLayout>> cached = evalSheets.getIfPresent(EVAL_DIR);
        if (cached == null || cached.stamp() != stamp) {
            cached = new Stamped<>(stamp, loadEvalSheets());
            evalSheets.put(EVAL_DIR, cached);
        }
        return cached.value();
    }

    /** The sheet kind with this key; 400 with the list of kinds when there is none. */
    public EvalSheetLayout evalSheet(String key) {
        return evalSheets().stream().filter(l -> l.key().equals(key)).findFirst().orElseThrow(() ->
                JuesuanException.badRequest("unknown_self_evaluation_kind", "未知的绩效自评表种类：" + key + "。可用的有："
                        + String.join("、", evalSheets().stream().map(EvalSheetLayout::key).toList())));
    }

    /** The jXLS template of the self-evaluation sheets (one template sheet per kind). */
    public byte[] evalTemplateBytes() {
        String rel = EVAL_DIR + "/template.xlsx";
        long stamp = modified(rel);
        Stamped<byte[]> cached = templates.getIfPresent(rel);
        if (cached == null || cached.stamp() != stamp) {
            cached = new Stamped<>(stamp, bytes(rel));
            templates.put(rel, cached);
        }
        return cached.value();
    }

    public Path evalTemplatePath() {
        if (root == null) {
            throw new IllegalStateException("templates are inside the jar");
        }
        return root.resolve(EVAL_DIR).resolve("template.xlsx");
    }

    /** A data file of the templates folder (e.g. "sichuan-2024/rules/self-evaluation.json"), or null when absent. */
    public byte[] optionalFile(String rel) {
        if (root != null) {
            return Files.isRegularFile(root.resolve(rel)) ? bytes(rel) : null;
        }
        return ProfileRegistry.class.getClassLoader().getResource(CLASSPATH_ROOT + rel) == null ? null : bytes(rel);
    }

    private boolean hasEvalSheets() {
        if (root != null) {
            return Files.isRegularFile(root.resolve(EVAL_DIR).resolve("index.json"));
        }
        return ProfileRegistry.class.getClassLoader().getResource(CLASSPATH_ROOT + EVAL_DIR + "/index.json") != null;
    }

    private List<EvalSheetLayout> loadEvalSheets() {
        String file = EVAL_DIR + "/index.json";
        try {
            JsonNode index = Json.MAPPER.readTree(bytes(file));
            List<EvalSheetLayout> out = new ArrayList<>();
            for (JsonNode name : index.path("sheets")) {
                file = EVAL_DIR + "/sheets/" + name.asText();
                EvalSheetLayout layout = Json.MAPPER.readValue(bytes(file), EvalSheetLayout.class);
                EvalSheetPlan.of(layout); // geometry errors surface at load
                out.add(layout);
            }
            return List.copyOf(out);
        } catch (IOException | IllegalArgumentException e) {
            throw new JuesuanException("profile_broken", 500, "绩效自评表描述文件 " + file + " 无法读取：" + e.getMessage(), e);
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
