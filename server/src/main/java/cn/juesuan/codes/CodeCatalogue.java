package cn.juesuan.codes;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.Json;
import cn.juesuan.text.Text;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalogue of 功能分类 / 经济分类 codes by year, loaded from templates/codes (index.json lists the CSV files).
 *
 * <p>Year rule of {@link #lookup}: (1) the year's own verified rows; (2) only when the year has no verified rows
 * at all: the closest earlier year whose verified rows have the code; (3) unverified lists whose range covers the
 * year; otherwise the code is unknown for the year ({@link Lookup.Basis#OTHER_YEARS} when other years list it).
 * A year "has a list" when any verified row of the scheme covers it. Verified lists are partial, so a code
 * missing from them is not proof that it does not exist unless a file is marked "complete" in index.json.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class CodeCatalogue {
    /** Folder inside the templates root, and classpath location of the jar's copy. */
    public static final String FOLDER = "codes";
    private static final String CLASSPATH_ROOT = "templates/" + FOLDER + "/";
    private static final Pattern YEAR_RANGE = Pattern.compile("^\\s*(\\d{4}|\\?)?\\??\\s*[-–~]\\s*(\\d{4}|\\?)?\\??\\s*$");
    private static final Pattern ONE_YEAR = Pattern.compile("^\\s*(\\d{4})\\s*$");

    private final Map<Scheme, Map<String, List<CodeEntry>>> byCode = new EnumMap<>(Scheme.class);
    private final Map<Scheme, SortedSet<Integer>> verifiedYears = new EnumMap<>(Scheme.class);
    private final Map<Scheme, SortedSet<Integer>> completeYears = new EnumMap<>(Scheme.class);
    private final List<String> warnings = new ArrayList<>();
    private final String origin;

    private CodeCatalogue(String origin) {
        this.origin = origin;
        for (Scheme s : Scheme.values()) {
            byCode.put(s, new HashMap<>());
            verifiedYears.put(s, new TreeSet<>());
            completeYears.put(s, new TreeSet<>());
        }
    }

    /**
     * Loads the catalogue.
     *
     * @param rootOrNull the templates folder (the catalogue is in its codes/ subfolder); null, or a folder without
     *                   codes/index.json, = the copy inside the jar (classpath templates/codes/)
     */
    public static CodeCatalogue load(Path rootOrNull) {
        if (rootOrNull != null && Files.isRegularFile(rootOrNull.resolve(FOLDER).resolve("index.json"))) {
            Path dir = rootOrNull.resolve(FOLDER);
            return read(dir.toString(), rel -> Files.readAllBytes(dir.resolve(rel)));
        }
        return read("classpath:" + CLASSPATH_ROOT, rel -> {
            try (InputStream in = CodeCatalogue.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + rel)) {
                if (in == null) {
                    throw new IOException("missing resource " + CLASSPATH_ROOT + rel);
                }
                return in.readAllBytes();
            }
        });
    }

    /** "类"/"款"/"项" by code length, or null when the length is wrong (function 3/5/7, economic 3/5). */
    public static String levelOf(Scheme scheme, String code) {
        return scheme.levelOf(normalizeCode(code));
    }

    /** 2060101 → 20601 → 206 → null. Works on the normalised code; null for other lengths. */
    public static String parentOf(String code) {
        String c = normalizeCode(code);
        if (c == null) {
            return null;
        }
        return switch (c.length()) {
            case 7 -> c.substring(0, 5);
            case 5 -> c.substring(0, 3);
            default -> null;
        };
    }

    /** Half-width digits, spaces removed ("206 01 01" → "2060101"), a trailing ".0" of a numeric cell dropped. */
    public static String normalizeCode(String code) {
        if (code == null) {
            return null;
        }
        String c = Text.halfWidth(code).replaceAll("[\\s\\u00A0]+", "");
        if (c.matches("\\d+\\.0+")) {
            c = c.substring(0, c.indexOf('.'));
        }
        return c;
    }

    /** What the catalogue knows about a code in a year (see the class comment for the year rule). */
    public Lookup lookup(Scheme scheme, int year, String rawCode) {
        String code = normalizeCode(rawCode);
        String level = scheme.levelOf(code);
        boolean complete = completeYears.get(scheme).contains(year);
        if (level == null) {
            return new Lookup(scheme, year, code == null ? "" : code, null, Lookup.Basis.INVALID_CODE, null,
                    List.of(), null, false, complete);
        }
        List<CodeEntry> all = byCode.get(scheme).getOrDefault(code, List.of());
        List<CodeEntry> verified = all.stream().filter(CodeEntry::verified).toList();
        List<CodeEntry> unverified = all.stream().filter(e -> !e.verified()).toList();

        List<CodeEntry> exact = covering(verified, year);
        if (!exact.isEmpty()) {
            return new Lookup(scheme, year, code, level, Lookup.Basis.VERIFIED_YEAR, year, exact, null, false,
                    complete);
        }
        Integer nearestVerified = nearestYear(verified, year);
        if (!verifiedYears.get(scheme).contains(year)) {
            Integer earlier = verified.stream().filter(e -> e.fromYear() < year)
                    .map(e -> Math.min(e.toYear(), year - 1)).max(Integer::compare).orElse(null);
            if (earlier != null) {
                return new Lookup(scheme, year, code, level, Lookup.Basis.VERIFIED_EARLIER_YEAR, earlier,
                        covering(verified, earlier), nearestVerified, true, complete);
            }
        }
        List<CodeEntry> ranged = covering(unverified, year);
        if (!ranged.isEmpty()) {
            return new Lookup(scheme, year, code, level, Lookup.Basis.UNVERIFIED, null, ranged, nearestVerified,
                    nearestVerified != null, complete);
        }
        if (all.isEmpty()) {
            return new Lookup(scheme, year, code, level, Lookup.Basis.UNKNOWN, null, List.of(), null, false, complete);
        }
        boolean fromVerified = nearestVerified != null;
        int nearest = fromVerified ? nearestVerified : nearestYear(unverified, year);
        List<CodeEntry> there = covering(fromVerified ? verified : unverified, nearest);
        return new Lookup(scheme, year, code, level, Lookup.Basis.OTHER_YEARS, null, there, nearest, fromVerified,
                complete);
    }

    /** Compares a printed name with the catalogue name(s) of the code for the year (rules: {@link NameRules}). */
    public NameCheck checkName(Scheme scheme, int year, String code, String printedName) {
        Lookup l = lookup(scheme, year, code);
        List<String> names = l.known() ? l.names() : List.of();
        boolean matches = names.stream().anyMatch(n -> NameRules.same(printedName, n, l.level()));
        NameCheck.Status status = switch (l.basis()) {
            case VERIFIED_YEAR, VERIFIED_EARLIER_YEAR -> matches ? NameCheck.Status.MATCH : NameCheck.Status.MISMATCH;
            case UNVERIFIED -> NameCheck.Status.UNVERIFIED_ONLY;
            case OTHER_YEARS, UNKNOWN -> NameCheck.Status.UNKNOWN_CODE;
            case INVALID_CODE -> NameCheck.Status.INVALID_CODE;
        };
        return new NameCheck(status, l, printedName, names, matches);
    }

    /** All rows of a scheme, sorted by code then year. */
    public List<CodeEntry> entries(Scheme scheme) {
        List<CodeEntry> out = new ArrayList<>();
        byCode.get(scheme).values().forEach(out::addAll);
        out.sort((a, b) -> a.code().equals(b.code()) ? Integer.compare(a.fromYear(), b.fromYear())
                : a.code().compareTo(b.code()));
        return out;
    }

    /** Years for which the scheme has verified rows. */
    public SortedSet<Integer> verifiedYears(Scheme scheme) {
        return Collections.unmodifiableSortedSet(verifiedYears.get(scheme));
    }

    /** Rows skipped while loading (bad code, level or year), one line each; empty for the shipped data. */
    public List<String> loadWarnings() {
        return Collections.unmodifiableList(warnings);
    }

    /** Folder or classpath location the catalogue was read from. */
    public String origin() {
        return origin;
    }

    // ---- loading ----

    private interface Source {
        byte[] bytes(String rel) throws IOException;
    }

    private static CodeCatalogue read(String origin, Source source) {
        CodeCatalogue c = new CodeCatalogue(origin);
        String current = "index.json";
        try {
            JsonNode index = Json.MAPPER.readTree(source.bytes("index.json"));
            JsonNode files = index.path("files");
            if (!files.isArray() || files.isEmpty()) {
                throw broken(origin, "index.json 中没有 files 列表");
            }
            for (JsonNode f : files) {
                current = f.path("file").asText("");
                if (current.isEmpty()) {
                    throw broken(origin, "index.json 中有一项缺少 file");
                }
                Scheme scheme;
                try {
                    scheme = Scheme.valueOf(f.path("scheme").asText("").toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw broken(origin, current + " 的 scheme 应为 FUNCTION / ECONOMIC_DEPARTMENT / ECONOMIC_GOVERNMENT");
                }
                if (!f.path("fromYear").canConvertToInt() || !f.path("toYear").canConvertToInt()
                        || !f.has("verified")) {
                    throw broken(origin, current + " 缺少 fromYear / toYear / verified");
                }
                c.addFile(scheme, current, f.path("fromYear").asInt(), f.path("toYear").asInt(),
                        f.path("verified").asBoolean(), f.path("complete").asBoolean(false),
                        new String(source.bytes(current), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new JuesuanException("codes_broken", 500, "科目编码目录（" + origin + "）的 " + current
                    + " 无法读取：" + e.getMessage(), e);
        }
        c.freeze();
        return c;
    }

    private static JuesuanException broken(String origin, String what) {
        return new JuesuanException("codes_broken", 500, "科目编码目录（" + origin + "）有误：" + what);
    }

    /**
     * Columns: code, name, optional level (checked against the code length). Optional per-row years:
     * "years" ("2020-2025", "2022?-2025", "?-2025"; "?" = the file's bound) or "year" / "year_of_text" (one year;
     * a non-year such as "unstated" makes the row unverified over the file's range).
     */
    private void addFile(Scheme scheme, String file, int from, int to, boolean verified, boolean complete,
                         String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty()) {
            warnings.add(file + "：空文件");
            return;
        }
        List<String> header = splitCsv(lines.get(0)).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int iCode = header.indexOf("code");
        int iName = header.indexOf("name");
        int iLevel = header.indexOf("level");
        int iYears = header.indexOf("years");
        int iYear = header.indexOf("year") >= 0 ? header.indexOf("year") : header.indexOf("year_of_text");
        if (iCode < 0 || iName < 0) {
            throw broken(origin, file + " 的首行应包含 code,name");
        }
        if (complete) {
            for (int y = from; y <= to; y++) {
                completeYears.get(scheme).add(y);
            }
        }
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            List<String> cols = splitCsv(line);
            String where = file + " 第" + (n + 1) + "行";
            String code = normalizeCode(get(cols, iCode));
            String name = get(cols, iName).strip();
            String level = scheme.levelOf(code);
            if (level == null || name.isEmpty()) {
                warnings.add(where + "：编码或名称无效（" + line + "）");
                continue;
            }
            String printedLevel = get(cols, iLevel).strip();
            if (!printedLevel.isEmpty() && !printedLevel.equals(level)) {
                warnings.add(where + "：级次“" + printedLevel + "”与编码长度（" + level + "）不符，按编码长度");
            }
            int rowFrom = from;
            int rowTo = to;
            boolean rowVerified = verified;
            if (iYears >= 0 && !get(cols, iYears).isBlank()) {
                Matcher m = YEAR_RANGE.matcher(get(cols, iYears));
                Matcher one = ONE_YEAR.matcher(get(cols, iYears));
                if (m.matches()) {
                    rowFrom = m.group(1) == null || m.group(1).equals("?") ? from : Integer.parseInt(m.group(1));
                    rowTo = m.group(2) == null || m.group(2).equals("?") ? to : Integer.parseInt(m.group(2));
                } else if (one.matches()) {
                    rowFrom = rowTo = Integer.parseInt(one.group(1));
                } else {
                    warnings.add(where + "：年度范围“" + get(cols, iYears) + "”无法识别，按文件范围");
                }
            } else if (iYear >= 0) {
                Matcher one = ONE_YEAR.matcher(get(cols, iYear));
                if (one.matches()) {
                    rowFrom = rowTo = Integer.parseInt(one.group(1));
                } else {
                    rowVerified = false; // edition year not stated: only a hint
                }
            }
            if (rowFrom > rowTo) {
                warnings.add(where + "：年度范围颠倒（" + line + "）");
                continue;
            }
            CodeEntry e = new CodeEntry(code, name, level, rowVerified, file, rowFrom, rowTo);
            byCode.get(scheme).computeIfAbsent(code, k -> new ArrayList<>()).add(e);
            if (rowVerified) {
                for (int y = rowFrom; y <= rowTo; y++) {
                    verifiedYears.get(scheme).add(y);
                }
            }
        }
    }

    private void freeze() {
        for (Scheme s : Scheme.values()) {
            byCode.get(s).replaceAll((k, v) -> List.copyOf(v));
        }
    }

    private static String get(List<String> cols, int i) {
        return i >= 0 && i < cols.size() ? cols.get(i) : "";
    }

    /** Minimal CSV: commas, double-quoted fields with "" escapes. */
    static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    b.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    b.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(b.toString());
                b.setLength(0);
            } else {
                b.append(ch);
            }
        }
        out.add(b.toString());
        return out;
    }

    private static List<CodeEntry> covering(List<CodeEntry> entries, int year) {
        return entries.stream().filter(e -> e.covers(year)).toList();
    }

    /** Nearest year (other than a covered one) in the entries' ranges; ties go to the earlier year. */
    private static Integer nearestYear(List<CodeEntry> entries, int year) {
        Integer best = null;
        for (CodeEntry e : entries) {
            int y = e.nearestYearTo(year);
            if (best == null || Math.abs(y - year) < Math.abs(best - year)
                    || (Math.abs(y - year) == Math.abs(best - year) && y < best)) {
                best = y;
            }
        }
        return best;
    }
}
