package cn.juesuan.batch;

import java.nio.file.Path;

/** Relative links from a summary file to a checked file, for Excel hyperlinks and HTML hrefs. */
final class Links {
    private Links() {
    }

    /** "区县01/单位 1.xlsx" → "区县01/单位%201.xlsx": the path from the output's folder, "/" separated, URI-safe. */
    static String relative(Path output, Path file) {
        Path from = output.toAbsolutePath().normalize().getParent();
        Path to = file.toAbsolutePath().normalize();
        String rel;
        try {
            rel = from == null ? to.toString() : from.relativize(to).toString();
        } catch (IllegalArgumentException e) { // another drive (Windows)
            rel = to.toString();
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : rel.replace('\\', '/').toCharArray()) {
            switch (ch) {
                case ' ' -> sb.append("%20");
                case '%' -> sb.append("%25");
                case '#' -> sb.append("%23");
                case '?' -> sb.append("%3F");
                case '"' -> sb.append("%22");
                case '<' -> sb.append("%3C");
                case '>' -> sb.append("%3E");
                case '[' -> sb.append("%5B");
                case ']' -> sb.append("%5D");
                case '^' -> sb.append("%5E");
                case '`' -> sb.append("%60");
                case '{' -> sb.append("%7B");
                case '}' -> sb.append("%7D");
                case '|' -> sb.append("%7C");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
