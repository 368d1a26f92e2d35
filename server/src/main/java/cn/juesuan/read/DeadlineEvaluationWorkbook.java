package cn.juesuan.read;

import cn.juesuan.core.Budget;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.udf.UDFFinder;

import java.util.HashMap;
import java.util.Map;

/**
 * A workbook as POI's formula evaluator sees it, checking the request's {@link Budget} deadline every few thousand
 * cell look-ups: POI cannot be interrupted, and one formula over a huge range (=COUNTBLANK(A1:XFC1000000)) would
 * otherwise hold its thread for hours after the request was answered.
 */
final class DeadlineEvaluationWorkbook implements EvaluationWorkbook {
    private static final int CHECK_EVERY = 4096;

    private final EvaluationWorkbook book;
    private final Budget budget;
    private final Map<Integer, Sheet> sheets = new HashMap<>();
    private int lookups;

    DeadlineEvaluationWorkbook(EvaluationWorkbook book, Budget budget) {
        this.book = book;
        this.budget = budget;
    }

    private void counted() {
        if (++lookups % CHECK_EVERY == 0) {
            budget.checkTime();
        }
    }

    private final class Sheet implements EvaluationSheet {
        private final EvaluationSheet sheet;

        Sheet(EvaluationSheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public EvaluationCell getCell(int row, int column) {
            counted();
            return sheet.getCell(row, column);
        }

        @Override
        public void clearAllCachedResultValues() {
            sheet.clearAllCachedResultValues();
        }

        @Override
        public int getLastRowNum() {
            return sheet.getLastRowNum();
        }

        @Override
        public boolean isRowHidden(int row) {
            return sheet.isRowHidden(row);
        }
    }

    @Override
    public EvaluationSheet getSheet(int index) {
        return sheets.computeIfAbsent(index, i -> new Sheet(book.getSheet(i)));
    }

    @Override
    public int getSheetIndex(EvaluationSheet sheet) {
        return book.getSheetIndex(sheet instanceof Sheet s ? s.sheet : sheet);
    }

    @Override
    public String getSheetName(int index) {
        return book.getSheetName(index);
    }

    @Override
    public int getSheetIndex(String name) {
        return book.getSheetIndex(name);
    }

    @Override
    public ExternalSheet getExternalSheet(int index) {
        return book.getExternalSheet(index);
    }

    @Override
    public ExternalSheet getExternalSheet(String firstSheet, String lastSheet, int externalWorkbook) {
        return book.getExternalSheet(firstSheet, lastSheet, externalWorkbook);
    }

    @Override
    public int convertFromExternSheetIndex(int index) {
        return book.convertFromExternSheetIndex(index);
    }

    @Override
    public ExternalName getExternalName(int sheet, int name) {
        return book.getExternalName(sheet, name);
    }

    @Override
    public ExternalName getExternalName(String name, String sheet, int externalWorkbook) {
        return book.getExternalName(name, sheet, externalWorkbook);
    }

    @Override
    public EvaluationName getName(NamePtg ptg) {
        return book.getName(ptg);
    }

    @Override
    public EvaluationName getName(String name, int sheet) {
        return book.getName(name, sheet);
    }

    @Override
    public String resolveNameXText(NameXPtg ptg) {
        return book.resolveNameXText(ptg);
    }

    @Override
    public Ptg[] getFormulaTokens(EvaluationCell cell) {
        counted();
        return book.getFormulaTokens(cell);
    }

    @Override
    public UDFFinder getUDFFinder() {
        return book.getUDFFinder();
    }

    @Override
    public SpreadsheetVersion getSpreadsheetVersion() {
        return book.getSpreadsheetVersion();
    }

    @Override
    public void clearAllCachedResultValues() {
        book.clearAllCachedResultValues();
    }
}
