package cn.juesuan.http;

import cn.juesuan.archive.Archive;
import cn.juesuan.addin.AddinFiles;
import cn.juesuan.addin.Manifest;
import cn.juesuan.addin.SheetValues;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.EvalSheetPlan;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.narrative.NarrativeService;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.rules.AnnotatedWorkbook;
import cn.juesuan.rules.ValidationReport;
import cn.juesuan.rules.Validator;
import cn.juesuan.template.Filler;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.servlet.FilterHolder;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The HTTP face: every route in one table, thin handlers over the core, errors as JSON {code, message}. */
public final class HttpApp {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String VERSION = readVersion();

    // Route paths. New endpoints (validate, carry-forward, archive, add-in) add a constant here and a line in routes().
    public static final String HOME = "/";
    public static final String HEALTH = "/health";
    public static final String OPENAPI = "/openapi.json";
    public static final String PROFILES = "/api/profiles";
    public static final String BLANK = "/api/templates/blank";
    public static final String FILL = "/api/fill";
    public static final String READ = "/api/read";
    public static final String SELF_EVALUATION_KINDS = "/api/self-evaluation/kinds";
    public static final String VALIDATE = "/api/validate";
    public static final String VALIDATE_ANNOTATED = "/api/validate/annotated";
    public static final String NARRATIVE = "/api/narrative";
    public static final String NARRATIVE_WORKBOOK = "/api/narrative/workbook";
    public static final String NARRATIVE_CHECK = "/api/narrative/check";
    public static final String ARCHIVE = "/api/archive";
    public static final String CARRY_FORWARD = "/api/carry-forward";
    public static final String ADDIN_MANIFEST = "/addin/manifest.xml";
    public static final String ADDIN_FILES = "/addin/<path>";

    public record Route(HandlerType method, String path, Handler handler) {
    }

    public record TableInfo(String key, String number, String title) {
    }

    public record ProfileInfo(String id, String name, String province, int fromYear, Integer toYear, String moneyUnit,
                              @JsonProperty("default") boolean isDefault, List<TableInfo> tables) {
        static ProfileInfo of(Profile p) {
            return new ProfileInfo(p.id(), p.name(), p.province(), p.fromYear(), p.toYear(), p.moneyUnit(), p.isDefault(),
                    p.tables().stream().map(t -> new TableInfo(t.key(), t.number(), t.title())).toList());
        }
    }

    /** A self-evaluation sheet kind: what it is, where its layout comes from, and the keys of its values. */
    public record EvalKindInfo(String key, String title, String region, String source, String moneyUnit, String scoring,
                               List<String> uncertain, List<EvalSheetPlan.Value> values,
                               Map<String, List<EvalSheetPlan.Value>> lists) {
        static EvalKindInfo of(EvalSheetLayout l) {
            EvalSheetPlan plan = EvalSheetPlan.of(l);
            return new EvalKindInfo(l.key(), l.title(), l.region(), l.source(), l.moneyUnit(), l.scoring(), l.uncertain(),
                    plan.values(), plan.listColumns());
        }
    }

    private final ServerConfig config;
    private final ProfileRegistry registry;
    private final Filler filler;
    private final WorkbookReader reader;
    private final Validator validator;
    private final NarrativeHandlers narrative;
    private final CarryForwardHandlers carryForward;
    private final byte[] openApi = resource("/openapi.json");
    private final byte[] homePage = resource("/home.html");
    private final AddinFiles addinFiles;

    public HttpApp(ServerConfig config) {
        this(config, Archive.fromEnvironment());
    }

    public HttpApp(ServerConfig config, Archive archive) {
        this.config = config;
        this.registry = config.registry();
        this.filler = new Filler(registry);
        this.reader = new WorkbookReader(registry);
        CodeCatalogue codes = CodeCatalogue.load(registry.root());
        this.validator = new Validator(registry, codes);
        this.narrative = new NarrativeHandlers(new NarrativeService(registry, codes), config);
        this.addinFiles = new AddinFiles(config.officeJsDir());
        this.carryForward = new CarryForwardHandlers(this, registry, reader, archive);
    }

    /** The configured Javalin app, not started. */
    public static Javalin create(ServerConfig config) {
        return new HttpApp(config).build();
    }

    /** The app with the workbook archive in the given folder. */
    public static Javalin create(ServerConfig config, Archive archive) {
        return new HttpApp(config, archive).build();
    }

