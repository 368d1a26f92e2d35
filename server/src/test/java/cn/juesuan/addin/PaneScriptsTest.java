package cn.juesuan.addin;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pane's script stays ES5 (IE11 in Office 2016/2019 volume editions) and every page loads office.js first. */
class PaneScriptsTest {
    static final Path ADDIN = Path.of("server/src/main/resources/addin");

    /** Syntax and library calls that IE11 does not have. */
    static final List<Pattern> NOT_ES5 = List.of(
            Pattern.compile("=>"), Pattern.compile("`"), Pattern.compile("\\b(let|const|class|async|await)\\s"),
            Pattern.compile("\\bfor\\s*\\([^)]*\\bof\\b"), Pattern.compile("\\.\\.\\.[A-Za-z_$\\[]"),
            Pattern.compile("\\bfetch\\("), Pattern.compile("\\bnew (Map|Set|URLSearchParams)\\b"),
            Pattern.compile("\\.(startsWith|endsWith|includes|find|findIndex|padStart|padEnd|repeat)\\("),
            Pattern.compile("\\b(Object\\.assign|Array\\.from|Number\\.isNaN|Object\\.entries|Object\\.values)\\b"));

    @Test
    void paneScriptIsEs5() throws Exception {
        String js = Files.readString(ADDIN.resolve("taskpane.js")).replaceAll("(?m)^\\s*(\\*|/\\*|//).*$", "");
        for (Pattern p : NOT_ES5) {
            var m = p.matcher(js);
            assertFalse(m.find(), () -> "taskpane.js uses " + m.group() + " (not in IE11)");
        }
    }

    @Test
    void pagesLoadOfficeJsInTheHead() throws Exception {
        String html = Files.readString(ADDIN.resolve("taskpane.html"));
        int head = html.indexOf("</head>");
        assertTrue(html.indexOf("<script src=\"" + AddinFiles.OFFICE_JS_PLACEHOLDER + "\"></script>") < head);
        assertTrue(html.indexOf("<script src=\"taskpane.js\"></script>") > head);
    }
}
