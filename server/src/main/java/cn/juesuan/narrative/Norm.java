package cn.juesuan.narrative;

/**
 * Text prepared for matching: whitespace removed, full-width forms half width (（→(, ：→:, ％→%), curly quotes
 * straight; with the position of every character in the original, for quoting.
 */
final class Norm {
    final String text;
    private final int[] origin;
    private final String original;

    private Norm(String original, String text, int[] origin) {
        this.original = original;
        this.text = text;
        this.origin = origin;
    }

    static Norm of(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int[] origin = new int[s.length() + 1];
        for (int i = 0; i < s.length(); i++) {
            char c = map(s.charAt(i));
            if (c == 0) {
                continue;
            }
            origin[b.length()] = i;
            b.append(c);
        }
        origin[b.length()] = s.length();
        return new Norm(s, b.toString(), origin);
    }

    /** The normalised form of a word (for aliases). */
    static String key(String s) {
        return of(s).text;
    }

    private static char map(char c) {
        if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u3000' || c == '\u200B') {
            return 0;
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return switch (c) {
            case '“', '”', '„', '‟', '「', '」' -> '"';
            case '‘', '’' -> '\'';
            default -> c;
        };
    }

    /** The original text of normalised range [from, to). */
    String original(int from, int to) {
        return original.substring(origin[from], origin[to]);
    }

    /** The sentence (up to 。 or ；) of the original around normalised range [from, to), at most about 90 characters. */
    String sentence(int from, int to) {
        int s = from;
        while (s > 0 && "。;".indexOf(text.charAt(s - 1)) < 0 && from - s < 60) {
            s--;
        }
        int e = to;
        while (e < text.length() && "。;".indexOf(text.charAt(e)) < 0 && e - to < 30) {
            e++;
        }
        if (e < text.length()) {
            e++;
        }
        return original(s, e).strip();
    }
}
