package cn.juesuan.template;

import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.EvalSheetLayout.ListColumn;
import cn.juesuan.layout.EvalSheetPlan;
import cn.juesuan.layout.EvalSheetPlan.ListPlace;
import cn.juesuan.model.SelfEvaluation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The self-evaluation part of a fill: the jXLS context (one item per sheet, grouped by kind), the sheet names, and
 * what is done to the filled sheets afterwards (data order, merges of list rows, page setup, row heights).
 */
final class EvalSheets {
    /** jXLS multisheet reads its sheet names from a plain context variable (not an expression): one per kind. */
    static String items(String kind) {
        return "evals_" + kind;
    }

    static String names(String kind) {
        return "sheetNames_" + kind;
    }

    static final String EVAL_VAR = "e";
    static final String ITEM_VAR = "i";

    /** One sheet to produce: its layout, its data, its name and how many rows each list gets. */
    record Planned(EvalSheetLayout layout, SelfEvaluation data, String sheetName, Map<String, List<Map<String, Object>>> lists) {
    }

    private final List<Planned> sheets = new ArrayList<>();

    /**
     * @param blank    lists get the layout's blank rows instead of the data's items
     * @param taken    sheet names already in the workbook (the annex tables)
     */
    EvalSheets(Function<String, EvalSheetLayout> layouts, List<SelfEvaluation> evaluations, boolean blank, Set<String> taken,
               String unitName) {
        Set<String> names = new HashSet<>();
        taken.forEach(n -> names.add(n.toLowerCase()));
        for (SelfEvaluation e : evaluations) {
            EvalSheetLayout layout = layouts.apply(e.kind());
            SelfEvaluation data = e;
            if (blank && layout.unitField() != null && unitName != null && e.field(layout.unitField()) == null) {
                Map<String, String> f = new LinkedHashMap<>(e.fields());
                f.put(layout.unitField(), unitName);
                data = new SelfEvaluation(e.kind(), f, e.numbers(), e.funds(), null, null, null, null);
            }
            Map<String, List<Map<String, Object>>> lists = new HashMap<>();
            for (EvalSheetLayout.Row row : layout.rows()) {
                if (row.isList()) {
                    lists.put(row.list().key(), blank ? blankRows(row.list()) : items(data, row.list().key()));
                }
            }
            sheets.add(new Planned(layout, data, sheetName(layout, data, names), lists));
        }
    }

    List<Planned> sheets() {
        return Collections.unmodifiableList(sheets);
    }

    /** Adds the jXLS variables of every kind: evals_<kind> (the sheets' data) and sheetNames_<kind>. */
    void addTo(Map<String, Object> ctx, java.util.Collection<EvalSheetLayout> all) {
        Map<String, List<Map<String, Object>>> items = new HashMap<>();
        Map<String, List<String>> names = new HashMap<>();
        for (Planned p : sheets) {
            Map<String, Object> item = new HashMap<>();
            item.put("f", new HashMap<>(p.data().fields()));
            item.put("n", new HashMap<>(p.data().numbers()));
            Map<String, Object> m = new HashMap<>();
            p.data().funds().forEach((row, cols) -> cols.forEach((col, v) -> m.put(row + "." + col, v)));
            item.put("m", m);
            item.putAll(p.lists());
            items.computeIfAbsent(p.layout().key(), k -> new ArrayList<>()).add(item);
            names.computeIfAbsent(p.layout().key(), k -> new ArrayList<>()).add(p.sheetName());
        }
        for (EvalSheetLayout l : all) {
            ctx.put(items(l.key()), items.getOrDefault(l.key(), List.of()));
            ctx.put(names(l.key()), names.getOrDefault(l.key(), List.of()));
        }
    }

