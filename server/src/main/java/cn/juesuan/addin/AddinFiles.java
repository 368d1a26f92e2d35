package cn.juesuan.addin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The task pane's files under /addin/: pages, scripts, styles and icons from the jar (resources/addin/), and
 * office.js either from Microsoft's CDN (default) or from a local copy of npm @microsoft/office-js dist/ under
 * /addin/office-js/. Pages name the office.js to load through the {{OFFICE_JS}} placeholder.
 */
public final class AddinFiles {
    public static final String OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    public static final String LOCAL_PREFIX = "office-js/";
    static final String OFFICE_JS_PLACEHOLDER = "{{OFFICE_JS}}";
    /** Images may be cached (Office replaces icons served with no-cache by a default icon); the rest is revalidated. */
    static final String CACHE_LONG = "public, max-age=86400";
    static final String CACHE_REVALIDATE = "no-cache";
    /** Relative segments that do not start with a dot, the last one a file name with an extension (no folders). */
    private static final Pattern SAFE_PATH = Pattern.compile("([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"), Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
            Map.entry("gif", "image/gif"), Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("xml", "application/xml"),
            Map.entry("map", "application/json; charset=utf-8"));

    /** One file as served. */
    public record File(byte[] body, String contentType, String cacheControl) {
    }

    private final Path officeJsDir;
    private final String officeJsUrl;
    private final Map<String, Optional<File>> bundled = new ConcurrentHashMap<>();

    public AddinFiles(Path officeJsDir) {
        this.officeJsDir = officeJsDir == null ? null : officeJsDir.toAbsolutePath().normalize();
        this.officeJsUrl = officeJsDir == null ? OFFICE_JS_CDN : "/addin/" + LOCAL_PREFIX + "office.js";
    }

    /** Where pages load office.js from. */
    public String officeJsUrl() {
        return officeJsUrl;
    }

    /** The file at path (relative to /addin/), or empty when there is none or the path is not a plain relative path. */
    public Optional<File> get(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        if (path.startsWith(LOCAL_PREFIX)) {
            return officeJsDir == null ? Optional.empty() : local(path.substring(LOCAL_PREFIX.length()));
        }
        return bundled.computeIfAbsent(path, this::bundled);
    }

    private Optional<File> bundled(String path) {
        try (InputStream in = AddinFiles.class.getResourceAsStream("/addin/" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            if (path.endsWith(".html")) {
                body = new String(body, StandardCharsets.UTF_8).replace(OFFICE_JS_PLACEHOLDER, officeJsUrl)
                        .getBytes(StandardCharsets.UTF_8);
            }
            return Optional.of(new File(body, type(path), cache(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<File> local(String path) {
        Path file = officeJsDir.resolve(path).normalize();
        if (!file.startsWith(officeJsDir) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new File(Files.readAllBytes(file), type(path), CACHE_LONG)); // a fixed office.js release
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    static String type(String path) {
        return TYPES.getOrDefault(extension(path), "application/octet-stream");
    }

    static String cache(String path) {
        return type(path).startsWith("image/") ? CACHE_LONG : CACHE_REVALIDATE;
    }
}
