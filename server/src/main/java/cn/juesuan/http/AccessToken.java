package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The access token. Without one the server listens only on loopback addresses; with one every /api request must
 * carry "Authorization: Bearer &lt;token&gt;", compared in constant time (SHA-256 of both, MessageDigest.isEqual).
 */
public final class AccessToken {
    private static final Logger LOG = LoggerFactory.getLogger(AccessToken.class);
    public static final int MIN_LENGTH = 16;
    static final String API_PREFIX = "/api/";
    static final String CHALLENGE = "Bearer realm=\"juesuan\"";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] digest;

    private AccessToken(String token) {
        this.digest = sha256(token);
    }

    /**
     * Hooks the token into a Javalin config: the server binds to config.host() when started without a host, and a
     * start on a non-loopback address without a token, or with a weak token, is refused before anything listens.
     */
    static void configure(JavalinConfig c, ServerConfig config) {
        c.jetty.defaultHost = config.host();
        c.jetty.defaultPort = config.port();
        // Jetty's header cache otherwise hands back an earlier value of the connection that differs only in case
        c.jetty.modifyHttpConfiguration(h -> h.setHeaderCacheCaseSensitive(true));
        AtomicReference<Server> server = new AtomicReference<>();
        c.jetty.modifyServer(server::set);
        c.events.serverStarting(() -> {
            for (Connector connector : server.get().getConnectors()) {
                if (connector instanceof NetworkConnector n) {
                    checkListen(n.getHost(), config.accessToken());
                }
            }
        });
    }

    /** The before-handler for /api requests, or null when no token is configured. */
    static AccessToken of(ServerConfig config) {
        return config.accessToken() == null ? null : new AccessToken(config.accessToken());
    }

    /** A before-handler: false when the request was refused with 401 (and must not reach its handler). */
    boolean admit(Context ctx) {
        if (!ctx.path().startsWith(API_PREFIX) || matches(ctx.header("Authorization"))) {
            return true;
        }
        LOG.warn("拒绝未带正确访问令牌的请求：{} {}，来自 {}", ctx.method(), ctx.path(), ctx.ip());
        ctx.header("WWW-Authenticate", CHALLENGE);
        ctx.status(401).json(new ApiError("unauthorized",
                "需要访问令牌：请在面板中输入管理员提供的访问令牌，或在请求头中加上 Authorization: Bearer 令牌。令牌缺失或不正确。"));
        return false;
    }

    /** Whether an Authorization header value carries this token ("Bearer " + token, scheme in any case). */
    boolean matches(String authorization) {
        if (authorization == null || authorization.length() < 7
                || !authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring(7).strip()));
    }

    /**
     * Refuses to listen on host (null or blank: every interface) unless it is a loopback address or a token is set;
     * a token that is set must be strong enough. Messages are Chinese and suggest a freshly generated token.
     */
    public static void checkListen(String host, String token) {
        if (token != null) {
            checkStrength(token);
            return;
        }
        if (!isLoopback(host)) {
            String where = host == null || host.isBlank() ? "所有网络地址" : host;
            throw JuesuanException.badRequest("token_required", "拒绝启动：监听 " + where + " 时其他电脑也能访问本服务，"
                    + "必须设置访问令牌（--token 令牌，或环境变量 JUESUAN_TOKEN）。可以使用这个随机生成的令牌：" + generate()
                    + "  只在本机使用时请去掉 --host（默认 127.0.0.1）。");
        }
    }

    /** Refuses tokens shorter than MIN_LENGTH or with characters other than visible ASCII. */
    public static void checkStrength(String token) {
        if (token.length() < MIN_LENGTH) {
            throw JuesuanException.badRequest("weak_token", "访问令牌太短（" + token.length() + " 个字符），至少需要 " + MIN_LENGTH
                    + " 个字符，建议使用随机生成的令牌，例如：" + generate());
        }
        if (!token.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw JuesuanException.badRequest("weak_token", "访问令牌只能由英文字母、数字和 ASCII 符号组成（不能有空格或中文），"
                    + "例如：" + generate());
        }
    }

    /** 43 characters of base64url from 32 random bytes. */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when every address the host names is a loopback address; null, blank, wildcard or unknown are not. */
    public static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
