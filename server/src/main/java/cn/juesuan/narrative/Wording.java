package cn.juesuan.narrative;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences and vocabulary of the narrative, as data: templates/narrative/default.json, overridden entry by entry by
 * templates/narrative/&lt;profile&gt;.json. Read from the templates folder on disk when there is one, else from the jar.
 */
public final class Wording {
    static final String FOLDER = "narrative";
    private static final Pattern VAR = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    /** A section of the 第二部分 and the heading words that open it. */
    public record SectionDef(String id, List<String> keywords) {
    }

    private final Map<String, String> text;
    private final Map<String, Boolean> options;
    private final List<SectionDef> sections;
    /** section id ("general", "s1" …) → quantity key → aliases. */
    private final Map<String, Map<String, List<String>>> lexicon;

    private Wording(Map<String, String> text, Map<String, Boolean> options, List<SectionDef> sections,
                    Map<String, Map<String, List<String>>> lexicon) {
        this.text = text;
        this.options = options;
        this.sections = sections;
        this.lexicon = lexicon;
    }

    /** The wording of a profile: default.json with the profile's file (if any) laid over it. */
    public static Wording load(Path templatesRoot, String profileId) {
        JsonNode base = read(templatesRoot, "default.json");
        if (base == null) {
            throw new JuesuanException("narrative_wording_missing", 500, "缺少决算说明措辞文件 templates/narrative/default.json。");
        }
        Map<String, String> text = new LinkedHashMap<>();
        Map<String, Boolean> options = new LinkedHashMap<>();
        List<SectionDef> sections = new ArrayList<>();
        Map<String, Map<String, List<String>>> lexicon = new LinkedHashMap<>();
        apply(base, text, options, sections, lexicon);
        JsonNode overlay = profileId == null ? null : read(templatesRoot, profileId + ".json");
        if (overlay != null) {
            apply(overlay, text, options, sections, lexicon);
        }
        return new Wording(Collections.unmodifiableMap(text), Collections.unmodifiableMap(options),
                List.copyOf(sections), lexicon);
    }

    private static void apply(JsonNode n, Map<String, String> text, Map<String, Boolean> options, List<SectionDef> sections,
                              Map<String, Map<String, List<String>>> lexicon) {
        n.path("text").fields().forEachRemaining(e -> text.put(e.getKey(), e.getValue().asText()));
        n.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asBoolean()));
        if (n.has("sections")) {
            sections.clear();
            for (JsonNode s : n.path("sections")) {
                List<String> words = new ArrayList<>();
                s.path("keywords").forEach(k -> words.add(k.asText()));
                sections.add(new SectionDef(s.path("id").asText(), List.copyOf(words)));
            }
        }
        n.path("lexicon").fields().forEachRemaining(sec -> {
            Map<String, List<String>> m = lexicon.computeIfAbsent(sec.getKey(), k -> new LinkedHashMap<>());
            sec.getValue().fields().forEachRemaining(e -> {
                List<String> aliases = new ArrayList<>();
                e.getValue().forEach(a -> aliases.add(a.asText()));
                m.put(e.getKey(), List.copyOf(aliases));
            });
        });
    }

    private static JsonNode read(Path root, String file) {
        try {
            if (root != null) {
                Path p = root.resolve(FOLDER).resolve(file);
                if (Files.isRegularFile(p)) {
                    return Json.MAPPER.readTree(Files.readAllBytes(p));
                }
                if (Files.isRegularFile(root.resolve(FOLDER).resolve("default.json"))) {
                    return null; // a templates folder with its own wording: the jar's files do not mix in
                }
            }
            try (InputStream in = Wording.class.getClassLoader().getResourceAsStream("templates/" + FOLDER + "/" + file)) {
                return in == null ? null : Json.MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new JuesuanException("narrative_wording_broken", 500, "决算说明措辞文件 " + file + " 无法读取：" + e.getMessage(), e);
        }
    }

    /** The template of a key with its {variables} replaced. */
    public String t(String key, Map<String, String> vars) {
        String template = text.get(key);
        if (template == null) {
            throw new IllegalStateException("narrative wording has no entry " + key);
        }
        Matcher m = VAR.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = vars.get(m.group(1));
            if (v == null) {
                throw new IllegalStateException("wording " + key + " needs {" + m.group(1) + "}");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    public String t(String key) {
        return t(key, Map.of());
    }

    public boolean option(String name) {
        return options.getOrDefault(name, false);
    }

    public List<SectionDef> sections() {
        return sections;
    }

    /** Aliases by quantity key for a section ("general" for the whole text). */
    public Map<String, List<String>> lexicon(String section) {
        return lexicon.getOrDefault(section, Map.of());
    }
}
