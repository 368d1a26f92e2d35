package cn.juesuan.template;

import cn.juesuan.layout.BlockDef;
import cn.juesuan.layout.ColumnDef;
import cn.juesuan.layout.ColumnKind;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.RowDef;
import cn.juesuan.layout.TableLayout;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a profile's jXLS template workbook from its layout descriptors: one sheet per table with title, unit line,
 * merged multi-level headers, 栏次, fixed rows, a jx:each row for the 科目 area, 合计 formulas, footnote and print setup.
 */
public final class TemplateGenerator {

    public byte[] generate(Profile profile) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            for (TableLayout t : profile.tables()) {
                new SheetWriter(wb, styles, SheetPlan.of(t)).write();
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class SheetWriter {
        private final Styles st;
        private final SheetPlan plan;
        private final TableLayout table;
        private final SheetCells out;
        private final Sheet sheet;

        SheetWriter(XSSFWorkbook wb, Styles st, SheetPlan plan) {
            this.st = st;
            this.plan = plan;
            this.table = plan.table();
            this.out = new SheetCells(wb, table.sheetName());
            this.sheet = out.sheet();
        }

        void write() {
            int last = plan.lastColumn();
            writeTitle(last);
            writeHeaders();
            writeColumnNumbers();
            writeBody();
            writeFooter(last);
            setupPage();
            out.comment(0, 0, "jx:area(lastCell=\"" + SheetCells.ref(plan.noteRow(), last) + "\")");
        }

        private void writeTitle(int last) {
            out.cell(plan.titleRow(), 0, table.title(), st.title);
            out.merge(plan.titleRow(), plan.titleRow(), 0, last);
            out.row(plan.titleRow()).setHeightInPoints(30);
            out.cell(plan.numberRow(), last, table.number(), st.right);
            int n = plan.columnCount();
            int leftEnd = Math.max(0, n / 2 - 1);
            out.cell(plan.unitRow(), 0, "部门：" + Placeholders.expr(Placeholders.UNIT_NAME), st.left);
            out.merge(plan.unitRow(), plan.unitRow(), 0, leftEnd);
            if (n >= 3) {
                out.cell(plan.unitRow(), leftEnd + 1, Placeholders.expr(Placeholders.YEAR) + "年度", st.center);
            }
            int rightStart = Math.min(last, leftEnd + 2);
            out.cell(plan.unitRow(), rightStart, "单位：" + Placeholders.expr(Placeholders.MONEY_UNIT), st.right);
            out.merge(plan.unitRow(), plan.unitRow(), rightStart, last);
        }

        private void writeHeaders() {
            List<ColumnDef> cols = table.allColumns();
            int depth = plan.headerDepth();
            for (int level = 0; level < depth; level++) {
                int c = 0;
                while (c < cols.size()) {
                    List<String> path = cols.get(c).header();
                    if (path.size() <= level) {
                        c++;
                        continue;
                    }
                    List<String> prefix = path.subList(0, level + 1);
                    int end = c;
                    boolean deeper = path.size() > level + 1;
                    while (end + 1 < cols.size() && sameBlock(c, end + 1) && startsWith(cols.get(end + 1).header(), prefix)) {
                        end++;
                        deeper |= cols.get(end).header().size() > level + 1;
                    }
                    int r = plan.headerRow() + level;
                    int bottom = deeper ? r : plan.headerRow() + depth - 1;
                    for (int cc = c; cc <= end; cc++) {
                        for (int rr = r; rr <= bottom; rr++) {
                            out.cell(rr, cc, rr == r && cc == c ? path.get(level) : null, st.header);
                        }
                    }
                    out.merge(r, bottom, c, end);
                    c = end + 1;
                }
            }
        }

        private boolean sameBlock(int a, int b) {
            return blockOf(a) == blockOf(b);
        }

        private int blockOf(int absoluteColumn) {
            int block = 0;
            for (int i = 0; i < plan.blockStart().size(); i++) {
                if (absoluteColumn >= plan.blockStart().get(i)) {
                    block = i;
                }
            }
            return block;
        }

        private static boolean startsWith(List<String> path, List<String> prefix) {
            return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
        }

        private void writeColumnNumbers() {
            if (plan.colNoRow() < 0) {
                return;
            }
            int r = plan.colNoRow();
            for (int b = 0; b < table.blocks().size(); b++) {
                BlockDef block = table.blocks().get(b);
                List<ColumnDef> desc = block.descriptiveColumns();
                for (ColumnDef col : block.columns()) {
                    out.cell(r, plan.column(b, col), col.isAmount() ? col.colNo() : null, st.header);
                }
                if (!desc.isEmpty()) {
                    int first = plan.column(b, desc.get(0));
                    int lastDesc = plan.column(b, desc.get(desc.size() - 1));
                    out.cell(r, first, "栏次", st.header);
                    if (lastDesc == first + desc.size() - 1) {
                        out.merge(r, r, first, lastDesc);
                    }
                }
            }
        }

        private void writeBody() {
            for (int i = 0; i < plan.bodyRows(); i++) {
                int r = plan.bodyRow() + i;
                for (int b = 0; b < table.blocks().size(); b++) {
                    BlockDef block = table.blocks().get(b);
                    RowDef def = i < block.rows().size() ? block.rows().get(i) : new RowDef(null, null, null, null, null, null, null, null);
                    if (def.isArea()) {
                        writeAreaRow(r, b, block);
                    } else {
                        writeFixedRow(r, b, block, def);
                    }
                }
            }
        }

        private void writeFixedRow(int r, int b, BlockDef block, RowDef def) {
            List<ColumnDef> desc = block.descriptiveColumns();
            CellStyle labelStyle = def.isBold() ? st.labelBold : st.label;
            for (ColumnDef col : block.columns()) {
                int c = plan.column(b, col);
                switch (col.kind()) {
                    case LINE -> out.cell(r, c, def.line(), st.center);
                    case AMOUNT -> {
                        CellStyle s = def.isBold() ? st.amountBold : st.amount;
                        if (def.isBlank()) {
                            out.cell(r, c, null, s);
                        } else if (def.isSum()) {
                            out.formula(r, c, rowSumFormula(def, block, col), s);
                        } else if (!col.sum().isEmpty()) {
                            out.formula(r, c, columnSumFormula(r, b, block, col), s);
                        } else {
                            out.cell(r, c, Placeholders.fixedCell(table.key(), def.key(), col.key()), s);
                        }
                    }
                    default -> out.cell(r, c, null, col.kind().isCode() ? st.code : labelStyle);
                }
            }
            if (def.isBlank() || desc.isEmpty()) {
                return;
            }
            if (def.code() != null) {
                writeCode(r, b, block, def.code());
                block.columns().stream().filter(c -> c.kind() == ColumnKind.NAME || c.kind() == ColumnKind.LABEL)
                        .findFirst().ifPresent(c -> out.cell(r, plan.column(b, c), def.label(), labelStyle));
                return;
            }
            Optional<ColumnDef> labelCol = block.columns().stream().filter(c -> c.kind() == ColumnKind.LABEL).findFirst();
            int first = plan.column(b, labelCol.orElse(desc.get(0)));
            out.cell(r, first, def.label(), labelStyle);
            if (labelCol.isEmpty() && desc.size() > 1) {
                out.merge(r, r, first, plan.column(b, desc.get(desc.size() - 1)));
            }
        }

        private void writeCode(int r, int b, BlockDef block, String code) {
            for (ColumnDef col : block.columns()) {
                String part = switch (col.kind()) {
                    case CODE -> code;
                    case CODE_LEI -> code.substring(0, Math.min(3, code.length()));
                    case CODE_KUAN -> code.length() >= 5 ? code.substring(3, 5) : null;
                    case CODE_XIANG -> code.length() >= 7 ? code.substring(5, 7) : null;
                    default -> null;
                };
                if (col.kind().isCode()) {
                    out.cell(r, plan.column(b, col), part, st.code);
                }
            }
        }

        private void writeAreaRow(int r, int b, BlockDef block) {
            for (ColumnDef col : block.columns()) {
                int c = plan.column(b, col);
                switch (col.kind()) {
                    case CODE -> out.cell(r, c, Placeholders.areaField("code"), st.code);
                    case CODE_LEI -> out.cell(r, c, Placeholders.areaField("lei"), st.code);
                    case CODE_KUAN -> out.cell(r, c, Placeholders.areaField("kuan"), st.code);
                    case CODE_XIANG -> out.cell(r, c, Placeholders.areaField("xiang"), st.code);
                    case NAME, LABEL -> out.cell(r, c, Placeholders.areaField("name"), st.label);
                    case AMOUNT -> {
                        if (col.sum().isEmpty()) {
                            out.cell(r, c, Placeholders.areaAmount(col.key()), st.amount);
                        } else {
                            out.formula(r, c, columnSumFormula(r, b, block, col), st.amount);
                        }
                    }
                    default -> out.cell(r, c, null, st.label);
                }
            }
            int first = plan.column(b, block.columns().get(0));
            int lastCol = plan.column(b, block.columns().get(block.columns().size() - 1));
            out.comment(r, first, "jx:each(items=\"" + Placeholders.areaItems(table.key()) + "\" var=\""
                    + Placeholders.ROW_VAR + "\" lastCell=\"" + SheetCells.ref(r, lastCol) + "\")");
        }

        private String columnSumFormula(int r, int b, BlockDef block, ColumnDef col) {
            List<String> refs = new ArrayList<>();
            for (String key : col.sum()) {
                block.column(key).ifPresent(part -> refs.add(SheetCells.ref(r, plan.column(b, part))));
            }
            return refs.isEmpty() ? "0" : String.join("+", refs);
        }

        private String rowSumFormula(RowDef def, BlockDef block, ColumnDef col) {
            if (def.isSumOfClasses()) {
                return classesFormula(block, col);
            }
            List<String> refs = new ArrayList<>();
            for (String key : def.sum()) {
                for (int b = 0; b < table.blocks().size(); b++) {
                    BlockDef other = table.blocks().get(b);
                    int idx = indexOf(other, key);
                    if (idx < 0) {
                        continue;
                    }
                    ColumnDef target = other.column(col.key()).orElse(col);
                    int c = other == block || other.columns().contains(target) ? plan.column(b, target) : plan.column(b, col);
                    refs.add(SheetCells.ref(plan.bodyRow() + idx, c));
                }
            }
            return refs.isEmpty() ? "0" : String.join("+", refs);
        }

        private static int indexOf(BlockDef block, String key) {
            for (int i = 0; i < block.rows().size(); i++) {
                if (key.equals(block.rows().get(i).key())) {
                    return i;
                }
            }
            return -1;
        }

        /** Σ 类 rows of the area: codes of three characters, or rows whose 款 cell is empty when codes are split. */
        private String classesFormula(BlockDef block, ColumnDef col) {
            int b = table.blocks().indexOf(block);
            int areaRow = plan.bodyRow() + block.rows().indexOf(block.area().orElseThrow());
            String amount = SheetCells.ref(areaRow, plan.column(b, col));
            Optional<ColumnDef> code = block.columns().stream().filter(c -> c.kind() == ColumnKind.CODE).findFirst();
            if (code.isPresent()) {
                return "SUMIF(" + SheetCells.ref(areaRow, plan.column(b, code.get())) + ",\"???\"," + amount + ")";
            }
            Optional<ColumnDef> kuan = block.columns().stream().filter(c -> c.kind() == ColumnKind.CODE_KUAN).findFirst();
            if (kuan.isPresent()) {
                return "SUM(" + amount + ")-SUMIF(" + SheetCells.ref(areaRow, plan.column(b, kuan.get())) + ",\"??\"," + amount + ")";
            }
            return "SUM(" + amount + ")";
        }

        private void writeFooter(int last) {
            out.cell(plan.footnoteRow(), 0, table.footnote(), st.note);
            out.merge(plan.footnoteRow(), plan.footnoteRow(), 0, last);
            out.cell(plan.noteRow(), 0, Placeholders.note(table.key()), st.note);
            out.merge(plan.noteRow(), plan.noteRow(), 0, last);
        }

        private void setupPage() {
            List<ColumnDef> cols = table.allColumns();
            for (int c = 0; c < cols.size(); c++) {
                ColumnDef col = cols.get(c);
                int fallback = switch (col.kind()) {
                    case LABEL, NAME -> 30;
                    case LINE -> 6;
                    case CODE -> 12;
                    case CODE_LEI, CODE_KUAN, CODE_XIANG -> 5;
                    default -> 14;
                };
                sheet.setColumnWidth(c, Math.min(255, col.widthOr(fallback)) * 256);
            }
            PrintSetup ps = sheet.getPrintSetup();
            ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
            ps.setLandscape(cols.size() > 6);
            ps.setFitWidth((short) 1);
            ps.setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setAutobreaks(true);
            sheet.setHorizontallyCenter(true);
            int headerEnd = plan.bodyRow() - 1;
            sheet.setRepeatingRows(new CellRangeAddress(plan.headerRow(), headerEnd, -1, -1));
            sheet.createFreezePane(0, plan.bodyRow());
        }

    }
}
