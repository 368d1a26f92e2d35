package cn.juesuan.http;

import cn.juesuan.layout.ProfileRegistry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of the HTTP server.
 *
 * @param host            address to listen on (default 127.0.0.1: local use only)
 * @param port            TCP port (default 8080; 8443 is the usual choice with HTTPS)
 * @param maxRequestBytes largest request body or upload accepted (default 30 MB)
 * @param registry        where profiles and templates come from
 * @param tls             certificate for HTTPS, or null for plain HTTP
 * @param publicOrigin    the https origin users reach the server by ("https://host:8443"), used for the add-in
 *                        manifest; null when not configured
 * @param allowedOrigins  other origins whose browser requests are served (CORS); requests from any other origin are refused
 * @param officeJsDir     a local copy of office.js (the dist/ folder of npm @microsoft/office-js), or null for the CDN
 * @param accessToken     the token every /api request must present as "Authorization: Bearer …", or null for none
 *                        (only allowed on a loopback address)
 * @param limits          how much work one request may cause
 */
public record ServerConfig(String host, int port, long maxRequestBytes, ProfileRegistry registry, TlsConfig tls,
                           String publicOrigin, List<String> allowedOrigins, Path officeJsDir, String accessToken,
                           Limits limits) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_HTTPS_PORT = 8443;
    public static final long DEFAULT_MAX_REQUEST_BYTES = 30L * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(registry, "registry");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes " + maxRequestBytes);
        }
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        limits = limits == null ? Limits.DEFAULTS : limits;
    }

    public ServerConfig(String host, int port, long maxRequestBytes, ProfileRegistry registry) {
        this(host, port, maxRequestBytes, registry, null, null, List.of(), null, null, Limits.DEFAULTS);
    }

    /**
     * Work one request may cause.
     *
     * @param maxCells       most non-empty cells read from one uploaded workbook
     * @param requestTimeout longest time one request may hold a worker
     * @param maxConcurrent  requests worked on at once; more get 503
     */
    public record Limits(long maxCells, Duration requestTimeout, int maxConcurrent) {
        public static final Limits DEFAULTS = new Limits(cn.juesuan.core.Budget.DEFAULT_MAX_CELLS, Duration.ofSeconds(60),
                Math.max(2, Runtime.getRuntime().availableProcessors() * 2));

        public Limits {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (maxCells <= 0 || maxConcurrent <= 0 || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("limits " + maxCells + " " + requestTimeout + " " + maxConcurrent);
            }
        }

        public Limits withMaxCells(long n) {
            return new Limits(n, requestTimeout, maxConcurrent);
        }

        public Limits withRequestTimeout(Duration d) {
            return new Limits(maxCells, d, maxConcurrent);
        }

        public Limits withMaxConcurrent(int n) {
            return new Limits(maxCells, requestTimeout, n);
        }
    }

    /** Defaults, with templates from ProfileRegistry.fromEnvironment(). */
    public static ServerConfig defaults() {
        return defaults(ProfileRegistry.fromEnvironment());
    }

    public static ServerConfig defaults(ProfileRegistry registry) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, registry);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxRequestBytes, registry, tls, publicOrigin, allowedOrigins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxRequestBytes, registry, tls, publicOrigin, allowedOrigins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withMaxRequestBytes(long newMax) {
        return new ServerConfig(host, port, newMax, registry, tls, publicOrigin, allowedOrigins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withRegistry(ProfileRegistry newRegistry) {
        return new ServerConfig(host, port, maxRequestBytes, newRegistry, tls, publicOrigin, allowedOrigins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withTls(TlsConfig newTls) {
        return new ServerConfig(host, port, maxRequestBytes, registry, newTls, publicOrigin, allowedOrigins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withPublicOrigin(String origin) {
        return new ServerConfig(host, port, maxRequestBytes, registry, tls, origin, allowedOrigins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withAllowedOrigins(List<String> origins) {
        return new ServerConfig(host, port, maxRequestBytes, registry, tls, publicOrigin, origins, officeJsDir, accessToken, limits);
    }

    public ServerConfig withOfficeJsDir(Path dir) {
        return new ServerConfig(host, port, maxRequestBytes, registry, tls, publicOrigin, allowedOrigins, dir, accessToken, limits);
    }

    public ServerConfig withAccessToken(String token) {
        return new ServerConfig(host, port, maxRequestBytes, registry, tls, publicOrigin, allowedOrigins, officeJsDir, token, limits);
    }

    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(host, port, maxRequestBytes, registry, tls, publicOrigin, allowedOrigins, officeJsDir, accessToken, newLimits);
    }

    /** "https" with a certificate, else "http". */
    public String scheme() {
        return tls == null ? "http" : "https";
    }

    /** "30 MB" for messages. */
    public String maxRequestText() {
        return maxRequestBytes % (1024 * 1024) == 0 ? maxRequestBytes / (1024 * 1024) + " MB" : maxRequestBytes + " 字节";
    }
}