    /** Every route the app serves; openapi.json describes exactly these. */
    public List<Route> routes() {
        return List.of(
                new Route(HandlerType.GET, HOME, this::home),
                new Route(HandlerType.GET, HEALTH, this::health),
                new Route(HandlerType.GET, OPENAPI, this::openApi),
                new Route(HandlerType.GET, PROFILES, this::profiles),
                new Route(HandlerType.GET, BLANK, this::blank),
                new Route(HandlerType.POST, FILL, this::fill),
                new Route(HandlerType.POST, READ, this::read),
                new Route(HandlerType.GET, SELF_EVALUATION_KINDS, this::selfEvaluationKinds),
                new Route(HandlerType.POST, VALIDATE, this::validate),
                new Route(HandlerType.POST, VALIDATE_ANNOTATED, this::validateAnnotated),
                new Route(HandlerType.POST, NARRATIVE, narrative::docx),
                new Route(HandlerType.POST, NARRATIVE_WORKBOOK, narrative::workbook),
                new Route(HandlerType.POST, NARRATIVE_CHECK, narrative::check),
                new Route(HandlerType.GET, ADDIN_MANIFEST, this::addinManifest),
                new Route(HandlerType.GET, ADDIN_FILES, this::addinFile),
                new Route(HandlerType.GET, ARCHIVE, carryForward::archiveGet),
                new Route(HandlerType.POST, ARCHIVE, carryForward::archiveStore),
                new Route(HandlerType.POST, CARRY_FORWARD, carryForward::carryForward));
    }

    Javalin build() {
        long max = config.maxRequestBytes();
        Javalin app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            c.http.maxRequestSize = max;
            c.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(max, SizeUnit.BYTES);
            c.requestLogger.http((ctx, ms) ->
                    LOG.info("{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            c.jetty.modifyServletContextHandler(h -> h.addFilter(new FilterHolder(new BodyLimit(config)), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            if (config.tls() != null) {
                c.jetty.addConnector((server, httpConfig) -> Tls.connector(server, httpConfig, config));
            }
            AccessToken.configure(c, config);
        });
        SecurityHeaders headers = new SecurityHeaders(addinFiles.officeJsUrl());
        Cors cors = new Cors(config);
        AccessToken token = AccessToken.of(config);
        app.before(ctx -> {
            headers.apply(ctx);
            if (!cors.admit(ctx) || token != null && !token.admit(ctx)) {
                ctx.skipRemainingHandlers();
            }
        });
        RequestGuard guard = new RequestGuard(config.limits());
        app.events(e -> e.serverStopped(guard::shutdown));
        // the work of /api routes is capped and timed; the page, health, openapi and add-in files always answer
        routes().forEach(r -> app.addHttpHandler(r.method(), r.path(),
                r.path().startsWith("/api/") ? guard.guard(r.handler()) : r.handler()));

