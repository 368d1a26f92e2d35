package cn.juesuan.archive;

import cn.juesuan.core.DurableFiles;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportYears;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileSystems;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each unit's final workbook per year, on disk: &lt;root&gt;/&lt;unit folder&gt;/&lt;year&gt;.xlsx, with unit.json holding the
 * unit's name as written. Stores replace an entry atomically (see {@link DurableFiles}); stores of one unit-year are
 * serialised within this JVM and, through a lock file, with other processes using the same folder.
 */
public final class Archive {
    public static final String PROPERTY = "juesuan.archive";
    public static final String ENV = "JUESUAN_ARCHIVE";
    private static final String UNIT_FILE = "unit.json";
    private static final Pattern ENTRY = Pattern.compile("(\\d{4})\\.xlsx");
    private static final Map<String, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    /** One stored workbook. storedAt is ISO-8601 (UTC). */
    public record Entry(String unit, String unitCode, int year, long size, String storedAt) {
    }

    private record UnitFile(String name, String code) {
    }

    public Archive(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** -Djuesuan.archive, else JUESUAN_ARCHIVE, else ~/.juesuan/archive. Nothing is created until the first store. */
    public static Archive fromEnvironment() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENV));
        if (configured != null && !configured.isBlank()) {
            return new Archive(Path.of(configured.strip()));
        }
        return new Archive(Path.of(System.getProperty("user.home"), ".juesuan", "archive"));
    }

    public Path root() {
        return root;
    }

    public Entry store(String unit, String unitCode, int year, byte[] xlsx) {
        return store(unit, unitCode, year, new ByteArrayInputStream(xlsx));
    }

    /** Stores (or replaces) the unit's workbook of the year. */
    public Entry store(String unit, String unitCode, int year, InputStream xlsx) {
        String name = UnitNames.check(unit);
        checkYear(year);
        Path dir = unitDir(name);
        Path target = dir.resolve(year + ".xlsx");
        Path lock = dir.resolve("." + year + ".lock");
        try {
            createRoot();
            refuseLinks(dir);
            Files.createDirectories(dir);
            ReentrantLock local = LOCKS.computeIfAbsent(target.toString(), k -> new ReentrantLock());
            local.lock();
            try (FileChannel lockFile = FileChannel.open(refuseLinks(lock), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS); FileLock ignored = lockFile.lock()) {
                refuseLinks(target, dir.resolve(UNIT_FILE));
                DurableFiles.removeLeftovers(target);
                DurableFiles.replace(dir.resolve(UNIT_FILE), new ByteArrayInputStream(
                        Json.MAPPER.writeValueAsBytes(new UnitFile(name, blankToNull(unitCode)))));
                long size = DurableFiles.replace(target, xlsx);
                return new Entry(name, blankToNull(unitCode), year, size, storedAt(target));
            } finally {
                local.unlock();
            }
        } catch (IOException e) {
            throw new JuesuanException("archive_io", 500, "归档目录 " + root + " 无法写入：" + e.getMessage(), e);
        }
    }

    /** The stored workbook, or empty when the unit has none for the year. */
    public Optional<byte[]> get(String unit, int year) {
        String name = UnitNames.check(unit);
        checkYear(year);
        Path dir = unitDir(name);
        try (InputStream in = Files.newInputStream(refuseLinks(dir, dir.resolve(year + ".xlsx")), LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of(in.readAllBytes());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry, by unit then year; unit and year, when not null, narrow the list. */
    public List<Entry> list(String unit, Integer year) {
        String only = unit == null ? null : UnitNames.identity(UnitNames.check(unit));
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                UnitFile u = unitFile(dir);
                if (u == null || only != null && !only.equals(UnitNames.identity(u.name()))) {
                    continue;
                }
                try (var files = Files.list(dir)) {
                    for (Path f : files.sorted().toList()) {
                        Matcher m = ENTRY.matcher(f.getFileName().toString());
                        if (m.matches() && (year == null || year == Integer.parseInt(m.group(1)))
                                && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                            out.add(new Entry(u.name(), u.code(), Integer.parseInt(m.group(1)), Files.size(f), storedAt(f)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Entry::unit).thenComparing(Entry::year));
        return out;
    }

    private Path unitDir(String checkedName) {
        Path dir = root.resolve(UnitNames.folder(checkedName)).normalize();
        if (!dir.getParent().equals(root)) { // defence in depth: UnitNames already keeps names inside
            throw JuesuanException.badRequest("bad_unit", "单位名称无效。");
        }
        return dir;
    }

    /**
     * Refuses symbolic links below the root (the root itself may be one): a link could lead a read or a write out
     * of the archive. Returns the last path. Opening with NOFOLLOW_LINKS closes the race for files.
     */
    private static Path refuseLinks(Path... paths) {
        for (Path p : paths) {
            if (Files.isSymbolicLink(p)) {
                throw new JuesuanException("archive_link", 403, "归档目录中的“" + p.getFileName() + "”是符号链接，"
                        + "为防止读写归档目录以外的文件，已拒绝。请管理员检查归档目录。");
            }
        }
        return paths[paths.length - 1];
    }

    private void createRoot() throws IOException {
        if (Files.isDirectory(root)) {
            return;
        }
        Files.createDirectories(root);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static UnitFile unitFile(Path dir) {
        try {
            try (InputStream in = Files.newInputStream(dir.resolve(UNIT_FILE), LinkOption.NOFOLLOW_LINKS)) {
                return Json.MAPPER.readValue(in, UnitFile.class);
            }
        } catch (IOException e) {
            return null; // not an archive folder
        }
    }

    private static String storedAt(Path f) throws IOException {
        return Instant.ofEpochMilli(Files.getLastModifiedTime(f).toMillis()).toString();
    }

    private static void checkYear(int year) {
        if (!ReportYears.valid(year)) {
            throw JuesuanException.badRequest("bad_year", "决算年度应在 " + ReportYears.range() + " 之间，收到 " + year + "。");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
