package cn.juesuan.http;

import io.javalin.http.Context;

import java.net.URI;

/**
 * Headers every response gets: nosniff, no referrer, and a Content-Security-Policy by path. /api answers are never
 * cached and never framed. The task pane (/addin/) may load scripts only from this server and, without a local
 * office.js, from Microsoft's office.js CDN.
 * <p>
 * The pane has no frame-ancestors and no X-Frame-Options: Excel on the web shows it in an iframe of Microsoft's
 * pages, whose origins Microsoft does not list (OfficeDev/office-js#1005, OfficeDev/office-js-docs-pr#4911: the
 * suggested excel.cloud.microsoft was not enough, *.sharepoint.com was needed; Office Online Server runs on the
 * organisation's own host). Against clickjacking the API needs the token, which a framing page cannot read (the
 * pane's storage is partitioned by top-level site). 'unsafe-inline' styles: office.js for Excel on the web sets
 * inline styles (OfficeDev/office-js#1687); inline scripts stay forbidden.
 */
final class SecurityHeaders {
    static final String NOT_FRAMED = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String HOME = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'none'";

    private final String pane;

    /** officeJsUrl: where the pane loads office.js from (AddinFiles.officeJsUrl()). */
    SecurityHeaders(String officeJsUrl) {
        String office = officeJsUrl.startsWith("https://") ? " " + origin(officeJsUrl) : "";
        this.pane = "default-src 'self'; script-src 'self'" + office + "; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data: blob:; connect-src 'self'" + office + "; object-src 'none'; base-uri 'none';"
                + " form-action 'none'";
    }

    /** The task pane's policy. */
    String pane() {
        return pane;
    }

    void apply(Context ctx) {
        String path = ctx.path();
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        if (path.startsWith("/addin/")) {
            ctx.header("Content-Security-Policy", pane);
            return;
        }
        ctx.header("Content-Security-Policy", path.equals(HttpApp.HOME) ? HOME : NOT_FRAMED);
        ctx.header("X-Frame-Options", "DENY");
        if (path.startsWith(AccessToken.API_PREFIX)) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    private static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getAuthority();
    }
}
