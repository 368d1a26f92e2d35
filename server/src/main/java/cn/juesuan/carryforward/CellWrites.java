package cn.juesuan.carryforward;

import cn.juesuan.read.WorkbookOpener;
import cn.juesuan.text.Numbers;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the add-in does to the workbook open in Excel to make it the carried one: sheet and row operations first (in
 * order, rows 1-based as Excel numbers them, each in the sheet as the earlier ones left it), then cell writes at
 * their final A1 addresses. Rows are aligned by their texts so that inserted 科目 rows push the footnotes down as in
 * Excel rather than overwrite them.
 *
 * @param base       "blank" (the year's blank workbook) or "current" (the workbook sent as current)
 * @param operations addSheet / insertRows / deleteRows
 * @param writes     cell contents: value (text, number, true/false, or null to clear) or formula ("=…")
 * @param notes      what the carry-forward could not do, in Chinese
 */
public record CellWrites(String base, List<Operation> operations, List<Write> writes, List<String> notes) {
    public static final String BASE_BLANK = "blank";
    public static final String BASE_CURRENT = "current";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String op, String sheet, Integer row, Integer count) {
        public static final String ADD_SHEET = "addSheet";
        public static final String INSERT_ROWS = "insertRows";
        public static final String DELETE_ROWS = "deleteRows";
    }

    /** value is written when formula is null; value null clears the cell. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Write(String sheet, String address, @JsonInclude(JsonInclude.Include.ALWAYS) Object value, String formula) {
    }

    public CellWrites {
        operations = List.copyOf(operations);
        writes = List.copyOf(writes);
        notes = List.copyOf(notes);
    }

    public static CellWrites diff(byte[] baseXlsx, byte[] targetXlsx, String baseKind, List<String> notes) {
        try (Workbook base = WorkbookOpener.open(baseXlsx); Workbook target = WorkbookOpener.open(targetXlsx)) {
            List<Operation> ops = new ArrayList<>();
            List<Write> writes = new ArrayList<>();
            for (Sheet t : target) {
                Sheet b = base.getSheet(t.getSheetName());
                if (b == null) {
                    ops.add(new Operation(Operation.ADD_SHEET, t.getSheetName(), null, null));
                }
                int[] baseRowOf = align(b, t, ops);
                boolean shifted = b == null || ops.stream().anyMatch(o -> o.sheet().equals(t.getSheetName()));
                for (int r = 0; r <= t.getLastRowNum(); r++) {
                    Row baseRow = b == null || baseRowOf[r] < 0 ? null : b.getRow(baseRowOf[r]);
                    compareRow(t.getSheetName(), r, baseRow, t.getRow(r), shifted, writes);
                }
            }
            return new CellWrites(baseKind, ops, writes, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Aligns the base sheet's rows with the target's by a longest common subsequence of their texts, adding the row
     * operations that make them line up; answers, per target row, the base row now in its place (-1: inserted).
     */
    private static int[] align(Sheet base, Sheet target, List<Operation> ops) {
        int m = target.getLastRowNum() + 1;
        int[] baseRowOf = new int[m];
        java.util.Arrays.fill(baseRowOf, -1);
        if (base == null) {
            return baseRowOf;
        }
        int n = base.getLastRowNum() + 1;
        String[] bs = new String[n];
        String[] ts = new String[m];
        for (int i = 0; i < n; i++) {
            bs[i] = signature(base.getRow(i));
        }
        for (int j = 0; j < m; j++) {
            ts[j] = signature(target.getRow(j));
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = bs[i].equals(ts[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        String name = target.getSheetName();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            // a gap: base rows i..gi-1 and target rows j..gj-1 that the common subsequence leaves unmatched
            int gi = i;
            int gj = j;
            while (gi < n || gj < m) {
                if (gi < n && gj < m && bs[gi].equals(ts[gj]) && lcs[gi][gj] == lcs[gi + 1][gj + 1] + 1) {
                    break;
                }
                if (gi < n && (gj >= m || lcs[gi + 1][gj] >= lcs[gi][gj + 1])) {
                    gi++;
                } else {
                    gj++;
                }
            }
            // rows of the gap on both sides are rewritten in place; only the difference is inserted or deleted
            int paired = Math.min(gi - i, gj - j);
            for (int k = 0; k < paired; k++) {
                baseRowOf[j + k] = i + k;
            }
            if (gj - j > paired) {
                ops.add(new Operation(Operation.INSERT_ROWS, name, j + paired + 1, gj - j - paired));
            } else if (gi - i > paired) {
                ops.add(new Operation(Operation.DELETE_ROWS, name, j + paired + 1, gi - i - paired));
            }
            i = gi;
            j = gj;
            if (i < n && j < m) {
                baseRowOf[j++] = i++;
            }
        }
        return baseRowOf;
    }

    /** The texts typed in a row (not numbers, not formulas): what identifies a row of a table. */
    private static String signature(Row row) {
        if (row == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Cell c : row) {
            if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                sb.append(c.getColumnIndex()).append('=').append(c.getStringCellValue()).append('\u0001');
            }
        }
        return sb.toString();
    }

    private static void compareRow(String sheet, int r, Row base, Row target, boolean writeFormulas, List<Write> writes) {
        int last = Math.max(base == null ? 0 : base.getLastCellNum(), target == null ? 0 : target.getLastCellNum());
        for (int c = 0; c < last; c++) {
            Object want = content(target == null ? null : target.getCell(c));
            Object have = content(base == null ? null : base.getCell(c));
            boolean formula = want instanceof Formula;
            if (!same(want, have) || formula && writeFormulas) {
                String a1 = new CellReference(r, c).formatAsString(false);
                writes.add(formula ? new Write(sheet, a1, null, ((Formula) want).text())
                        : new Write(sheet, a1, want, null));
            }
        }
    }

    private record Formula(String text) {
    }

    /** What a cell holds: null (blank), String, BigDecimal, Boolean or Formula. */
    private static Object content(Cell c) {
        if (c == null) {
            return null;
        }
        return switch (c.getCellType()) {
            case STRING -> c.getStringCellValue().isEmpty() ? null : c.getStringCellValue();
            case NUMERIC -> Numbers.fromDouble(c.getNumericCellValue());
            case BOOLEAN -> c.getBooleanCellValue();
            case FORMULA -> new Formula("=" + c.getCellFormula());
            default -> null;
        };
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return a == null ? b == null : a.equals(b);
    }
}
