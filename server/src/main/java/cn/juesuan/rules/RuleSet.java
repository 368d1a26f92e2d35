package cn.juesuan.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The rules of one profile: those derived from the layout descriptors' sums, then those of the rule files, with the
 * settings of rules/index.json (tolerance per cell by 金额单位, severities of reader notes).
 */
final class RuleSet {
    static final BigDecimal DEFAULT_PER_CELL = new BigDecimal("0.005");
    static final Map<String, Severity> DEFAULT_READ_NOTES = Map.ofEntries(
            Map.entry("text_number", Severity.ERROR),
            Map.entry("unit_in_cell", Severity.ERROR),
            Map.entry("malformed_number", Severity.ERROR),
            Map.entry("not_a_number", Severity.ERROR),
            Map.entry("formula_error", Severity.ERROR),
            Map.entry("date_in_amount", Severity.ERROR),
            Map.entry("bad_code_length", Severity.ERROR),
            Map.entry("duplicate_row", Severity.ERROR),
            Map.entry("missing_table", Severity.ERROR),
            Map.entry("missing_row", Severity.ERROR),
            Map.entry("unknown_row", Severity.WARNING),
            Map.entry("column_not_found", Severity.WARNING),
            Map.entry("label_by_line", Severity.INFO));

    final String profile;
    final List<Rule> rules;
    private final Map<String, BigDecimal> perCell;
    private final Map<String, Severity> readNotes;

    RuleSet(String profile, List<Rule> rules, Map<String, BigDecimal> perCell, Map<String, Severity> readNotes) {
        this.profile = profile;
        this.rules = List.copyOf(rules);
        this.perCell = Map.copyOf(perCell);
        this.readNotes = Map.copyOf(readNotes);
    }

    BigDecimal perCell(String moneyUnit) {
        return perCell.getOrDefault(moneyUnit == null ? "万元" : moneyUnit, DEFAULT_PER_CELL);
    }

    Severity readNoteSeverity(String code) {
        Severity s = readNotes.get(code);
        if (s == null) {
            s = DEFAULT_READ_NOTES.get(code);
        }
        return s == null ? Severity.WARNING : s;
    }

    boolean hasKind(String kind) {
        return rules.stream().anyMatch(r -> r.kind().equals(kind));
    }

    Rule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    int size() {
        return rules.size();
    }
}
