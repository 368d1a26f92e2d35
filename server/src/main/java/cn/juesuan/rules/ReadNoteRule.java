package cn.juesuan.rules;

import cn.juesuan.read.ReadNote;
import cn.juesuan.read.WorkbookMap.CellLoc;
import org.apache.poi.ss.util.CellReference;

/**
 * What the reader could not take as it stood (text in a number cell, a wrong code length, an unknown row …) as
 * findings with rule id "READ-&lt;code&gt;" and the severity the rule set gives the code.
 */
final class ReadNoteRule extends BaseRule {
    private final ReadNote note;

    ReadNoteRule(ReadNote note, Severity severity) {
        super("READ-" + note.code(), "read", severity, "读取时发现的问题：" + note.code(), null, Tolerance.DEFAULT,
                null, null);
        this.note = note;
    }

    @Override
    public void check(Context ctx) {
        FindingBuilder b = ctx.finding(this);
        if (note.table() != null && ctx.profile.table(note.table()).isPresent()) {
            b.table(note.table());
        }
        CellLoc loc = null;
        if (note.sheet() != null && note.cell() != null) {
            CellReference ref = new CellReference(note.cell());
            loc = new CellLoc(note.sheet(), ref.getRow(), ref.getCol());
        }
        CellRef cell = loc == null ? null : ctx.cellAt(loc);
        if (cell != null) {
            b.at(cell).numbers(cell.value(), null, null, null);
        } else if (loc != null) {
            b.at(loc);
        }
        if (note.raw() != null) {
            b.var("raw", note.raw());
        }
        b.addLiteral(note.message());
    }
}