    private static List<Map<String, Object>> blankRows(EvalSheetLayout.ListDef list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.blankRowsOr(5); i++) {
            out.add(new HashMap<>());
        }
        return out;
    }

    /** The items of a list as maps of their non-null values (record component → value). */
    static List<Map<String, Object>> items(SelfEvaluation e, String listKey) {
        List<? extends Record> records = switch (listKey) {
            case "indicators" -> e.indicators();
            case "expenses" -> e.expenses();
            case "reviewers" -> e.reviewers();
            case "tasks" -> e.tasks();
            default -> throw new IllegalArgumentException("unknown list " + listKey);
        };
        List<Map<String, Object>> out = new ArrayList<>();
        for (Record r : records) {
            Map<String, Object> m = new HashMap<>();
            for (var comp : r.getClass().getRecordComponents()) {
                try {
                    Object v = comp.getAccessor().invoke(r);
                    if (v != null) {
                        m.put(comp.getName(), v);
                    }
                } catch (ReflectiveOperationException ex) {
                    throw new IllegalStateException(ex);
                }
            }
            out.add(m);
        }
        return out;
    }

    /** "专项自评-科技交流与合作": prefix and the project (or department) name, ≤ 31 characters, unique. */
    private static String sheetName(EvalSheetLayout layout, SelfEvaluation e, Set<String> taken) {
        String name = first(e.field("project"), e.field("department"), layout.unitField() == null ? null : e.field(layout.unitField()));
        String base = layout.sheetPrefix() + (name == null ? "" : "-" + name);
        base = base.replaceAll("[\\\\/?*\\[\\]:'\\p{Cntrl}]", "_");
        base = base.length() > 28 ? base.substring(0, 28) : base;
        String candidate = base;
        for (int n = 2; taken.contains(candidate.toLowerCase()); n++) {
            candidate = base + "(" + n + ")";
        }
        taken.add(candidate.toLowerCase());
        return candidate;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** After jXLS: the sheets in data order after the annex tables, merges of list rows, page setup, row heights. */
    void finish(Workbook wb) {
        int annexSheets = wb.getNumberOfSheets() - sheets.size();
        for (int i = 0; i < sheets.size(); i++) {
            wb.setSheetOrder(sheets.get(i).sheetName(), annexSheets + i);
        }
        for (Planned p : sheets) {
            Sheet sheet = wb.getSheet(p.sheetName());
            if (sheet == null) {
                continue;
            }
            EvalSheetPlan plan = EvalSheetPlan.of(p.layout());
            int shift = 0;
            for (ListPlace l : plan.lists()) {
                int n = p.lists().get(l.list().key()).size();
                mergeList(sheet, l, l.itemRow() + shift, n);
                shift += n - 1;
            }
            EvalTemplateGenerator.pageSetup(sheet, p.layout());
            fitRowHeights(sheet);
        }
    }

    private static void mergeList(Sheet sheet, ListPlace l, int first, int n) {
        if (n <= 0) {
            return;
        }
        int last = first + n - 1;
        List<ListColumn> cols = l.list().columns();
        for (int r = first; r <= last; r++) {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).spanOr1() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, l.starts().get(i), l.lastCol(i)));
                }
            }
        }
        for (String field : l.list().mergeDown()) {
            int c = l.start(field);
            int runStart = first;
            for (int r = first + 1; r <= last + 1; r++) {
                String prev = text(sheet, runStart, c);
                if (r > last || prev.isEmpty() || !prev.equals(text(sheet, r, c))) {
                    if (r - 1 > runStart && !prev.isEmpty()) {
                        sheet.addMergedRegion(new CellRangeAddress(runStart, r - 1, c, c));
                    }
                    runStart = r;
                }
            }
        }
        if (l.side() != null) {
            int side = l.side().col();
            for (int i = sheet.getNumMergedRegions() - 1; i >= 0; i--) {
                CellRangeAddress a = sheet.getMergedRegion(i);
                if (a.getFirstColumn() == side && a.getFirstRow() == first - (l.itemRow() - l.headerRow())) {
                    sheet.removeMergedRegion(i);
                }
            }
            int top = first - (l.itemRow() - l.headerRow());
            if (last > top || l.side().lastCol() > side) {
                sheet.addMergedRegion(new CellRangeAddress(top, last, side, l.side().lastCol()));
            }
        }
    }

    private static String text(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        Cell cell = row == null ? null : row.getCell(c);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().strip();
    }

    /** Taller rows for wrapped text (a CJK character counts as two width units), since merged cells do not grow. */
    private static void fitRowHeights(Sheet sheet) {
        Map<Long, CellRangeAddress> merged = new HashMap<>();
        for (CellRangeAddress a : sheet.getMergedRegions()) {
            merged.put(((long) a.getFirstRow() << 16) | a.getFirstColumn(), a);
        }
        for (Row row : sheet) {
            float needed = 0;
            for (Cell cell : row) {
                if (cell.getCellType() != CellType.STRING || !cell.getCellStyle().getWrapText()) {
                    continue;
                }
                CellRangeAddress a = merged.get(((long) row.getRowNum() << 16) | cell.getColumnIndex());
                int lastCol = a == null ? cell.getColumnIndex() : a.getLastColumn();
                int rows = a == null ? 1 : a.getLastRow() - a.getFirstRow() + 1;
                double width = 0;
                for (int c = cell.getColumnIndex(); c <= lastCol; c++) {
                    width += sheet.getColumnWidth(c) / 256.0;
                }
                int lines = 0;
                for (String line : cell.getStringCellValue().split("\n", -1)) {
                    lines += Math.max(1, (int) Math.ceil(displayWidth(line) / Math.max(1, width - 1)));
                }
                needed = Math.max(needed, lines * 13.5f / rows + 4);
            }
            if (needed > row.getHeightInPoints()) {
                row.setHeightInPoints(Math.min(409, needed));
            }
        }
    }

    private static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) > 0x2E7F ? 2 : 1;
        }
        return w;
    }
}
