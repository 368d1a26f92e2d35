package cn.juesuan.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Browser origins. A request carrying an Origin header is served only when that origin is the server itself (its
 * configured public origin or a loopback origin of its own port) or one of the configured allowed origins; anything
 * else gets 403 with an empty body and no handler runs. Requests without Origin (curl, the CLI, plain navigation) pass.
 */
final class Cors {
    static final String ALLOW_METHODS = "GET, POST, OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type, Authorization";

    private final Set<String> configured;

    Cors(ServerConfig config) {
        Set<String> s = new LinkedHashSet<>(config.allowedOrigins());
        if (config.publicOrigin() != null) {
            s.add(config.publicOrigin());
        }
        this.configured = Set.copyOf(s);
    }

    /** A before-handler: false when the request was refused (and must not reach its handler). */
    boolean admit(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        if (!configured.contains(origin) && !isOwnLoopback(ctx, origin)) {
            ctx.status(403).result("");
            return false;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Vary", "Origin");
        if (ctx.method() == HandlerType.OPTIONS) {
            ctx.header("Access-Control-Allow-Methods", ALLOW_METHODS);
            ctx.header("Access-Control-Allow-Headers", ALLOW_HEADERS);
            ctx.header("Access-Control-Max-Age", "600");
            ctx.status(204).result("");
            return false;
        }
        ctx.header("Access-Control-Expose-Headers", "Content-Disposition");
        return true;
    }

    /** http(s)://127.0.0.1:port, localhost or [::1] on the port this request came in on, with its scheme. */
    private static boolean isOwnLoopback(Context ctx, String origin) {
        String prefix = ctx.scheme() + "://";
        if (!origin.startsWith(prefix)) {
            return false;
        }
        String hostPort = origin.substring(prefix.length());
        int port = ctx.req().getLocalPort();
        String suffix = ":" + port;
        boolean defaultPort = port == ("https".equals(ctx.scheme()) ? 443 : 80);
        String host = hostPort.endsWith(suffix) ? hostPort.substring(0, hostPort.length() - suffix.length())
                : defaultPort ? hostPort : null;
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
    }
}
