package cn.juesuan.addin;

import cn.juesuan.core.JuesuanException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An https origin ("https://host[:port]") as Office needs it for the add-in: no path, no query, no http. */
public final class Origin {
    private static final Pattern ORIGIN = Pattern.compile(
            "https://((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]+])(?::(\\d{1,5}))?/?");

    private Origin() {
    }

    /** The normalised origin (host lower-case, no trailing slash, no default port :443). */
    public static String https(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            throw JuesuanException.badRequest("missing_parameter",
                    "缺少参数 " + name + "（加载项的 https 地址，如 https://localhost:8443）。");
        }
        String s = raw.strip();
        if (s.toLowerCase(Locale.ROOT).startsWith("http://")) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 " + name + " 必须是 https 地址：Office 只加载 https 的加载项，"
                    + "收到的是“" + raw + "”。");
        }
        Matcher m = ORIGIN.matcher(s);
        if (!m.matches()) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 " + name + " 应为 https://主机名[:端口]（不带路径），"
                    + "如 https://localhost:8443，收到的是“" + raw + "”。");
        }
        String host = m.group(1).toLowerCase(Locale.ROOT);
        if (m.group(2) == null) {
            return "https://" + host;
        }
        int port = Integer.parseInt(m.group(2));
        if (port < 1 || port > 65535) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 " + name + " 的端口应在 1–65535 之间，收到的是“" + raw + "”。");
        }
        return port == 443 ? "https://" + host : "https://" + host + ":" + port;
    }
}
