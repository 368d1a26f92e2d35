package cn.juesuan.cli;

import cn.juesuan.layout.ProfileRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Argument handling, messages and exit codes that need neither the filler nor the reader. */
class CliTest {
    @TempDir
    Path dir;

    static void assertBadInput(Cli r, String messagePart) {
        assertEquals(Main.BAD_INPUT, r.code(), r.toString());
        assertTrue(r.err().contains(messagePart), r.toString());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.toString());
    }

    @Test
    void helpAndNoArgsPrintChineseUsage() {
        for (String[] args : new String[][]{{}, {"help"}, {"--help"}}) {
            Cli r = Cli.run(args);
            assertEquals(Main.OK, r.code(), r.toString());
            assertTrue(r.out().contains("用法"), r.toString());
            for (Main.Command c : Main.COMMANDS) {
                assertTrue(r.out().contains(Main.PROG + " " + c.synopsis()), c.name());
            }
        }
        Cli one = Cli.run("help", "blank");
        assertEquals(Main.OK, one.code());
        assertTrue(one.out().contains("--unit"));
    }

    @Test
    void commandNamesAreTheContract() {
        var names = Main.COMMANDS.stream().map(Main.Command::name).toList();
        for (String contract : java.util.List.of("profiles", "blank", "fill", "read", "validate", "batch", "serve", "templates", "carry-forward", "manifest", "narrative",
                "check-narrative", "help")) {
            assertTrue(names.contains(contract), contract);
        }
        assertEquals(names.size(), new java.util.HashSet<>(names).size(), "command names are unique");
    }

    @Test
    void unknownCommandOrOptionIsUsageError() {
        assertBadInput(Cli.run("fil"), "未知命令");
        assertBadInput(Cli.run("blank", "--yaer", "2024"), "--yaer");
        assertBadInput(Cli.run("blank", "--year"), "缺少取值");
        assertBadInput(Cli.run("blank", "--year", "2024", "--year", "2025"), "不止一次");
        assertBadInput(Cli.run("fill"), "缺少文件参数");
        assertBadInput(Cli.run("read", "a.xlsx", "b.xlsx"), "多余的参数");
    }

    @Test
    void blankChecksItsParameters() {
        String out = dir.resolve("x.xlsx").toString();
        assertBadInput(Cli.run("blank", "--unit", "单位", "-o", out), "--year");
        assertBadInput(Cli.run("blank", "--year", "abc", "--unit", "单位", "-o", out), "四位年份");
        assertBadInput(Cli.run("blank", "--year=1800", "--unit", "单位", "-o", out), "1990");
        assertBadInput(Cli.run("blank", "--year", "2024", "-o", out), "--unit");
        assertBadInput(Cli.run("blank", "--year", "2024", "--unit", "单位"), "-o");
        assertBadInput(Cli.run("blank", "--profile", "nope", "--year", "2024", "--unit", "单位", "-o", out), "nope");
        assertBadInput(Cli.run("blank", "--year", "2024", "--unit", "单位", "-o", dir.resolve("no/such/dir/x.xlsx").toString()),
                "输出目录不存在");
        assertFalse(Files.exists(dir.resolve("x.xlsx")));
    }

    @Test
    void fillRejectsBadJsonWithoutWritingOutput() throws Exception {
        Path json = dir.resolve("data.json");
        Path out = dir.resolve("out.xlsx");
        assertBadInput(Cli.run("fill", json.toString(), "-o", out.toString()), "找不到文件");

        Files.writeString(json, "{\"year\": \"二〇二四\"}");
        assertBadInput(Cli.run("fill", json.toString(), "-o", out.toString()), "字段 year");

        Files.writeString(json, "{\"year\": 2024,");
        assertBadInput(Cli.run("fill", json.toString(), "-o", out.toString()), "JSON");

        Files.writeString(json, "{\"profile\": \"sichuan-2020\", \"year\": 2024}");
        assertBadInput(Cli.run("fill", json.toString(), "-o", out.toString()), "字段 year");

                Files.writeString(json, "{\"year\": 2024, \"tables\": {\"no_such_table\": {\"values\": {\"r\": {\"c\": 1}}}}}");
        assertBadInput(Cli.run("fill", json.toString(), "-o", out.toString()), "no_such_table");
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(json), files.toList(), "no output, no temp file left");
        }
    }

    @Test
    void readChecksFileAndProfile() throws Exception {
        assertBadInput(Cli.run("read", dir.resolve("none.xlsx").toString()), "找不到文件");
        Path notXlsx = Files.writeString(dir.resolve("a.xlsx"), "这不是工作簿");
        assertBadInput(Cli.run("read", notXlsx.toString(), "--profile", "nope"), "nope");
    }

    @Test
    void serveRejectsBadPort() {
        assertBadInput(Cli.run("serve", "--port", "http"), "--port");
        assertBadInput(Cli.run("serve", "--port", "70000"), "--port");
    }

    @Test
    void templatesRefusesWhenTemplatesAreInsideTheJar() {
        Cli r = Cli.run(() -> new ProfileRegistry(null), "templates");
        assertBadInput(r, "jar");
    }

    @Test
    void profilesListsEveryProfile() {
        Cli r = Cli.run("profiles");
        assertEquals(Main.OK, r.code(), r.toString());
        for (String id : ProfileRegistry.fromEnvironment().ids()) {
            assertTrue(r.out().contains(id), id);
        }
        assertTrue(r.out().contains("默认"));
    }
}
