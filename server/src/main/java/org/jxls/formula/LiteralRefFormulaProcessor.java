package org.jxls.formula;

import org.jxls.common.AreaRef;
import org.jxls.common.CellData;
import org.jxls.common.CellRef;
import org.jxls.transform.Transformer;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * jXLS's {@link StandardFormulaProcessor} with the same results and without its cost: the standard processor rewrites
 * every cell reference of every filled formula with {@code String.replaceAll} on a pattern that opens with a
 * 100-character negative look-behind, tried at each position of the formula (a third of a fill's time). Here the
 * reference is found with {@code indexOf} and the same three look-behind conditions are checked only where it occurs.
 * <p>
 * It lives in jXLS's package because the per-target step and its context are package-private there (written against
 * jXLS 3.1.0). {@code LiteralRefFormulaProcessorTest} (random formulas; a template with the rare cases) and
 * {@code FillFormulasTest} (every profile's templates) require the standard processor's formulas, also after an upgrade.
 */
public class LiteralRefFormulaProcessor extends StandardFormulaProcessor {
    private static final int MAX_NUM_ARGS_FOR_SUM = 255;
    /** The longest text the standard pattern's look-behind {@code (?<!U_\([^)]{0,100})} lets stand between. */
    private static final int JOINTED_SPAN = 100;

    @Override
    protected void processTargetFormulaCell(int i, CellData cellData, FormulaProcessorContext ctx) {
        AreaRef source = cellData.getArea().getAreaRef();
        AreaRef target = cellData.getTargetParentAreaRef().get(i);
        replaceCellRefs(cellData, source, target, ctx);
        replaceJointedCellRefs(source, target, ctx);
        processTargetFormula(cellData, ctx);
    }

    private void replaceCellRefs(CellData cellData, AreaRef source, AreaRef target, FormulaProcessorContext ctx) {
        ctx.isFormulaCellRefsEmpty = true;
        for (Map.Entry<CellRef, List<CellRef>> entry : ctx.targetCellRefMap.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            ctx.isFormulaCellRefsEmpty = false;
            List<CellRef> cells = replacements(ctx.transformer, ctx.targetFormulaCellRef, source, target, entry);
            if (cellData.getFormulaStrategy() == CellData.FormulaStrategy.BY_COLUMN) {
                cells = createTargetCellRefListByColumn(ctx.targetFormulaCellRef, cells, ctx.usedCellRefs);
                ctx.usedCellRefs.addAll(cells);
            }
            String replacement = createTargetCellRef(cells);
            if (ctx.targetFormulaString.startsWith("SUM") && count(replacement, ',') >= MAX_NUM_ARGS_FOR_SUM) {
                ctx.targetFormulaString = replacement.replace(',', '+');
            } else {
                ctx.targetFormulaString = replaceRef(ctx.targetFormulaString, entry.getKey().getCellName(), replacement,
                        entry.getKey().isIgnoreSheetNameInFormat());
            }
        }
    }

    /** Jointed references ({@code U_(F8,F13)}) are rare: done exactly as the standard processor does them. */
    private void replaceJointedCellRefs(AreaRef source, AreaRef target, FormulaProcessorContext ctx) {
        ctx.isFormulaJointedCellRefsEmpty = true;
        for (Map.Entry<String, List<CellRef>> entry : ctx.jointedCellRefMap.entrySet()) {
            List<CellRef> refs = entry.getValue();
            if (refs.isEmpty()) {
                continue;
            }
            Collections.sort(refs);
            ctx.isFormulaJointedCellRefsEmpty = false;
            List<CellRef> cells = replacements(ctx.transformer, ctx.targetFormulaCellRef, source, target,
                    new AbstractMap.SimpleImmutableEntry<>(null, refs));
            ctx.targetFormulaString = ctx.targetFormulaString.replaceAll(Pattern.quote(entry.getKey()),
                    createTargetCellRef(cells));
        }
    }

    /** The cells a reference of the template formula stands for in this target formula. */
    private static List<CellRef> replacements(Transformer transformer, CellRef formulaCell, AreaRef source, AreaRef target,
                                              Map.Entry<CellRef, List<CellRef>> entry) {
        CellRef ref = entry.getKey();
        List<CellRef> targets = entry.getValue();
        if (ref != null && !source.contains(ref)) {
            // outside the formula's area: all its targets, or those in the same copy of an area repeated further out
            CellData refData = transformer.getCellData(ref);
            if (refData != null) {
                for (AreaRef copy : refData.getTargetParentAreaRef()) {
                    if (copy.contains(formulaCell)) {
                        return within(targets, copy);
                    }
                }
            }
            return targets;
        }
        return within(targets, target);
    }

    private static List<CellRef> within(List<CellRef> cells, AreaRef area) {
        List<CellRef> out = new ArrayList<>(cells.size());
        for (CellRef c : cells) {
            if (area.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code formula.replaceAll("(?<!U_\\([^)]{0,100})" + (notAfterBang ? "(?<!!)" : "") + "(?<!\\w)"
     * + Pattern.quote(ref), Matcher.quoteReplacement(replacement))}, found with {@code indexOf}.
     */
    static String replaceRef(String formula, String ref, String replacement, boolean notAfterBang) {
        if (ref.isEmpty()) { // never a cell name; left to the standard pattern
            return formula.replaceAll(regexJointedLookBehind + (notAfterBang ? "(?<!!)" : "") + regexExcludePrefixSymbols,
                    Matcher.quoteReplacement(replacement));
        }
        int at = formula.indexOf(ref);
        if (at < 0) {
            return formula;
        }
        StringBuilder out = new StringBuilder(formula.length() + replacement.length());
        int copied = 0;
        while (at >= 0) {
            if (standsAlone(formula, at, notAfterBang)) {
                out.append(formula, copied, at).append(replacement);
                copied = at + ref.length();
                at = formula.indexOf(ref, copied);
            } else {
                at = formula.indexOf(ref, at + 1);
            }
        }
        return out.append(formula, copied, formula.length()).toString();
    }

    private static boolean standsAlone(String s, int at, boolean notAfterBang) {
        if (at == 0) {
            return true;
        }
        char before = s.charAt(at - 1);
        if (isWordChar(before) || notAfterBang && before == '!') {
            return false;
        }
        // inside U_( … ) with at most 100 characters, none of them ')', since the '('
        for (int k = at - 1; k >= Math.max(0, at - 1 - JOINTED_SPAN); k--) {
            char c = s.charAt(k);
            if (c == ')') {
                return true;
            }
            if (c == '(' && k >= 2 && s.charAt(k - 1) == '_' && s.charAt(k - 2) == 'U') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
