package cn.juesuan.read;

import cn.juesuan.core.Budget;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.model.TableData;
import cn.juesuan.model.UnitInfo;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a workbook (ours, or typed and edited by hand) back into the report model. */
public final class WorkbookReader {
    private static final Pattern UNIT_NAME = Pattern.compile("(?:部门|编制单位|单位名称|预算单位)[:：]\\s*(.+?)(?:\\s{2,}|\\s*(?:19|20)\\d{2}年|\\s*(?:金额)?单位[:：]|$)");
    private static final Pattern MONEY_UNIT = Pattern.compile("(?:金额)?单位[:：]\\s*(万元|元)");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");

    private final ProfileRegistry registry;

    public WorkbookReader(ProfileRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param xlsx      the workbook bytes
     * @param profileId profile to read with, or null to detect it from the workbook
     * @throws JuesuanException (4xx) when the bytes are not a readable xlsx
     */
    public ReadResult read(byte[] xlsx, String profileId) {
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx)) {
            return read(wb, profileId);
        } catch (IOException e) {
            throw new JuesuanException("corrupt_xlsx", 422, "工作簿无法读取。", e);
        }
    }

    public ReadResult read(Workbook wb, String profileId) {
        try {
            return detectAndRead(wb, profileId);
        } catch (RuntimeException e) {
            throw WorkbookOpener.malformed(e);
        }
    }

    private ReadResult detectAndRead(Workbook wb, String profileId) {
        TableFinder finder = new TableFinder(wb);
        CellValues values = new CellValues(wb);
        List<Profile> profiles = registry.profiles();
        List<TableLayout> annexTables = profiles.stream().flatMap(p -> p.tables().stream()).toList();
        EvalReader.Result evals = EvalReader.read(finder, registry.evalSheets(), values, finder.titledSheets(annexTables));
        Profile profile = profileId != null ? registry.get(profileId)
                : annexTables.stream().anyMatch(t -> finder.find(t).isPresent()) ? detect(finder, profiles)
                : evalProfile(wb, evals);
        return read(wb, profile, finder, values, evals, false);
    }

    /** Reads the workbook's annex tables with the given profile's layouts. */
    public static ReadResult read(Workbook wb, Profile profile) {
        return read(wb, profile, new TableFinder(wb), new CellValues(wb), EvalReader.Result.NONE, false);
    }

    /**
     * Where the cells of the profile's annex tables are, found as {@link #read(Workbook, Profile)} finds them, without
     * reading their amounts (no formula is evaluated).
     */
    public static WorkbookMap locate(Workbook wb, Profile profile) {
        return read(wb, profile, new TableFinder(wb), new CellValues(wb), EvalReader.Result.NONE, true).map();
    }

    /** A workbook of self-evaluation sheets only: the profile it was written with, else the one of its year. */
    private Profile evalProfile(Workbook wb, EvalReader.Result evals) {
        String written = WorkbookProperties.get(wb, WorkbookProperties.PROFILE);
        if (registry.exists(written)) {
            return registry.get(written);
        }
        Integer year = year(wb, evals);
        return year == null ? registry.defaultProfile() : registry.forYear(year);
    }

    private static Integer year(Workbook wb, EvalReader.Result evals) {
        String written = WorkbookProperties.get(wb, WorkbookProperties.YEAR);
        if (written != null && written.matches("\\d{4}")) {
            return Integer.parseInt(written);
        }
        return evals.year();
    }

    private static ReadResult read(Workbook wb, Profile profile, TableFinder finder, CellValues values,
                                   EvalReader.Result evals, boolean locateOnly) {
        List<ReadNote> notes = new ArrayList<>();
        Map<String, TableData> tables = new LinkedHashMap<>();
        WorkbookMap map = new WorkbookMap();
        Meta meta = new Meta();
        boolean evalOnly = !evals.evaluations().isEmpty() && profile.tables().stream().noneMatch(t -> finder.find(t).isPresent());
        Budget budget = Budget.current();
        for (TableLayout t : profile.tables()) {
            budget.checkTime();
            Optional<TableFinder.Found> found = finder.find(t);
            if (found.isEmpty()) {
                if (evalOnly) {
                    continue;
                }
                notes.add(new ReadNote("missing_table", t.key(), null, null, null,
                        "工作簿中找不到《" + t.title() + "》（" + t.number() + "）。"));
                continue;
            }
            SheetText text = finder.text(found.get().sheet());
            meta.scan(text, found.get().titleRow());
            TableReader.Result r = new TableReader(t, text, values, found.get().titleRow(), locateOnly).read();
            tables.put(t.key(), r.data());
            map.put(r.loc());
            notes.addAll(r.notes());
        }
        if (tables.isEmpty() && evals.evaluations().isEmpty()) {
            throw JuesuanException.unprocessable("no_tables",
                    "工作簿中没有找到任何决算公开表或绩效自评表（按表名识别，如《收入支出决算总表》《项目支出绩效自评表》）。"
                            + "请确认上传的是部门决算附表或绩效自评表。");
        }
        budget.checkTime();
        notes.addAll(evals.notes());
        evals.locs().forEach(map::addEval);
        Integer year = meta.year != null ? meta.year : year(wb, evals);
        String unitName = meta.unitName != null ? meta.unitName : WorkbookProperties.get(wb, WorkbookProperties.UNIT_NAME);
        ReportData data = new ReportData(profile.id(), year, new UnitInfo(unitName, WorkbookProperties.unitCode(wb)),
                meta.moneyUnit == null ? profile.moneyUnit() : meta.moneyUnit, tables, evals.evaluations());
        return new ReadResult(data, notes, map);
    }

    /** The profile most of whose tables are found by title; a table found by no profile counts against none. */
    public Profile detect(Workbook wb) {
        return detect(new TableFinder(wb), registry.profiles());
    }

    private Profile detect(TableFinder finder, List<Profile> profiles) {
        Profile best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Profile p : profiles) {
            int matched = 0;
            Set<String> sheets = new HashSet<>();
            for (TableLayout t : p.tables()) {
                Optional<TableFinder.Found> f = finder.find(t);
                if (f.isPresent()) {
                    matched++;
                    sheets.add(f.get().sheet().getSheetName());
                }
            }
            int foreign = 0;
            for (Sheet s : finder.sheets()) {
                if (!sheets.contains(s.getSheetName()) && titledByOtherProfile(finder, s, p, profiles)) {
                    foreign++;
                }
            }
            int score = matched * 2 - (p.tables().size() - matched) - foreign;
            if (score > bestScore || score == bestScore && p.isDefault()) {
                best = p;
                bestScore = score;
            }
        }
        return best == null ? registry.defaultProfile() : best;
    }

    private static boolean titledByOtherProfile(TableFinder finder, Sheet s, Profile self, List<Profile> profiles) {
        for (Profile p : profiles) {
            if (p == self) {
                continue;
            }
            for (TableLayout t : p.tables()) {
                if (finder.titled(s, t)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Unit name, year and money unit from the lines between a title and its header. */
    private static final class Meta {
        String unitName;
        Integer year;
        String moneyUnit;

        void scan(SheetText text, int titleRow) {
            for (int r = Math.max(0, titleRow); r <= Math.min(text.lastRow(), titleRow + 3); r++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c <= text.lastCol(r); c++) {
                    String t = text.raw(r, c);
                    if (!t.isEmpty()) {
                        line.append(t).append("  ");
                    }
                }
                String s = line.toString();
                Matcher u = UNIT_NAME.matcher(s);
                if (unitName == null && u.find() && !u.group(1).isBlank() && !u.group(1).startsWith("万元")
                        && !u.group(1).equals("元") && !YEAR.matcher(u.group(1)).lookingAt()) { // "部门：  2024年度": no name
                    unitName = u.group(1).trim();
                }
                Matcher m = MONEY_UNIT.matcher(s);
                if (moneyUnit == null && m.find()) {
                    moneyUnit = m.group(1);
                }
                Matcher y = YEAR.matcher(s);
                if (year == null && y.find()) {
                    year = Integer.parseInt(y.group(1));
                }
            }
        }
    }
}