        app.exception(JuesuanException.class, (e, ctx) -> {
            if (e.status() == 503) {
                ctx.header("Retry-After", RequestGuard.RETRY_AFTER_SECONDS);
            }
            if (e.status() == 503 || e.status() == 504) {
                LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.code());
            } else if (e.status() >= 500) {
                // faults of the server's own files (templates, rules, archive) name its paths: those go to the log
                LOG.error("{} {}: {}", ctx.method(), ctx.path(), e.getMessage(), e);
                error(ctx, e.status(), e.code(), "服务器端出错（" + e.code() + "），详情已记入服务器日志，请联系服务管理员。");
                return;
            }
            error(ctx, e.status(), e.code(), e.getMessage());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> httpError(ctx, e.getStatus()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal_error", "服务器内部错误，详情已记入服务器日志，请联系管理员。");
        });
        return app;
    }

    // --- handlers -------------------------------------------------------------------------------------------

    private void home(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(homePage);
    }

    private void health(Context ctx) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", VERSION);
        ctx.json(body);
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(openApi);
    }

    private void profiles(Context ctx) {
        ctx.json(registry.profiles().stream().map(ProfileInfo::of).toList());
    }

    private void blank(Context ctx) {
        int year = Params.year(ctx.queryParam("year"), "year");
        String unit = Params.required(ctx.queryParam("unit"), "unit", "单位名称");
        String unitCode = Params.optional(ctx.queryParam("unitCode"));
        List<String> kinds = Params.list(ctx.queryParam("selfEval"));
        if (!kinds.isEmpty()) {
            sendXlsx(ctx, filler.blankSelfEvaluations(kinds, year, unit, unitCode), fileName(unit, year, "绩效自评表（空表）"));
            return;
        }
        String profileId = Params.optional(ctx.queryParam("profile"));
        Profile profile = profileId == null ? registry.forYear(year) : registry.get(profileId);
        byte[] xlsx = filler.blank(profile.id(), year, unit, unitCode);
        sendXlsx(ctx, xlsx, fileName(unit, year, "部门决算（空表）"));
    }

    private void fill(Context ctx) {
        ReportData data = FillInput.parse(ctx.bodyAsBytes(), registry);
        byte[] xlsx = filler.fill(data);
        sendXlsx(ctx, xlsx, fileName(data.unit().name(), data.year(), "部门决算"));
    }

    private void read(Context ctx) throws IOException {
        String profileId = profileParam(ctx);
        ReadResult r = reader.read(workbookBytes(ctx), profileId);
        ctx.json(new ReadOutput(r.data(), r.notes()));
    }

    private void selfEvaluationKinds(Context ctx) {
        ctx.json(registry.evalSheets().stream().map(EvalKindInfo::of).toList());
    }

    private void validate(Context ctx) throws IOException {
        String profileId = profileParam(ctx);
        byte[] xlsx = workbookBytes(ctx);
        ctx.json(validator.validate(xlsx, profileId, carryForward.previous(ctx, xlsx, profileId)));
    }

    private void validateAnnotated(Context ctx) throws IOException {
        String profileId = profileParam(ctx);
        byte[] xlsx = workbookBytes(ctx);
        ValidationReport report = validator.validate(xlsx, profileId, carryForward.previous(ctx, xlsx, profileId));
        ctx.header("X-Juesuan-Errors", String.valueOf(report.counts().error()));
        sendXlsx(ctx, AnnotatedWorkbook.annotate(xlsx, report), fileName(report.unit(), report.year(), "校验标注"));
    }

    /** ?profile=, checked before the upload is parsed. */
    private String profileParam(Context ctx) {
        String profileId = Params.optional(ctx.queryParam("profile"));
        if (profileId != null) {
            registry.get(profileId);
        }
        return profileId;
    }

    /** The add-in manifest for ?origin=, else the configured public origin, else this request's own https origin. */
    private void addinManifest(Context ctx) {
        String origin = Params.optional(ctx.queryParam("origin"));
        if (origin == null) {
            origin = config.publicOrigin();
        }
        if (origin == null && "https".equals(ctx.scheme())) {
            origin = "https://" + ctx.host();
        }
        if (origin == null) {
            throw JuesuanException.badRequest("no_https_origin", "本服务器没有以 HTTPS 运行，无法确定加载项的地址。"
                    + "请用 ?origin=https://主机:端口 指定，或按 README 配置证书后以 HTTPS 启动服务。");
        }
        String xml = Manifest.render(origin, "origin");
        ctx.header("Content-Disposition", "attachment; filename=\"juesuan-manifest.xml\"");
        ctx.contentType("application/xml; charset=utf-8").result(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Task pane files, icons and (when configured) the local office.js. */
    private void addinFile(Context ctx) {
        AddinFiles.File f = addinFiles.get(ctx.pathParam("path")).orElseThrow(() -> JuesuanException.notFound("not_found",
                "没有这个加载项文件：" + ctx.path() + "。"));
        ctx.header("Cache-Control", f.cacheControl());
        ctx.contentType(f.contentType()).result(f.body());
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** The uploaded workbook: multipart field "file", a JSON body of sheet values (SheetValues), or the raw body. */
    byte[] workbookBytes(Context ctx) throws IOException {
        byte[] bytes;
        if (ctx.isMultipartFormData()) {
            bytes = upload(ctx, "file");
            if (bytes == null) {
                throw JuesuanException.badRequest("missing_file", "缺少上传文件：请用 multipart 字段 file 上传 xlsx。");
            }
        } else if (ctx.contentType() != null && ctx.contentType().startsWith("application/json")) {
            bytes = SheetValues.toXlsx(ctx.bodyAsBytes()); // the task pane's used-range values
        } else {
            bytes = ctx.bodyAsBytes();
        }
        if (bytes.length == 0) {
            throw JuesuanException.badRequest("missing_file",
                    "没有收到工作簿：请把 xlsx 作为请求体发送，或用 multipart 字段 file 上传。");
        }
        return bytes;
    }

    /** A multipart file field's bytes, or null when the request has no such field. */
    byte[] upload(Context ctx, String field) throws IOException {
        UploadedFile file;
        try {
            file = ctx.uploadedFile(field);
        } catch (IllegalStateException e) { // Jetty: part or request over the multipart limits
            throw tooLarge();
        }
        if (file == null) {
            return null;
        }
        try (InputStream in = file.content()) {
            return in.readAllBytes();
        }
    }

    private JuesuanException tooLarge() {
        return BodyLimit.tooLarge(config);
    }

    private void httpError(Context ctx, int status) {
        switch (status) {
            case 413 -> error(ctx, 413, "too_large", tooLarge().getMessage());
            case 404 -> error(ctx, 404, "not_found", "没有这个地址：" + ctx.method() + " " + ctx.path() + "。接口说明见 " + OPENAPI);
            case 405 -> error(ctx, 405, "method_not_allowed", "此地址不支持 " + ctx.method() + " 请求。");
            default -> error(ctx, status, "http_" + status, "请求无法处理（HTTP " + status + "）。");
        }
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ApiError(code, message));
    }

    static void sendXlsx(Context ctx, byte[] xlsx, String fileName) {
        ctx.header("Content-Disposition", contentDisposition(fileName));
        ctx.contentType(XLSX).result(xlsx);
    }

    /** attachment with an ASCII fallback and the real (Chinese) name as RFC 5987 filename*. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "");
        if (!ascii.equals(fileName)) {
            ascii = "juesuan-" + ascii;
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "遂宁市科学技术局2024年度部门决算.xlsx", without characters file systems refuse. */
    static String fileName(String unit, Integer year, String what) {
        return fileName(unit, year, what, ".xlsx");
    }

    static String fileName(String unit, Integer year, String what, String extension) {
        String name = (unit == null ? "" : unit) + (year == null ? "" : year + "年度") + what;
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip() + extension;
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readVersion() {
        try (InputStream in = HttpApp.class.getResourceAsStream("/META-INF/maven/cn.juesuan/juesuan-server/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }
}
