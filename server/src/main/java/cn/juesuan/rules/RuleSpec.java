package cn.juesuan.rules;

import cn.juesuan.layout.Profile;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** One rule object of a rule file, with checked accessors whose errors name the file and the rule. */
final class RuleSpec {
    final JsonNode node;
    final String file;
    final Profile profile;
    /** The file's shared "parameters" (its chosen variant laid over them), or null. */
    final JsonNode parameters;

    RuleSpec(JsonNode node, String file, Profile profile) {
        this(node, file, profile, null);
    }

    RuleSpec(JsonNode node, String file, Profile profile, JsonNode parameters) {
        this.node = node;
        this.file = file;
        this.profile = profile;
        this.parameters = parameters;
    }

    private static final java.util.Set<String> COMMON = java.util.Set.of("id", "kind", "severity", "description",
            "source", "message", "tolerance", "fromYear", "toYear");

    /** Rejects fields the kind does not know (a typo would otherwise be silently ignored). */
    void allow(String... kindFields) {
        java.util.Set<String> ok = new java.util.HashSet<>(COMMON);
        ok.addAll(List.of(kindFields));
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ok.contains(f)) {
                throw error("不认识的字段 " + f + "（" + kind() + " 可用：" + String.join("、", new java.util.TreeSet<>(ok)) + "）");
            }
        }
    }

    String id() {
        return node.path("id").asText("");
    }

    String kind() {
        return node.path("kind").asText("");
    }

    IllegalArgumentException error(String what) {
        return new IllegalArgumentException(file + " 中的规则 " + (id().isEmpty() ? "（无 id）" : id()) + "：" + what);
    }

    boolean has(String field) {
        return node.hasNonNull(field);
    }

    String text(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            throw error("缺少 " + field);
        }
        if (!n.isTextual()) {
            throw error(field + " 应为字符串");
        }
        return n.asText();
    }

    String text(String field, String fallback) {
        return has(field) ? text(field) : fallback;
    }

    /** A list of strings; "*" (or the field missing, when allowed) is returned as null = "all". */
    List<String> listOrAll(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull() || n.isTextual() && n.asText().equals("*")) {
            return null;
        }
        return strings(n, field);
    }

    List<String> list(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        return strings(n, field);
    }

    private List<String> strings(JsonNode n, String field) {
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        if (!n.isArray()) {
            throw error(field + " 应为字符串数组或 \"*\"");
        }
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
            JsonNode e = it.next();
            if (!e.isTextual()) {
                throw error(field + " 中应全为字符串");
            }
            out.add(e.asText());
        }
        return out;
    }

    Severity severity(String field, Severity fallback) {
        if (!has(field)) {
            return fallback;
        }
        try {
            return Severity.parse(text(field));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    Integer integer(String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw error(field + " 应为整数");
        }
        return n.asInt();
    }

    Expr expr(String field) {
        return expr(node.get(field), field);
    }

    Expr expr(JsonNode n, String field) {
        if (n == null || !n.isTextual()) {
            throw error("缺少表达式 " + field);
        }
        try {
            Expr e = Expr.parse(n.asText());
            e.validate(profile);
            return e;
        } catch (IllegalArgumentException e) {
            throw error(field + "：" + e.getMessage());
        }
    }

    void requireTable(String table) {
        if (profile.table(table).isEmpty()) {
            throw error("表样 " + profile.id() + " 中没有表 " + table);
        }
    }
}
