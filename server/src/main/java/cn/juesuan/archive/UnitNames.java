package cn.juesuan.archive;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.text.Text;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;

/**
 * Unit names as archive folder names. A name with a path separator, a control character or nothing but dots is
 * refused; what remains is made safe on every file system (Windows reserved characters, leading dots) and suffixed
 * with a hash of the name's key, so two names never share a folder and no name leaves the archive.
 */
final class UnitNames {
    static final int MAX_LENGTH = 100;

    private UnitNames() {
    }

    /** The name as kept (trimmed, NFC); refuses names that cannot be a unit's. */
    static String check(String name) {
        String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
        if (n.isEmpty()) {
            throw JuesuanException.badRequest("bad_unit", "缺少单位名称。");
        }
        if (n.length() > MAX_LENGTH) {
            throw JuesuanException.badRequest("bad_unit", "单位名称过长（超过 " + MAX_LENGTH + " 个字）。");
        }
        if (n.chars().anyMatch(ch -> ch == '/' || ch == '\\' || Character.isISOControl(ch))) {
            throw JuesuanException.badRequest("bad_unit", "单位名称“" + printable(n) + "”含有 / 、\\ 或控制字符，不能作为单位名称。");
        }
        if (n.chars().allMatch(ch -> ch == '.' || Character.isWhitespace(ch))) {
            throw JuesuanException.badRequest("bad_unit", "单位名称“" + n + "”无效。");
        }
        return n;
    }

    /** Two spellings of one unit (full-width brackets, spaces) are one unit. */
    static String identity(String checkedName) {
        return Text.key(checkedName);
    }

    /** The folder name: the readable name made safe, then "~" and 10 hex digits of the identity's SHA-256. */
    static String folder(String checkedName) {
        String id = identity(checkedName);
        StringBuilder safe = new StringBuilder();
        // the key folds full-width ／ ＼ into / \, so separators are replaced here as well as refused in check()
        id.codePoints().forEach(cp -> safe.appendCodePoint("<>:\"|?*/\\".indexOf(cp) >= 0 || Character.isISOControl(cp) ? '_' : cp));
        String s = safe.toString().replaceAll("^\\.+", "_");
        if (s.codePointCount(0, s.length()) > 60) {
            s = s.substring(0, s.offsetByCodePoints(0, 60));
        }
        return s + "~" + hash(id);
    }

    private static String hash(String id) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
