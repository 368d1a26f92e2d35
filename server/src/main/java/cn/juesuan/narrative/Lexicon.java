package cn.juesuan.narrative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a phrase of the narrative refers to: aliases → figure keys, for the whole text ("general") and per section of
 * the 第二部分 (a section's entries take precedence). Built from the wording's lexicon and the tables' own labels:
 * income sources, parts of 本年支出合计, the 类/款/项 names (section 五) and the 经济分类 items (section 六).
 */
final class Lexicon {
    static final String GENERAL = "general";

    /** An alias found in a text: where it ends and the figures it may mean. */
    record Match(int start, int end, List<String> keys) {
    }

    private final Map<String, Map<String, List<String>>> merged = new HashMap<>();

    Lexicon(Figures f, Wording w) {
        Map<String, List<String>> general = new LinkedHashMap<>();
        for (String k : f.incomeSources()) {
            add(general, f.q(k).label(), k);
        }
        for (String k : f.expenseKinds()) {
            add(general, f.q(k).label(), k);
        }
        addAll(general, w.lexicon(GENERAL));
        merged.put(GENERAL, general);
        for (Wording.SectionDef s : w.sections()) {
            Map<String, List<String>> m = new LinkedHashMap<>(general);
            Map<String, List<String>> own = new LinkedHashMap<>();
            addAll(own, w.lexicon(s.id()));
            if (s.id().equals("s5")) {
                for (Map.Entry<String, Quantity> e : f.all().entrySet()) {
                    if (e.getKey().startsWith("subject.")) {
                        String name = e.getValue().label();
                        add(own, name, e.getKey());
                        if (Figures.codeOf(e.getKey()).length() == 3 && name.endsWith("支出") && name.length() > 2) {
                            add(own, name.substring(0, name.length() - 2), e.getKey());
                        }
                    }
                }
            }
            if (s.id().equals("s6")) {
                for (String k : f.personnelItems()) {
                    add(own, f.q(k).label(), k);
                }
                for (String k : f.publicItems()) {
                    add(own, f.q(k).label(), k);
                }
            }
            m.putAll(own); // a section's meaning of a word replaces the general one
            merged.put(s.id(), m);
        }
    }

    private static void addAll(Map<String, List<String>> into, Map<String, List<String>> byKey) {
        Map<String, List<String>> own = new LinkedHashMap<>();
        byKey.forEach((key, aliases) -> aliases.forEach(a -> add(own, a, key)));
        into.putAll(own);
    }

    private static void add(Map<String, List<String>> m, String alias, String key) {
        String a = Norm.key(alias);
        if (a.isEmpty()) {
            return;
        }
        List<String> keys = m.computeIfAbsent(a, x -> new ArrayList<>());
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    /** The alias ending last in text[from, to) (the longest of those ending there), or null. */
    Match find(String section, String text, int from, int to) {
        Map<String, List<String>> m = merged.getOrDefault(section == null ? GENERAL : section, merged.get(GENERAL));
        Match best = null;
        String region = text.substring(from, to);
        for (Map.Entry<String, List<String>> e : m.entrySet()) {
            int at = region.lastIndexOf(e.getKey());
            if (at < 0) {
                continue;
            }
            int start = from + at;
            int end = start + e.getKey().length();
            if (best == null || end > best.end() || end == best.end() && start < best.start()) {
                best = new Match(start, end, e.getValue());
            }
        }
        return best;
    }
}
