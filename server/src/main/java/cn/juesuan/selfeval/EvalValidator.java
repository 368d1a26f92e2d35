package cn.juesuan.selfeval;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.model.SelfEvaluation;
import cn.juesuan.read.ReadNote;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookMap;
import cn.juesuan.read.WorkbookMap.CellLoc;
import cn.juesuan.read.WorkbookMap.EvalLoc;
import cn.juesuan.rules.Finding;
import cn.juesuan.rules.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The scoring and validation rules of self-evaluation sheets, as data: templates/&lt;profile&gt;/rules/self-evaluation.json
 * (shared "parameters", optional "variants" chosen by "variant", and "rules" of the kinds in {@link EvalChecks}).
 */
public final class EvalValidator {
    public static final String FILE = "rules/self-evaluation.json";

    /** One rule of the file. */
    public record Rule(String id, String kind, Severity severity, String description, Set<String> sheets,
                       EvalChecks.Params params) {
        boolean appliesTo(String sheetKind) {
            return sheets.isEmpty() || sheets.contains(sheetKind);
        }
    }

    private final List<Rule> rules;
    private final Map<String, EvalSheetLayout> layouts = new LinkedHashMap<>();
    private final String variant;

    private EvalValidator(List<Rule> rules, List<EvalSheetLayout> layouts, String variant) {
        this.rules = List.copyOf(rules);
        layouts.forEach(l -> this.layouts.put(l.key(), l));
        this.variant = variant;
    }

    /** The profile's rules; none when the profile has no self-evaluation rule file. */
    public static EvalValidator load(ProfileRegistry registry, Profile profile) {
        byte[] bytes = registry.optionalFile(profile.id() + "/" + FILE);
        if (bytes == null) {
            return new EvalValidator(List.of(), registry.evalSheets(), null);
        }
        try {
            return of(Json.MAPPER.readTree(bytes), registry.evalSheets(), null);
        } catch (IOException | IllegalArgumentException e) {
            throw new JuesuanException("rules_broken", 500, "表样 " + profile.id() + " 的绩效自评规则（" + FILE + "）无法加载："
                    + e.getMessage(), e);
        }
    }

