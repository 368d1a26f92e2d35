package cn.juesuan.narrative;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.codes.CodeEntry;
import cn.juesuan.codes.NameRules;
import cn.juesuan.codes.Scheme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks "科学技术支出（类）其他科学技术支出（款）科技奖励（项）" paths: the 项 (or 款) named must belong to the 款 and 类
 * named, by the workbook's own rows and the code catalogue (seed 004's 名词解释 puts 科技奖励 under 科技重大项目（款）).
 */
final class PathCheck {
    private static final Pattern PART = Pattern.compile("([^()\\d.,;:、。\"'…]+?)\\((类|款|项)\\)");
    private static final String[] LEVELS = {"类", "款", "项"};

    /** A problem with one path: 错误 when the path is wrong, 提示 when only the name is written differently. */
    record Problem(boolean wrongPath, String message, int start, int end) {
    }

    private final Map<String, Set<String>> namesByCode = new LinkedHashMap<>();
    private final Set<String> inWorkbook = new LinkedHashSet<>();

    PathCheck(Figures f, CodeCatalogue catalogue) {
        for (Map.Entry<String, Quantity> e : f.all().entrySet()) {
            if (e.getKey().startsWith("subject.") && f.data().table("gpb_expenditure").rows().stream()
                    .anyMatch(r -> Figures.codeOf(e.getKey()).equals(r.code()))) {
                String code = Figures.codeOf(e.getKey());
                inWorkbook.add(code);
                namesByCode.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(e.getValue().label());
            }
        }
        f.data().tables().values().forEach(t -> t.rows().forEach(r -> {
            if (r.code() != null && r.name() != null && r.code().matches("\\d{3}|\\d{5}|\\d{7}")) {
                inWorkbook.add(r.code());
                namesByCode.computeIfAbsent(r.code(), c -> new LinkedHashSet<>()).add(r.name());
            }
        }));
        if (catalogue != null) {
            for (CodeEntry e : catalogue.entries(Scheme.FUNCTION)) {
                namesByCode.computeIfAbsent(e.code(), c -> new LinkedHashSet<>()).add(e.name());
            }
        }
    }

    /** Problems of every 类/款/项 path in a normalised paragraph. */
    List<Problem> check(String text) {
        List<Problem> out = new ArrayList<>();
        List<String[]> path = new ArrayList<>();
        int pathStart = -1;
        int lastLevel = -1;
        int lastEnd = -1;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            int level = level(m.group(2));
            boolean continues = lastEnd >= 0 && m.start() == lastEnd && level > lastLevel;
            if (!continues) {
                checkPath(path, pathStart, lastEnd, out);
                path.clear();
                pathStart = m.start();
            }
            path.add(new String[]{m.group(1), m.group(2)});
            lastLevel = level;
            lastEnd = m.end();
        }
        checkPath(path, pathStart, lastEnd, out);
        return out;
    }

    private void checkPath(List<String[]> path, int start, int end, List<Problem> out) {
        if (path.size() < 2) {
            return;
        }
        String[] leaf = path.get(path.size() - 1);
        if (leaf[1].equals("类")) {
            return;
        }
        String lei = nameAt(path, "类");
        String kuan = nameAt(path, "款");
        int leafLen = leaf[1].equals("项") ? 7 : 5;
        List<String> exact = codesNamed(leaf[0], leaf[1], leafLen, false);
        List<String> candidates = exact.isEmpty() ? codesNamed(leaf[0], leaf[1], leafLen, true) : exact;
        if (candidates.isEmpty()) {
            return; // a name the tables and the catalogue do not know: nothing to compare with
        }
        List<String> fitting = candidates.stream().filter(c -> fits(c, lei, kuan)).toList();
        if (!fitting.isEmpty()) {
            if (exact.isEmpty()) {
                String c = preferred(fitting);
                out.add(new Problem(false, "“" + leaf[0] + "（" + leaf[1] + "）”的名称应为“" + first(c) + "”（" + c + "）。",
                        start, end));
            }
            return;
        }
        List<String> known = candidates.stream().filter(inWorkbook::contains).toList();
        List<String> pool = known.isEmpty() ? candidates : known;
        if (pool.size() > 1) {
            return; // the same name under several 款, none of them the one written: cannot tell which was meant
        }
        String c = pool.get(0);
        StringBuilder msg = new StringBuilder("科目路径不对：");
        msg.append("“").append(leaf[0]).append("（").append(leaf[1]).append("）”（").append(c).append("）属于");
        if (leafLen == 7) {
            msg.append("“").append(first(c.substring(0, 5))).append("（款）”（").append(c, 0, 5).append("）");
        }
        msg.append(leafLen == 7 ? "，" : "").append("“").append(first(c.substring(0, 3))).append("（类）”（")
                .append(c, 0, 3).append("）");
        msg.append("，文中写作");
        if (lei != null) {
            msg.append("“").append(lei).append("（类）”");
        }
        if (kuan != null && leafLen == 7) {
            msg.append("“").append(kuan).append("（款）”");
        }
        msg.append("。");
        out.add(new Problem(true, msg.toString(), start, end));
    }

    private boolean fits(String code, String lei, String kuan) {
        boolean kuanOk = kuan == null || code.length() < 7 || matches(code.substring(0, 5), kuan, "款");
        boolean leiOk = lei == null || matches(code.substring(0, 3), lei, "类");
        return kuanOk && leiOk;
    }

    /** The written name ends with one of the code's names (the first part of a path may carry words before it). */
    private boolean matches(String code, String written, String level) {
        String w = NameRules.key(written, level);
        return namesByCode.getOrDefault(code, Set.of()).stream().anyMatch(n -> w.endsWith(NameRules.key(n, level)));
    }

    /** Codes of the level whose name is the written one (or, loosely, the written one plus “支出”). */
    private List<String> codesNamed(String written, String level, int length, boolean loose) {
        List<String> out = new ArrayList<>();
        String w = NameRules.key(written, level);
        for (Map.Entry<String, Set<String>> e : namesByCode.entrySet()) {
            if (e.getKey().length() != length) {
                continue;
            }
            for (String n : e.getValue()) {
                String k = NameRules.key(n, level);
                if (loose ? k.equals(w + "支出") : k.equals(w)) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        return out;
    }

    private String preferred(List<String> codes) {
        return codes.stream().filter(inWorkbook::contains).findFirst().orElse(codes.get(0));
    }

    private String first(String code) {
        return namesByCode.getOrDefault(code, Set.of()).stream().findFirst().orElse(code);
    }

    private static String nameAt(List<String[]> path, String level) {
        return path.stream().filter(p -> p[1].equals(level)).map(p -> p[0]).findFirst().orElse(null);
    }

    private static int level(String l) {
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(l)) {
                return i;
            }
        }
        return -1;
    }
}
