package cn.juesuan.read;

/**
 * Something the reader could not take as it stood: a missing sheet, an unknown row label, text in a number cell.
 *
 * @param code    stable code ("missing_table", "unknown_row", "text_number", "not_a_number", …)
 * @param table   table key, or null
 * @param sheet   sheet name, or null
 * @param cell    A1 address, or null
 * @param raw     the cell text as found, or null
 * @param message Chinese message
 */
public record ReadNote(String code, String table, String sheet, String cell, String raw, String message) {
    public String location() {
        return sheet == null ? "" : cell == null ? sheet : sheet + "!" + cell;
    }
}
