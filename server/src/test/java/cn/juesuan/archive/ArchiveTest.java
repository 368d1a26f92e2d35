package cn.juesuan.archive;

import cn.juesuan.core.DurableFiles;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.support.Fixtures;
import cn.juesuan.template.Filler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchiveTest {
    private static final String UNIT = "泸州市科技创新服务中心";
    private static byte[] workbookA;
    private static byte[] workbookB;

    @TempDir
    Path root;

    @BeforeAll
    static void workbooks() {
        ReportData seed = Fixtures.seed(Fixtures.SEED_000);
        workbookA = new Filler(Fixtures.registry()).fill(seed);
        workbookB = new Filler(Fixtures.registry()).blank(seed.profile(), 2020, UNIT, null);
    }

    @Test
    void storesListsAndReplacesEntries() {
        Archive archive = new Archive(root);
        assertEquals(List.of(), archive.list(null, null));
        assertEquals(Optional.empty(), archive.get(UNIT, 2020));
        Archive.Entry e = archive.store(UNIT, "123456", 2020, workbookA);
        assertEquals(new Archive.Entry(UNIT, "123456", 2020, workbookA.length, e.storedAt()), e);
        archive.store(UNIT, null, 2021, workbookB);
        archive.store("遂宁市科学技术局", null, 2024, workbookB);
        assertArrayEquals(workbookA, archive.get(UNIT, 2020).orElseThrow());
        assertEquals(List.of(2020, 2021), archive.list(UNIT, null).stream().map(Archive.Entry::year).toList());
        assertEquals(3, archive.list(null, null).size());
        assertEquals(List.of("遂宁市科学技术局"), archive.list(null, 2024).stream().map(Archive.Entry::unit).toList());

        archive.store(UNIT, null, 2020, workbookB);
        assertArrayEquals(workbookB, archive.get(UNIT, 2020).orElseThrow());
        assertEquals(3, archive.list(null, null).size(), "a store replaces the unit-year's entry");
        // another spelling of the same unit (spaces, full-width) finds the same entry
        assertArrayEquals(workbookB, archive.get(" 泸州市科技创新服务中心 ", 2020).orElseThrow());
    }

    @Test
    void unitNamesCannotEscapeTheArchive() throws IOException {
        Archive archive = new Archive(root.resolve("archive"));
        for (String bad : List.of("../../etc", "..", "a/b", "a\\b", "..\\..\\windows", "单位\u0000名", "", "   ", "x".repeat(101))) {
            JuesuanException e = assertThrows(JuesuanException.class, () -> archive.store(bad, null, 2020, workbookA), bad);
            assertEquals(400, e.status(), bad);
            assertEquals("bad_unit", e.code());
            assertTrue(e.getMessage().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
            assertThrows(JuesuanException.class, () -> archive.get(bad, 2020), bad);
        }
        // names Windows would refuse, or that look like hidden folders, are kept, in a folder inside the archive
        for (String odd : List.of("..单位", "单位:*?", "CON", "单位 <一>")) {
            archive.store(odd, null, 2020, workbookA);
            assertArrayEquals(workbookA, archive.get(odd, 2020).orElseThrow(), odd);
        }
        try (Stream<Path> all = Files.walk(root)) {
            Path archiveRoot = archive.root();
            all.filter(Files::isRegularFile).forEach(f -> assertTrue(f.startsWith(archiveRoot), f.toString()));
        }
        try (Stream<Path> dirs = Files.list(archive.root())) {
            dirs.forEach(d -> assertFalse(d.getFileName().toString().startsWith("."), d.toString()));
        }
        assertEquals(4, archive.list(null, null).size());
        assertThrows(JuesuanException.class, () -> archive.store(UNIT, null, 1800, workbookA));
    }

    @Test
    void absolutePathsSeparatorsAndTheirDisguisesStayInside() throws IOException {
        Archive archive = new Archive(root.resolve("archive"));
        for (String bad : List.of("/etc/passwd", "/", "C:\\Windows\\win.ini", "\\\\server\\share", "a/../../b", "..\u0000",
                "单位\n名称", "\u0085..")) {
            JuesuanException e = assertThrows(JuesuanException.class, () -> archive.store(bad, null, 2020, workbookA), bad);
            assertEquals("bad_unit", e.code(), bad);
            assertThrows(JuesuanException.class, () -> archive.get(bad, 2020), bad);
            assertThrows(JuesuanException.class, () -> archive.list(bad, null), bad);
        }
        // full-width ／ ＼ ． fold into / \ . in the unit's key; URL encodings are plain text by the time they get here
        List<String> odd = List.of("．．／．．／outside", "..／..／outside", "单位＼..＼..＼x", "%2e%2e%2foutside", "..%2F..%2Foutside",
                "%252e%252e%252f", "C:", "～／");
        for (String name : odd) {
            archive.store(name, null, 2020, workbookA);
            assertArrayEquals(workbookA, archive.get(name, 2020).orElseThrow(), name);
        }
        assertEquals(odd.stream().map(cn.juesuan.text.Text::key).distinct().count(), archive.list(null, null).size(),
                "．．／ and ..／ are one unit");
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(p -> !p.equals(root) && !p.equals(archive.root())).forEach(p -> {
                assertTrue(p.startsWith(archive.root()), p.toString());
                assertEquals(archive.root(), Files.isDirectory(p) ? p.getParent() : p.getParent().getParent(), p.toString());
            });
        }
    }

    @Test
    void symbolicLinksInsideTheArchiveAreNeitherReadNorWrittenThrough() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        byte[] secret = "secret, not a workbook".getBytes(StandardCharsets.UTF_8);
        Files.write(outside.resolve("2020.xlsx"), secret);
        Files.write(outside.resolve("secret.xlsx"), secret);
        Files.writeString(outside.resolve("unit.json"), "{\"name\":\"外单位\"}");
        Archive archive = new Archive(root.resolve("archive"));

        // the unit's folder is a link out of the archive
        Path linkedUnit = unitFolder(archive, "外单位");
        deleteTree(linkedUnit);
        Files.createSymbolicLink(linkedUnit, outside);
        assertLink(() -> archive.store("外单位", null, 2021, workbookA));
        assertLink(() -> archive.get("外单位", 2020));
        assertEquals(List.of(), archive.list("外单位", null));

        // the entry, the lock file and unit.json are links out of the archive
        Path dir = unitFolder(archive, UNIT);
        Files.delete(dir.resolve("2020.xlsx"));
        Files.createSymbolicLink(dir.resolve("2020.xlsx"), outside.resolve("secret.xlsx"));
        assertLink(() -> archive.get(UNIT, 2020));
        assertLink(() -> archive.store(UNIT, null, 2020, workbookA));
        assertEquals(List.of(), archive.list(UNIT, 2020));
        Files.createSymbolicLink(dir.resolve(".2021.lock"), outside.resolve("created.lock"));
        assertLink(() -> archive.store(UNIT, null, 2021, workbookA));
        Path third = unitFolder(archive, "遂宁市科学技术局");
        Files.delete(third.resolve("unit.json"));
        Files.createSymbolicLink(third.resolve("unit.json"), outside.resolve("unit.json"));
        assertLink(() -> archive.store("遂宁市科学技术局", null, 2021, workbookA));
        assertEquals(List.of(), archive.list(null, null).stream().filter(e -> !e.unit().equals(UNIT)).toList(), "no unit read through a link");

        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(List.of("2020.xlsx", "secret.xlsx", "unit.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        assertArrayEquals(secret, Files.readAllBytes(outside.resolve("2020.xlsx")));
        assertArrayEquals(secret, Files.readAllBytes(outside.resolve("secret.xlsx")));
        assertFalse(Files.exists(root.resolve("created.lock")));
    }

    /** The folder a first store of unit created (the archive's only folder for it). */
    private static Path unitFolder(Archive archive, String unit) throws IOException {
        archive.store(unit, null, 2020, workbookA);
        try (Stream<Path> dirs = Files.list(archive.root())) {
            List<Path> found = dirs.filter(d -> Files.exists(d.resolve("unit.json"), java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && d.getFileName().toString().startsWith(unit)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    private static void assertLink(org.junit.jupiter.api.function.Executable e) {
        JuesuanException x = assertThrows(JuesuanException.class, e);
        assertEquals("archive_link", x.code(), x.getMessage());
        assertEquals(403, x.status());
        assertTrue(x.getMessage().contains("符号链接"), x.getMessage());
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void concurrentStoresOfOneUnitYearAreSerialised() throws Exception {
        Archive archive = new Archive(root);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Archive.Entry>> stores = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] content = i % 2 == 0 ? workbookA : workbookB;
                stores.add(pool.submit(() -> archive.store(UNIT, null, 2020, new Watched(content, inside, overlaps))));
            }
            for (Future<Archive.Entry> f : stores) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, overlaps.get(), "two stores of one unit-year wrote at the same time");
        byte[] last = archive.get(UNIT, 2020).orElseThrow();
        assertTrue(Arrays.equals(last, workbookA) || Arrays.equals(last, workbookB));
        assertNoLeftovers();
    }

    @Test
    void aStoreKilledMidWriteLeavesTheOldEntry() throws Exception {
        Archive archive = new Archive(root.resolve("archive"));
        AtomicReference<CompletableFuture<Archive.Entry>> waiting = new AtomicReference<>();
        killChild(archive.root(), "stall", "half of B written", () -> {
            assertEquals(1, leftovers().size(), "the child is mid-write: its temp file exists");
            // a store from this process waits for the child's lock on the unit-year
            waiting.set(CompletableFuture.supplyAsync(() -> archive.store(UNIT, null, 2020, workbookB)));
            Thread.sleep(500);
            assertFalse(waiting.get().isDone(), "the store must wait while another process writes the entry");
        });
        waiting.get().get(30, TimeUnit.SECONDS);
        assertArrayEquals(workbookB, archive.get(UNIT, 2020).orElseThrow());
        assertNoLeftovers();
    }

    @Test
    void theEntryLeftByAKilledStoreIsReadable() throws Exception {
        Archive archive = new Archive(root.resolve("archive"));
        killChild(archive.root(), "stall", "half of B written", () -> { });
        byte[] left = archive.get(UNIT, 2020).orElseThrow();
        assertArrayEquals(workbookA, left, "the old entry, not half of the new one");
        assertEquals(UNIT, new WorkbookReader(Fixtures.registry()).read(left, null).data().unit().name());
        assertEquals(1, archive.list(null, null).size());

        for (int round = 0; round < 3; round++) {
            long delay = 300 + 200L * round;
            killChild(archive.root(), "loop", "looping", () -> Thread.sleep(delay));
            byte[] entry = archive.get(UNIT, 2020).orElseThrow();
            assertTrue(Arrays.equals(entry, workbookA) || Arrays.equals(entry, workbookB), "round " + round);
            new WorkbookReader(Fixtures.registry()).read(entry, null);
        }
    }

    private interface Check {
        void run() throws Exception;
    }

    /** Starts a child JVM storing into the archive, waits for its line, runs the check, then kills it (SIGKILL). */
    private void killChild(Path archiveRoot, String mode, String line, Check whileRunning) throws Exception {
        Process child = child(archiveRoot, mode);
        try {
            awaitLine(child, line);
            whileRunning.run();
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
        } finally {
            child.destroyForcibly();
        }
    }

    private Process child(Path archiveRoot, String mode) throws IOException {
        Path a = root.resolve("a.xlsx");
        Path b = root.resolve("b.xlsx");
        Files.write(a, workbookA);
        Files.write(b, workbookB);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ArchiveChild.class.getName(),
                archiveRoot.toString(), UNIT, "2020", a.toString(), b.toString(), mode)
                .redirectErrorStream(true).start();
    }

    private static void awaitLine(Process p, String line) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Boolean> seen = CompletableFuture.supplyAsync(() -> {
            try {
                List<String> got = new ArrayList<>();
                for (String l; (l = r.readLine()) != null; ) {
                    if (l.equals(line)) {
                        return true;
                    }
                    got.add(l);
                }
                throw new AssertionError("child ended before “" + line + "”: " + got);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(seen.get(60, TimeUnit.SECONDS));
    }

    private List<Path> leftovers() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(f -> f.getFileName().toString().endsWith(DurableFiles.STAGING_SUFFIX)).toList();
        }
    }

    private void assertNoLeftovers() throws IOException {
        assertEquals(List.of(), leftovers());
    }

    /** Content whose reads count how many stores are reading at the same moment. */
    private static final class Watched extends InputStream {
        private final InputStream in;
        private final AtomicInteger inside;
        private final AtomicInteger overlaps;
        private boolean entered;

        Watched(byte[] bytes, AtomicInteger inside, AtomicInteger overlaps) {
            this.in = new ByteArrayInputStream(bytes);
            this.inside = inside;
            this.overlaps = overlaps;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!entered) {
                entered = true;
                if (inside.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
            }
            int n = in.read(b, off, Math.min(len, 4096));
            if (n < 0) {
                inside.decrementAndGet();
                return n;
            }
            Thread.yield();
            return n;
        }
    }
}
