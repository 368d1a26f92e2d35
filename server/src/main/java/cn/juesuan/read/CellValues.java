package cn.juesuan.read;

import cn.juesuan.core.Budget;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.Amounts;
import cn.juesuan.text.Numbers;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.IntPtg;
import org.apache.poi.ss.formula.ptg.NumberPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads an amount cell: numbers as they are, formulas evaluated (cached values are not trusted), text parsed.
 * One instance per workbook: each formula is parsed and evaluated once, its result kept until {@link #cacheCleared}.
 */
public final class CellValues {
    private final XSSFEvaluationWorkbook book;
    /**
     * POI's evaluator without the FormulaEvaluator facade, whose evaluate() parses every formula a second time after
     * evaluating it (to copy values of linked external workbooks, which are never set up here).
     */
    private final WorkbookEvaluator evaluator;
    private final Map<Cell, Boolean> blankDerived = new HashMap<>();
    private final Budget budget = Budget.current();

    public CellValues(Workbook wb) {
        this.book = XSSFEvaluationWorkbook.create((XSSFWorkbook) wb);
        this.evaluator = new WorkbookEvaluator(new DeadlineEvaluationWorkbook(book, budget), null, null);
    }

    public Numbers.Parsed amount(Cell c) {
        if (c == null) {
            return Numbers.Parsed.blank();
        }
        return switch (c.getCellType()) {
            case BLANK -> Numbers.Parsed.blank();
            case NUMERIC -> DateUtil.isCellDateFormatted(c)
                    ? new Numbers.Parsed(null, "date_in_amount", "金额单元格中是日期，已按空白处理。")
                    : new Numbers.Parsed(Amounts.normalize(Numbers.fromDouble(c.getNumericCellValue())), null, null);
            case STRING -> Numbers.parse(c.getStringCellValue());
            case FORMULA -> formula(c);
            case BOOLEAN -> new Numbers.Parsed(null, "not_a_number", "金额单元格中是逻辑值，已按空白处理。");
            case ERROR -> new Numbers.Parsed(null, "formula_error",
                    "单元格是错误值 " + FormulaError.forInt(c.getErrorCellValue()).getString() + "，已按空白处理。");
            default -> Numbers.Parsed.blank();
        };
    }

    /** The value of a formula cell, as FormulaEvaluator.evaluate gives it; RuntimeException when it cannot be computed. */
    public CellValue evaluate(Cell c) {
        EvaluationCell cell = evaluationCell(c);
        if (cell == null) { // created after the sheet's cells were indexed
            resultsCleared();
            cell = evaluationCell(c);
        }
        ValueEval v = evaluator.evaluate(cell);
        if (v instanceof NumberEval n) {
            return new CellValue(n.getNumberValue());
        }
        if (v instanceof BoolEval b) {
            return CellValue.valueOf(b.getBooleanValue());
        }
        if (v instanceof StringEval s) {
            return new CellValue(s.getStringValue());
        }
        if (v instanceof ErrorEval e) {
            return CellValue.getError(e.getErrorCode());
        }
        throw new IllegalStateException("Unexpected eval class (" + v.getClass().getName() + ")");
    }

    private EvaluationCell evaluationCell(Cell c) {
        return book.getSheet(c.getSheet().getWorkbook().getSheetIndex(c.getSheet())).getCell(c.getRowIndex(), c.getColumnIndex());
    }

    private Numbers.Parsed formula(Cell c) {
        budget.checkTime(); // a request past its deadline stops here, between two formulas (and inside one)
        CellValue v;
        try {
            v = evaluate(c);
        } catch (JuesuanException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Numbers.Parsed(null, "formula_error", "公式“=" + c.getCellFormula() + "”无法计算，已按空白处理。");
        }
        if (v == null) {
            return Numbers.Parsed.blank();
        }
        return switch (v.getCellType()) {
            case NUMERIC -> v.getNumberValue() == 0 && derivedFromBlanks(c, 0)
                    ? Numbers.Parsed.blank()
                    : new Numbers.Parsed(Amounts.normalize(Numbers.fromDouble(v.getNumberValue())), null, null);
            case STRING -> Numbers.parse(v.getStringValue());
            case ERROR -> new Numbers.Parsed(null, "formula_error", "公式“=" + c.getCellFormula() + "”的结果是错误值 "
                    + FormulaError.forInt(v.getErrorValue()).getString() + "，已按空白处理。");
            default -> Numbers.Parsed.blank();
        };
    }

    /**
     * A total formula over cells that are all empty (or such formulas themselves) carries no reported value:
     * it reads as blank, so a blank template and a table filled only in part read back as they were written.
     */
    void cacheCleared() {
        resultsCleared();
        blankDerived.clear();
    }

    /** Formula results are computed again (cells were changed); what is known of blank totals is kept. */
    public void resultsCleared() {
        evaluator.clearAllCachedResultValues();
    }

    /** True for a formula cell whose value comes only from empty cells. */
    public boolean isBlankTotal(Cell c) {
        return c.getCellType() == CellType.FORMULA && derivedFromBlanks(c, 0);
    }

    private boolean derivedFromBlanks(Cell c, int depth) {
        Boolean known = blankDerived.get(c);
        if (known != null) {
            return known;
        }
        boolean result = depth < 8;
        if (result) {
            Sheet sheet = c.getSheet();
            Workbook wb = sheet.getWorkbook();
            Ptg[] ptgs;
            try {
                ptgs = FormulaParser.parse(c.getCellFormula(), book, FormulaType.CELL, wb.getSheetIndex(sheet));
            } catch (RuntimeException e) {
                ptgs = new Ptg[0];
                result = false;
            }
            for (Ptg ptg : ptgs) {
                if (!result) {
                    break;
                }
                if (ptg instanceof RefPtgBase ref && !(ptg instanceof Ref3DPxg)) {
                    result = blankOrDerived(sheet, ref.getRow(), ref.getColumn(), depth);
                } else if (ptg instanceof AreaPtgBase area && !(ptg instanceof Area3DPxg)) {
                    int cells = (area.getLastRow() - area.getFirstRow() + 1) * (area.getLastColumn() - area.getFirstColumn() + 1);
                    if (cells > 20_000) {
                        result = false;
                        break;
                    }
                    for (int r = area.getFirstRow(); r <= area.getLastRow() && result; r++) {
                        for (int col = area.getFirstColumn(); col <= area.getLastColumn() && result; col++) {
                            result = blankOrDerived(sheet, r, col, depth);
                        }
                    }
                } else if (ptg instanceof NumberPtg || ptg instanceof IntPtg) {
                    result = result && (ptg instanceof IntPtg i ? i.getValue() == 0 : ((NumberPtg) ptg).getValue() == 0);
                } else if (ptg instanceof Ref3DPxg || ptg instanceof Area3DPxg) {
                    result = false;
                }
            }
        }
        blankDerived.put(c, result);
        return result;
    }

    private boolean blankOrDerived(Sheet sheet, int row, int col, int depth) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(col);
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return true;
        }
        if (cell.getCellType() == CellType.STRING) {
            return true;
        }
        return cell.getCellType() == CellType.FORMULA && derivedFromBlanks(cell, depth + 1);
    }

    static boolean isEmpty(Cell c) {
        if (c == null || c.getCellType() == CellType.BLANK) {
            return true;
        }
        return c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank();
    }
}
