package cn.juesuan.rules;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads templates/&lt;profile&gt;/rules/: index.json (settings and the list of rule files, in order) and the rule
 * files; derives the row-sum and column-sum rules from the layout descriptors. Every reference is checked against
 * the profile while loading, so a broken rule file fails at once with its file and rule named.
 */
final class RuleSetLoader {
    static final String FOLDER = "rules";
    private static final String CLASSPATH_ROOT = "templates/";

    private RuleSetLoader() {
    }

    /** @param root the templates folder, or null for the copy inside the jar */
    static RuleSet load(Profile profile, Path root) {
        String base = profile.id() + "/" + FOLDER + "/";
        try {
            byte[] indexBytes = bytes(root, base + "index.json");
            JsonNode index = indexBytes == null ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(indexBytes);
            for (java.util.Iterator<String> it = index.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!Set.of("profile", "description", "files", "tolerance", "derived", "readNotes").contains(f)) {
                    throw new IllegalArgumentException("index.json 中不认识的字段 " + f);
                }
            }
            Map<String, BigDecimal> perCell = new HashMap<>();
            index.path("tolerance").path("perCell").fields()
                    .forEachRemaining(e -> perCell.put(e.getKey(), new BigDecimal(e.getValue().asText())));
            Map<String, Severity> readNotes = new HashMap<>();
            index.path("readNotes").fields()
                    .forEachRemaining(e -> readNotes.put(e.getKey(), Severity.parse(e.getValue().asText())));
            JsonNode derived = index.path("derived");
            Map<String, String> names = new HashMap<>();
            derived.path("names").fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().asText()));

            List<Rule> rules = new ArrayList<>(derive(profile,
                    derived.hasNonNull("severity") ? Severity.parse(derived.get("severity").asText()) : Severity.ERROR,
                    names, derived.path("rowMessage").asText(null), derived.path("columnMessage").asText(null)));
            Set<String> derivedIds = new HashSet<>();
            rules.forEach(r -> derivedIds.add(r.id()));
            Set<String> original = new HashSet<>();
            derive(profile, Severity.ERROR, Map.of(), null, null).forEach(r -> original.add(r.id()));
            for (String n : names.keySet()) {
                if (!original.contains(n)) {
                    throw new IllegalArgumentException("index.json 的 derived.names 中 " + n
                            + " 不是由表样描述生成的规则（格式：SUM-ROW/表键/行键、SUM-COL/表键/列键）");
                }
            }
            Set<String> ids = new HashSet<>(derivedIds);
            for (JsonNode f : index.path("files")) {
                String file = f.asText();
                byte[] b = bytes(root, base + file);
                if (b == null) {
                    throw new IllegalArgumentException("index.json 列出的规则文件 " + file + " 不存在");
                }
                JsonNode doc = Json.MAPPER.readTree(b);
                JsonNode shared = parameters(doc, file);
                for (JsonNode r : doc.path("rules")) {
                    RuleSpec spec = new RuleSpec(r, base + file, profile, shared);
                    if (spec.id().isBlank()) {
                        throw spec.error("缺少 id");
                    }
                    if (!ids.add(spec.id())) {
                        throw spec.error("id 重复");
                    }
                    rules.add(RuleKinds.create(spec));
                }
            }
            return new RuleSet(profile.id(), rules, perCell, readNotes);
        } catch (IOException | IllegalArgumentException e) {
            throw new JuesuanException("rules_broken", 500, "表样 " + profile.id() + " 的校验规则无法加载："
                    + e.getMessage(), e);
        }
    }

    /**
     * A rule file's shared "parameters" with the "variants" entry named by "variant" laid over them (e.g. the Hubei
     * 20/80 weights of the self-evaluation rules); null when the file has neither.
     */
    static JsonNode parameters(JsonNode doc, String file) {
        if (!doc.has("parameters") && !doc.has("variants")) {
            return null;
        }
        ObjectNode p = doc.path("parameters").isObject() ? doc.get("parameters").deepCopy() : Json.MAPPER.createObjectNode();
        JsonNode variant = doc.get("variant");
        if (variant != null && !variant.isNull()) {
            JsonNode over = doc.path("variants").path(variant.asText());
            if (!over.isObject()) {
                throw new IllegalArgumentException(file + "：variant “" + variant.asText() + "” 不在 variants 中");
            }
            p.setAll((ObjectNode) over);
        }
        return p;
    }

    /** The row-sum and column-sum rules of every "sum" in the profile's descriptors. */
    static List<Rule> derive(Profile profile, Severity severity, Map<String, String> names, String rowMessage,
                             String columnMessage) {
        List<Rule> out = new ArrayList<>();
        for (TableLayout t : profile.tables()) {
            for (BlockDef b : t.blocks()) {
                for (RowDef r : b.rows()) {
                    if (r.key() != null && r.isSum()) {
                        String id = "SUM-ROW/" + t.key() + "/" + r.key();
                        out.add(new RowSumRule(names.getOrDefault(id, id), t.key(), b, r, severity, rowMessage));
                    }
                }
                for (ColumnDef c : b.columns()) {
                    if (c.isAmount() && !c.sum().isEmpty()) {
                        String id = "SUM-COL/" + t.key() + "/" + (t.blocks().size() > 1 ? b.key() + "." : "") + c.key();
                        out.add(new ColumnSumRule(names.getOrDefault(id, id), t.key(), b, c, severity, columnMessage));
                    }
                }
            }
        }
        return out;
    }

    /** Sum of modification times and count of the rule files on disk, to notice changes; 0 inside the jar. */
    static long stamp(Path root, String profileId) {
        if (root == null) {
            return 0;
        }
        Path dir = root.resolve(profileId).resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .mapToLong(f -> f.toFile().lastModified() * 31 + f.getFileName().toString().hashCode()).sum();
        } catch (IOException e) {
            return -2;
        }
    }

    private static byte[] bytes(Path root, String rel) throws IOException {
        if (root != null) {
            Path p = root.resolve(rel);
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        }
        try (InputStream in = RuleSetLoader.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + rel)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