    /**
     * Rules from a parsed rule file.
     *
     * @param variant a key of the file's "variants" to use instead of the file's own "variant", or null
     */
    public static EvalValidator of(JsonNode doc, List<EvalSheetLayout> layouts, String variant) {
        String chosen = variant != null ? variant : doc.path("variant").isTextual() ? doc.path("variant").asText() : null;
        ObjectNode shared = doc.path("parameters").isObject() ? ((ObjectNode) doc.get("parameters")).deepCopy()
                : Json.MAPPER.createObjectNode();
        if (chosen != null) {
            JsonNode v = doc.path("variants").path(chosen);
            if (!v.isObject()) {
                throw new IllegalArgumentException("没有名为“" + chosen + "”的 variants");
            }
            shared.setAll((ObjectNode) v);
        }
        Set<String> kinds = new HashSet<>();
        layouts.forEach(l -> kinds.add(l.key()));
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode r : doc.path("rules")) {
            String id = r.path("id").asText("");
            String kind = r.path("kind").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                throw new IllegalArgumentException("规则 id 缺失或重复：“" + id + "”");
            }
            if (!EvalChecks.kinds().containsKey(kind)) {
                throw new IllegalArgumentException("规则 " + id + "：未知的规则种类“" + kind + "”，可用：" + String.join("、",
                        EvalChecks.kinds().keySet()));
            }
            Set<String> sheets = new HashSet<>();
            for (JsonNode s : r.path("sheets")) {
                if (!kinds.contains(s.asText())) {
                    throw new IllegalArgumentException("规则 " + id + "：未知的绩效自评表种类“" + s.asText() + "”");
                }
                sheets.add(s.asText());
            }
            Severity severity = r.hasNonNull("severity") ? Severity.parse(r.get("severity").asText()) : Severity.ERROR;
            rules.add(new Rule(id, kind, severity, r.path("description").asText(""), sheets, new EvalChecks.Params(r, shared)));
        }
        return new EvalValidator(rules, layouts, chosen);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The variant in use, or null. */
    public String variant() {
        return variant;
    }

    /** Findings of every rule on every self-evaluation sheet of a read workbook, sorted by sheet and position. */
    public List<Finding> validate(ReadResult read) {
        List<Finding> out = new ArrayList<>();
        List<SelfEvaluation> evals = read.data().selfEvaluations();
        List<String> sheetOrder = sheetOrder(read.map());
        for (int i = 0; i < evals.size(); i++) {
            SelfEvaluation e = evals.get(i);
            EvalSheetLayout layout = layouts.get(e.kind());
            if (layout == null) {
                continue;
            }
            EvalLoc loc = i < read.map().evals().size() ? read.map().evals().get(i) : null;
            EvalChecks.Sheet sheet = new EvalChecks.Sheet(e, layout);
            for (Rule r : rules) {
                if (r.appliesTo(e.kind())) {
                    EvalChecks.kinds().get(r.kind()).run(sheet, r.params(), r.severity(),
                            (severity, message, paths, related, reported, computed) ->
                                    out.add(finding(r.id(), severity, message, layout, loc, sheetOrder, paths, related, reported, computed)));
                }
            }
        }
        for (ReadNote n : read.notes()) {
            if (n.table() != null && layouts.containsKey(n.table())) {
                out.add(readNote(n, sheetOrder));
            }
        }
        out.sort(Comparator.comparing(Finding::position));
        return out;
    }

    private static Finding finding(String ruleId, Severity severity, String message, EvalSheetLayout layout, EvalLoc loc,
                                   List<String> sheetOrder, List<String> paths, List<String> related,
                                   BigDecimal reported, BigDecimal computed) {
        List<String> cells = new ArrayList<>();
        List<String> relatedCells = new ArrayList<>();
        CellLoc first = null;
        if (loc != null) {
            for (String p : paths) {
                CellLoc c = loc.cell(p);
                if (c != null) {
                    cells.add(c.a1());
                    first = first == null ? c : first;
                }
            }
            for (String p : related) {
                CellLoc c = loc.cell(p);
                if (c != null) {
                    relatedCells.add(c.a1());
                }
            }
        }
        String sheet = loc == null ? null : loc.sheet();
        int sheetIndex = sheet == null ? 9_000 : sheetOrder.indexOf(sheet);
        Finding.Position pos = first != null ? new Finding.Position(sheetIndex, first.row(), first.col())
                : new Finding.Position(sheetIndex, loc == null ? -1 : loc.titleRow(), -1);
        BigDecimal diff = reported != null && computed != null ? reported.subtract(computed) : null;
        return new Finding(ruleId, severity, message, layout.key(), layout.title(), sheet, cells, relatedCells, null, null,
                reported, computed, diff, null, pos);
    }

    private static Finding readNote(ReadNote n, List<String> sheetOrder) {
        Severity s = switch (n.code()) {
            case "malformed_number", "not_a_number", "formula_error" -> Severity.ERROR;
            case "unit_in_score" -> Severity.INFO;
            default -> Severity.WARNING;
        };
        int sheetIndex = n.sheet() == null ? 9_000 : sheetOrder.indexOf(n.sheet());
        org.apache.poi.ss.util.CellReference ref = n.cell() == null ? null : new org.apache.poi.ss.util.CellReference(n.cell());
        return new Finding("READ-" + n.code(), s, n.message(), n.table(), null, n.sheet(),
                n.cell() == null ? List.of() : List.of(n.cell()), List.of(), null, null, null, null, null, null,
                new Finding.Position(sheetIndex, ref == null ? -1 : ref.getRow(), ref == null ? -1 : ref.getCol()));
    }

    /** Sheets in the order the reader met them: annex tables, then self-evaluation sheets. */
    private static List<String> sheetOrder(WorkbookMap map) {
        List<String> order = new ArrayList<>();
        map.tables().values().forEach(t -> {
            if (!order.contains(t.sheet())) {
                order.add(t.sheet());
            }
        });
        map.evals().forEach(e -> {
            if (!order.contains(e.sheet())) {
                order.add(e.sheet());
            }
        });
        return order;
    }
}
