package cn.juesuan.template;

import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.EvalSheetLayout.Cell;
import cn.juesuan.layout.EvalSheetLayout.ListColumn;
import cn.juesuan.layout.EvalSheetPlan;
import cn.juesuan.layout.EvalSheetPlan.ListPlace;
import cn.juesuan.layout.EvalSheetPlan.Placed;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Builds the jXLS template of the self-evaluation sheets from their descriptors: one template sheet per kind (named
 * by its key), repeated by jx:each multisheet once per evaluation of that kind, with a nested jx:each per list.
 * Merges inside list rows (spans, 一级/二级 runs, side labels) are made after filling ({@link EvalSheets}), because
 * jXLS does not carry merged cells through repeated rows reliably.
 */
public final class EvalTemplateGenerator {

    public byte[] generate(List<EvalSheetLayout> layouts) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            EvalStyles styles = new EvalStyles(wb);
            for (EvalSheetLayout l : layouts) {
                new Writer(wb, styles, EvalSheetPlan.of(l)).write();
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** jXLS expression of a value cell (var "e" is the evaluation). */
    static String expression(Cell c) {
        if (c.field() != null) {
            return "${" + EvalSheets.EVAL_VAR + ".f['" + c.field() + "']}";
        }
        if (c.number() != null) {
            return "${" + EvalSheets.EVAL_VAR + ".n['" + c.number() + "']}";
        }
        return "${" + EvalSheets.EVAL_VAR + ".m['" + c.money() + "']}";
    }

    /** The cell style of a value or list field. */
    static CellStyle valueStyle(EvalStyles st, Cell c) {
        if (c.field() != null) {
            return st.text;
        }
        if (c.number() != null) {
            return st.score;
        }
        return switch (c.moneyColumn()) {
            case "rate" -> st.percent;
            case "weight", "score" -> st.score;
            default -> st.base.amount;
        };
    }

    static CellStyle listStyle(EvalStyles st, String listKey, String field) {
        return switch (field) {
            case "weight", "score" -> st.scoreCenter;
            case "amount" -> st.base.amount;
            case "level1", "level2", "nature", "unit" -> "indicators".equals(listKey) ? st.textCenter : st.text;
            default -> st.text;
        };
    }

    static CellStyle textStyle(EvalStyles st, String style) {
        if (style == null) {
            return st.text;
        }
        return switch (style) {
            case "title" -> st.base.title;
            case "subtitle" -> st.base.center;
            case "right" -> st.base.right;
            case "header" -> st.base.header;
            case "section" -> st.textBold;
            case "center" -> st.textCenter;
            default -> st.text;
        };
    }

    private static final class Writer {
        private final EvalStyles st;
        private final EvalSheetPlan plan;
        private final EvalSheetLayout layout;
        private final SheetCells out;

        Writer(XSSFWorkbook wb, EvalStyles st, EvalSheetPlan plan) {
            this.st = st;
            this.plan = plan;
            this.layout = plan.layout();
            this.out = new SheetCells(wb, layout.key());
        }

        void write() {
            for (Placed p : plan.cells()) {
                Cell c = p.cell();
                String value = c.isText() ? c.text().replace("{year}", "${year}") : c.isValue() ? expression(c) : null;
                CellStyle style = c.isText() ? textStyle(st, c.style()) : c.isValue() ? valueStyle(st, c) : st.text;
                area(p, value, style);
            }
            for (ListPlace l : plan.lists()) {
                writeList(l);
            }
            int r = 0;
            for (EvalSheetLayout.Row row : layout.rows()) {
                if (row.isList()) {
                    r += row.list().headerDepth() + 1;
                    continue;
                }
                if (row.height() != null) {
                    out.row(r).setHeightInPoints(row.height().floatValue());
                }
                r++;
            }
            for (int c = 0; c < layout.columnCount(); c++) {
                out.sheet().setColumnWidth(c, Math.min(255, layout.widths().get(c)) * 256);
            }
            pageSetup(out.sheet(), layout);
            String last = SheetCells.ref(plan.rowCount() - 1, plan.lastColumn());
            out.comment(0, 0, "jx:area(lastCell=\"" + last + "\")\njx:each(items=\"" + EvalSheets.items(layout.key())
                    + "\" var=\"" + EvalSheets.EVAL_VAR + "\" multisheet=\"" + EvalSheets.names(layout.key())
                    + "\" lastCell=\"" + last + "\")");
        }

        private void writeList(ListPlace l) {
            if (l.side() != null) {
                area(l.side(), l.side().cell().text(), textStyle(st, "section"));
            }
            for (Placed h : l.headers()) {
                area(h, h.cell().text(), st.base.header);
            }
            int r = l.itemRow();
            if (l.side() != null) {
                for (int c = l.side().col(); c <= l.side().lastCol(); c++) {
                    out.cell(r, c, null, st.text);
                }
            }
            List<ListColumn> cols = l.list().columns();
            for (int i = 0; i < cols.size(); i++) {
                CellStyle style = listStyle(st, l.list().key(), cols.get(i).field());
                for (int c = l.starts().get(i); c <= l.lastCol(i); c++) {
                    out.cell(r, c, c == l.starts().get(i) ? "${" + EvalSheets.ITEM_VAR + "." + cols.get(i).field() + "}" : null, style);
                }
            }
            out.comment(r, 0, "jx:each(items=\"" + EvalSheets.EVAL_VAR + "." + l.list().key() + "\" var=\""
                    + EvalSheets.ITEM_VAR + "\" lastCell=\"" + SheetCells.ref(r, plan.lastColumn()) + "\")");
        }

        private void area(Placed p, String value, CellStyle style) {
            for (int r = p.row(); r <= p.lastRow(); r++) {
                for (int c = p.col(); c <= p.lastCol(); c++) {
                    out.cell(r, c, r == p.row() && c == p.col() ? value : null, style);
                }
            }
            out.merge(p.row(), p.lastRow(), p.col(), p.lastCol());
        }
    }

    /** A4, fitted to the page width; landscape when the sheet is wide. Re-applied after filling (clones lose it). */
    static void pageSetup(Sheet sheet, EvalSheetLayout layout) {
        int width = layout.widths().stream().mapToInt(Integer::intValue).sum();
        PrintSetup ps = sheet.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(width > 110);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
    }

}
