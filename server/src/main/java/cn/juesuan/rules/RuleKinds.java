package cn.juesuan.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The rule kinds a rule file may name, like jXLS commands: kind name → factory. {@code row-sum} and
 * {@code column-sum} are not here: they are derived from the layout descriptors' "sum" fields
 * ({@link RuleSetLoader#derive}).
 */
final class RuleKinds {
    private static final Map<String, Function<RuleSpec, Rule>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("equal", s -> new CompareRule(s, Identity.Op.EQ));
        KINDS.put("ge", s -> new CompareRule(s, Identity.Op.GE));
        KINDS.put("le", s -> new CompareRule(s, Identity.Op.LE));
        KINDS.put(HierarchyRule.KIND, HierarchyRule::new);
        KINDS.put("balance", BalanceRule::new);
        KINDS.put("non-negative", NonNegativeRule::new);
        KINDS.put("code-catalogue", CodeCatalogueRule::new);
        KINDS.put("empty-table-note", EmptyTableNoteRule::new);
        KINDS.put("unit-magnitude", UnitMagnitudeRule::new);
        KINDS.put("required", RequiredRule::new);
        KINDS.put(CarryOverRule.KIND, CarryOverRule::new);
        KINDS.put(PreviousFiguresRule.KIND, PreviousFiguresRule::new);
        KINDS.put(SameUnitRule.KIND, SameUnitRule::new);
        for (String k : cn.juesuan.selfeval.EvalChecks.kinds()) {
            KINDS.put(k, SelfEvalRule::new);
        }
    }

    private RuleKinds() {
    }

    static Map<String, Function<RuleSpec, Rule>> all() {
        return Collections.unmodifiableMap(KINDS);
    }

    static Rule create(RuleSpec s) {
        String kind = s.kind();
        if (kind.equals(RowSumRule.KIND) || kind.equals(ColumnSumRule.KIND)) {
            throw s.error(kind + " 由表样描述的 sum 自动生成，不要写进规则文件");
        }
        Function<RuleSpec, Rule> f = KINDS.get(kind);
        if (f == null) {
            throw s.error("未知的规则种类“" + kind + "”，可用：" + String.join("、", KINDS.keySet()));
        }
        return f.apply(s);
    }
}
