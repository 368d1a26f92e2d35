package cn.juesuan.layout;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProfileRegistryTest {

    @Test
    void noticesChangedFilesOnDisk(@TempDir Path dir) throws Exception {
        copyTree(Fixtures.templatesRoot(), dir);
        ProfileRegistry registry = new ProfileRegistry(dir);
        Profile before = registry.get("sichuan-2020");
        assertSame(before, registry.get("sichuan-2020"), "cached while unchanged");

        Path table = dir.resolve("sichuan-2020/tables/02-income.json");
        Files.writeString(table, Files.readString(table).replace("注：本表反映部门本年度取得的各项收入情况。", "注：已调整。"));
        Files.setLastModifiedTime(table, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals("注：已调整。", registry.get("sichuan-2020").table("income").orElseThrow().footnote());

        byte[] template = registry.templateBytes("sichuan-2020");
        Path file = registry.templatePath("sichuan-2020");
        Files.write(file, new byte[]{1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertArrayEquals(new byte[]{1, 2, 3}, registry.templateBytes("sichuan-2020"));
        assertFalse(java.util.Arrays.equals(template, registry.templateBytes("sichuan-2020")));
    }

    @Test
    void unknownProfileIsAClearError() {
        JuesuanException e = assertThrows(JuesuanException.class, () -> Fixtures.registry().get("hubei-2099"));
        assertEquals(400, e.status());
        assertEquals("unknown_profile", e.code());
    }

    @Test
    void jarCopyLoadsTheSameProfiles() {
        ProfileRegistry jar = new ProfileRegistry(null);
        assertEquals(Fixtures.registry().ids(), jar.ids());
        assertEquals(14, jar.get("sichuan-2020").tables().size());
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
