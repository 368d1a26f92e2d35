package cn.juesuan.cli;

import cn.juesuan.support.BadInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static cn.juesuan.cli.CliTest.assertBadInput;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bad-input corpus (support.BadInputs) through the CLI: exit 2, a Chinese message, no stack trace, no output file. */
class CliBadInputTest {
    @TempDir
    Path dir;

    /** The words each code's message starts with: the CLI says the same as HTTP. */
    private static String words(String code) {
        return switch (code) {
            case "not_xlsx" -> "不是 Excel 工作簿";
            case "legacy_xls" -> "97-2003";
            case "encrypted" -> "打开密码";
            case "incomplete_xlsx" -> "不完整";
            case "zip_bomb" -> "压缩炸弹";
            case "xml_doctype" -> "DOCTYPE";
            case "too_many_cells" -> "--max-cells";
            case "corrupt_xlsx" -> "已损坏";
            default -> throw new IllegalArgumentException(code);
        };
    }

    @Test
    void everyBadUploadExits2WithoutOutput() throws Exception {
        int i = 0;
        for (BadInputs.Case c : BadInputs.uploads()) {
            Path in = Files.write(dir.resolve("in" + i++ + ".xlsx"), c.bytes().get());
            Path out = dir.resolve("out.xlsx");
            String expected = words(c.code());
            assertBadInput(Cli.run("validate", in.toString(), "--annotate", out.toString()), expected);
            assertBadInput(Cli.run("read", in.toString()), expected);
            assertBadInput(Cli.run("narrative", in.toString(), "-o", dir.resolve("说明.docx").toString()), expected);
            assertBadInput(Cli.run("carry-forward", in.toString(), "--year", "2025", "-o", out.toString()), expected);
            try (var files = Files.list(dir)) {
                assertEquals(List.of(), files.filter(f -> !f.getFileName().toString().startsWith("in")).toList(),
                        c.name() + ": no output and no temp file left");
            }
        }
    }

    @Test
    void emptyAndHugeFiles() throws Exception {
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertBadInput(Cli.run("validate", empty.toString()), "文件为空");
        // the CLI has no upload limit: 60 MB that is not a workbook is refused by what it is
        Path big = Files.write(dir.resolve("big.xlsx"), Arrays.copyOf("不是工作簿".getBytes(), 60 * 1024 * 1024));
        assertBadInput(Cli.run("validate", big.toString()), "不是 Excel 工作簿");
        // a 60 MB workbook cut short in the middle
        Path cut = Files.write(dir.resolve("cut.xlsx"), Arrays.copyOf(BadInputs.valid(), 60 * 1024 * 1024));
        assertBadInput(Cli.run("read", cut.toString()), "不完整");
    }
}
