package cn.juesuan.bench;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;
import cn.idev.excel.write.metadata.fill.FillConfig;
import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.ReportData;
import cn.juesuan.template.FillVariants;
import cn.juesuan.template.SheetPlan;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peer: FastExcel (cn.idev.excel) filling an equivalent template. The template is derived once from the
 * profile's jXLS template: the same sheets, styles, merges and widths, with FastExcel placeholders ({name} for single
 * values, {.field} for the 科目 list). FastExcel does not rewrite formulas over filled rows (see engines notes P11),
 * so total cells hold the data's totals as values instead of formulas; the list is not the last row of its sheet,
 * so it needs forceNewRow. The 单位代码 document property is not written (FastExcel has no call for it).
 */
public final class FastExcelFill {
    private static final Pattern EXPR = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern FIXED = Pattern.compile("v\\['([^']*)']");
    private static final Pattern NOTE = Pattern.compile("notes\\['([^']*)']");
    private static final Pattern AREA_AMOUNT = Pattern.compile("r\\.a\\['([^']*)']");

    private final Profile profile;
    private final byte[] template;
    /** fixed key "table:row:column" → placeholder name. */
    private final Map<String, String> names = new HashMap<>();
    /** Plain context keys used in the template (unitName, year, …). */
    private final Set<String> simpleKeys = new HashSet<>();

    private FastExcelFill(Profile profile, byte[] jxlsTemplate) {
        this.profile = profile;
        this.template = convert(jxlsTemplate);
    }

    public static FastExcelFill prepare(ProfileRegistry registry, String profileId) {
        return new FastExcelFill(registry.get(profileId), registry.templateBytes(profileId));
    }

    public byte[] template() {
        return template.clone();
    }

    /** Fills the FastExcel template with one unit-year (timed part), from the same context the product builds. */
    @SuppressWarnings("unchecked")
    public byte[] fill(ReportData data) {
        Map<String, Object> ctx = FillVariants.context(profile, data);
        Map<String, Object> singles = new HashMap<>();
        for (String key : simpleKeys) {
            singles.put(key, ctx.get(key));
        }
        ((Map<String, Object>) ctx.get("v")).forEach((key, v) -> {
            String name = names.get(key);
            if (name != null) {
                singles.put(name, v);
            }
        });
        Map<String, Object> notes = (Map<String, Object>) ctx.get("notes");
        Map<String, List<Map<String, Object>>> areas = (Map<String, List<Map<String, Object>>>) ctx.get("area");
        List<TableLayout> tables = profile.tables();
        for (int i = 0; i < tables.size(); i++) {
            Object note = notes.get(tables.get(i).key());
            singles.put("note" + i, note == null ? "" : note);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ExcelWriter writer = FastExcel.write(out).withTemplate(new ByteArrayInputStream(template)).build();
        FillConfig newRows = FillConfig.builder().forceNewRow(Boolean.TRUE).build();
        for (int i = 0; i < tables.size(); i++) {
            TableLayout t = tables.get(i);
            WriteSheet sheet = FastExcel.writerSheet(i).build();
            if (t.areaBlock().isPresent()) {
                writer.fill(flat(areas.get(t.key())), newRows, sheet);
            }
            writer.fill(singles, sheet);
        }
        writer.finish();
        return out.toByteArray();
    }

    /** jXLS rows keep amounts in a nested map (r.a['basic']); FastExcel wants one level ({.a_basic}). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> flat(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new HashMap<>(r);
            ((Map<String, Object>) m.remove("a")).forEach((k, v) -> m.put("a_" + k, v));
            out.add(m);
        }
        return out;
    }

    // --- template conversion (once) ----------------------------------------------------------------------

    private byte[] convert(byte[] jxls) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(jxls));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            List<TableLayout> tables = profile.tables();
            for (int i = 0; i < tables.size(); i++) {
                convertSheet(wb.getSheetAt(i), tables.get(i), i);
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void convertSheet(Sheet sheet, TableLayout t, int index) {
        SheetPlan plan = SheetPlan.of(t);
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellComment() != null) {
                    cell.removeCellComment();
                }
                if (cell.getCellType() == CellType.STRING) {
                    String s = cell.getStringCellValue();
                    if (s.contains("${")) {
                        cell.setCellValue(placeholders(s, t, index));
                    }
                } else if (cell.getCellType() == CellType.FORMULA) {
                    String p = totalPlaceholder(plan, t, cell.getRowIndex(), cell.getColumnIndex());
                    cell.removeFormula();
                    cell.setCellValue(p);
                }
            }
        }
    }

    private String placeholders(String s, TableLayout t, int index) {
        Matcher m = EXPR.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String repl;
            Matcher f = FIXED.matcher(e);
            Matcher a = AREA_AMOUNT.matcher(e);
            if (f.matches()) {
                repl = "{" + name(f.group(1)) + "}";
            } else if (NOTE.matcher(e).matches()) {
                repl = "{note" + index + "}";
            } else if (a.matches()) {
                repl = "{.a_" + a.group(1) + "}";
            } else if (e.startsWith("r.")) {
                repl = "{." + e.substring(2) + "}";
            } else {
                simpleKeys.add(e);
                repl = "{" + e + "}";
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(repl));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** A formula cell of the template (a total) becomes the placeholder of the data's figure for that cell. */
    private String totalPlaceholder(SheetPlan plan, TableLayout t, int row, int col) {
        int i = row - plan.bodyRow();
        for (int b = 0; b < t.blocks().size(); b++) {
            BlockDef block = t.blocks().get(b);
            for (ColumnDef c : block.columns()) {
                if (plan.column(b, c) != col || i < 0 || i >= block.rows().size()) {
                    continue;
                }
                RowDef def = block.rows().get(i);
                return def.isArea() ? "{.a_" + c.key() + "}" : "{" + name(t.key() + ":" + def.key() + ":" + c.key()) + "}";
            }
        }
        throw new IllegalStateException("formula outside the table body: " + t.key() + " row " + row + " col " + col);
    }

    private String name(String fixedKey) {
        return names.computeIfAbsent(fixedKey, k -> "v" + names.size());
    }
}
