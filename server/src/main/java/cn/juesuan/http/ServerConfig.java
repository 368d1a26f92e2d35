package cn.juesuan.http;

import cn.juesuan.layout.ProfileRegistry;

import java.util.Objects;

/**
 * Settings of the HTTP server.
 *
 * @param host            address to listen on (default 127.0.0.1: local use only)
 * @param port            TCP port (default 8080)
 * @param maxRequestBytes largest request body or upload accepted (default 30 MB)
 * @param registry        where profiles and templates come from
 */
public record ServerConfig(String host, int port, long maxRequestBytes, ProfileRegistry registry) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
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
    }

    /** Defaults, with templates from ProfileRegistry.fromEnvironment(). */
    public static ServerConfig defaults() {
        return defaults(ProfileRegistry.fromEnvironment());
    }

    public static ServerConfig defaults(ProfileRegistry registry) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_REQUEST_BYTES, registry);
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, maxRequestBytes, registry);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxRequestBytes, registry);
    }

    public ServerConfig withMaxRequestBytes(long newMax) {
        return new ServerConfig(host, port, newMax, registry);
    }

    public ServerConfig withRegistry(ProfileRegistry newRegistry) {
        return new ServerConfig(host, port, maxRequestBytes, newRegistry);
    }

    /** "30 MB" for messages. */
    public String maxRequestText() {
        return maxRequestBytes % (1024 * 1024) == 0 ? maxRequestBytes / (1024 * 1024) + " MB" : maxRequestBytes + " 字节";
    }
}
