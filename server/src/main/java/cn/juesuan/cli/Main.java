package cn.juesuan.cli;

import cn.juesuan.addin.Manifest;
import cn.juesuan.addin.ManifestLint;
import cn.juesuan.addin.Origin;
import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.rules.AnnotatedWorkbook;
import cn.juesuan.rules.ValidationReport;
import cn.juesuan.rules.Validator;
import cn.juesuan.archive.Archive;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.http.AccessToken;
import cn.juesuan.http.FillInput;
import cn.juesuan.http.HttpApp;
import cn.juesuan.http.Params;
import cn.juesuan.http.ReadOutput;
import cn.juesuan.http.ServerConfig;
import cn.juesuan.http.Tls;
import cn.juesuan.http.TlsConfig;
import cn.juesuan.layout.EvalSheetLayout;
import cn.juesuan.layout.Profile;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.layout.TableLayout;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadNote;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.template.EvalTemplateGenerator;
import cn.juesuan.template.Filler;
import cn.juesuan.template.TemplateGenerator;
import io.javalin.Javalin;
import io.javalin.util.JavalinBindException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** The command line face: `java -jar juesuan.jar <command> …`. Commands are a table; handlers are thin. */
public final class Main {
    public static final int OK = 0;
    /** Reserved: validation found errors. */
    public static final int FINDINGS = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;
    static final String PROG = "java -jar juesuan.jar";

    @FunctionalInterface
    interface Action {
        int run(Invocation in) throws Exception;
    }

    /** A command: name, synopsis, summary, how many positional arguments, which options, handler. */
    record Command(String name, String synopsis, String summary, int minArgs, int maxArgs, List<String> options,
                   Action action) {
    }

    /** Parsed arguments of one run. */
    record Invocation(List<String> args, Map<String, String> options, PrintStream out,
                      PrintStream err, Supplier<ProfileRegistry> registry) {
        String opt(String name) {
            return options.get(name);
        }
    }

    private static final Map<String, String> ALIASES = Map.of("-o", "--output");

    static final List<Command> COMMANDS = List.of(
            new Command("profiles", "profiles", "列出可用的表样（profile）及各表",
                    0, 0, List.of(), Main::profiles),
            new Command("blank", "blank [--profile ID] --year 年度 --unit 单位名称 [--unit-code 单位代码] [--self-eval 种类,…] -o 输出.xlsx",
                    "生成空白决算工作簿（未给 --profile 时按年度选表样）；给 --self-eval 时生成这些种类的空白绩效自评表",
                    0, 0, List.of("--profile", "--year", "--unit", "--unit-code", "--self-eval", "--output"), Main::blank),
            new Command("fill", "fill 数据.json -o 输出.xlsx", "用 JSON 数据填写决算工作簿",
                    1, 1, List.of("--output"), Main::fill),
            new Command("read", "read 工作簿.xlsx [--profile ID]", "读取工作簿：数据以 JSON 写到标准输出，提示写到标准错误",
                    1, 1, List.of("--profile"), Main::read),
            new Command("validate", "validate 工作簿.xlsx [--profile ID] [--format text|json] [--annotate 标注.xlsx] [--previous 上年.xlsx]",
                    "校验工作簿：有“错误”时退出码为 1；--annotate 另存一份标出问题单元格的副本；--previous 加上跨年校验",
                    1, 1, List.of("--profile", "--format", "--annotate", "--previous"), Main::validate),
            new Command("batch", "batch 文件夹 -o 汇总.xlsx [--html 汇总.html] [--profile ID] [--jobs N]",
                    "校验文件夹（含子文件夹）中的全部工作簿，写汇总工作簿（可另写网页）",
                    1, 1, List.of("--output", "--html", "--profile", "--jobs"), BatchCommand::run),
            new Command("serve", "serve [--host 127.0.0.1] [--port 8080] [--https-cert 证书.pem --https-key 私钥.pem | --keystore 证书.p12]"
                    + " [--origin https://主机:端口] [--allow-origin https://…,…] [--office-js 目录] [--archive 归档目录]"
                    + " [--token 访问令牌] [--max-upload-mb 30] [--max-cells 2000000] [--request-timeout 60] [--max-concurrent N]",
                    "启动 HTTP 服务；给出证书时以 HTTPS 运行（默认端口 8443），供 Excel 加载项使用（Ctrl+C 停止）",
                    0, 0, List.of("--host", "--port", "--https-cert", "--https-key", "--keystore", "--keystore-password",
                            "--origin", "--allow-origin", "--office-js", "--archive", "--token", "--max-upload-mb",
                            "--max-cells", "--request-timeout", "--max-concurrent"), Main::serve),
            new Command("templates", "templates [--profile ID]",
                    "按描述文件重新生成 templates/<id>/template.xlsx（模板在 jar 内时拒绝）",
                    0, 0, List.of("--profile"), Main::templates),
            new Command("manifest", "manifest --origin https://主机:端口 [-o manifest.xml]",
                    "生成 Excel 加载项清单（指向该 https 地址上的决算助手服务）；不给 -o 时写到标准输出",
                    0, 0, List.of("--origin", "--output"), Main::manifest),
            new Command("narrative", "narrative 工作簿.xlsx [--previous 上年工作簿.xlsx] -o 说明.docx [--workbook 图表.xlsx]",
                    "生成决算情况说明（第二部分，.docx，含图1–图7）；--workbook 另存一份带图表页和“全年预算”表的工作簿",
                    1, 1, List.of("--previous", "--output", "--workbook"), NarrativeCommands::narrative),
            new Command("check-narrative", "check-narrative 工作簿.xlsx 说明.docx|说明.txt [--previous 上年工作簿.xlsx] [--format text|json]",
                    "核对已有决算说明中的数字与附表是否一致（发现错误时退出码为 1）",
                    2, 2, List.of("--previous", "--format"), NarrativeCommands::check),
            new Command("carry-forward", "carry-forward 上年.xlsx --year 年度 -o 输出.xlsx [--profile ID] [--format xlsx|writes] [--current 打开的.xlsx]",
                    "从上年工作簿填充本年工作簿（年初数取上年年末数，科目行沿用）；--format writes 输出单元格写入列表（JSON）",
                    1, 1, List.of("--year", "--output", "--profile", "--format", "--current"), CarryForwardCommand::run),
            new Command("help", "help [命令]", "显示说明", 0, 1, List.of(), Main::help));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, console(System.out), console(System.err)));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, ProfileRegistry::fromEnvironment);
    }

    static int run(String[] args, PrintStream out, PrintStream err, Supplier<ProfileRegistry> registry) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            out.print(usage());
            return OK;
        }
        Command command = command(args[0]);
        if (command == null) {
            err.println("未知命令：" + args[0]);
            err.print(usage());
            return BAD_INPUT;
        }
        try {
            return command.action().run(parse(command, args, out, err, registry));
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("用法：" + PROG + " " + command.synopsis());
            return BAD_INPUT;
        } catch (JuesuanException e) {
            err.println("错误：" + e.getMessage());
            if (e.code().equals("missing_parameter")) {
                err.println("用法：" + PROG + " " + command.synopsis());
            }
            return e.status() >= 500 ? INTERNAL : BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("错误：找不到文件：" + e.getFile());
            return BAD_INPUT;
        } catch (AccessDeniedException e) {
            err.println("错误：没有权限读写：" + e.getFile());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("错误：读写文件失败：" + e.getMessage());
            return BAD_INPUT;
        } catch (InvalidPathException e) {
            err.println("错误：无法识别文件名 " + e.getInput() + "（非 ASCII 文件名需要 UTF-8 环境，如 LANG=C.UTF-8）。");
            return BAD_INPUT;
        } catch (Exception e) {
            err.println("内部错误（程序缺陷），请把以下信息发给维护者：");
            e.printStackTrace(err);
            return INTERNAL;
        }
    }

    // --- commands -------------------------------------------------------------------------------------------

    private static int profiles(Invocation in) {
        for (Profile p : in.registry().get().profiles()) {
            in.out().println(p.id() + "  " + p.name() + (p.isDefault() ? "  [默认]" : ""));
            in.out().println("    " + p.province() + "，" + p.yearsText() + "，金额单位 " + p.moneyUnit());
            for (TableLayout t : p.tables()) {
                in.out().println("    " + t.number() + "  " + t.title() + "  [" + t.key() + "]");
            }
        }
        List<EvalSheetLayout> kinds = in.registry().get().evalSheets();
        if (!kinds.isEmpty()) {
            in.out().println("绩效自评表（blank --self-eval 种类；数据的 selfEvaluations[].kind）：");
            for (EvalSheetLayout k : kinds) {
                in.out().println("    " + k.key() + "  " + k.title() + "（" + k.region() + "）");
            }
        }
        return OK;
    }

    private static int blank(Invocation in) throws IOException {
        int year = Params.year(in.opt("--year"), "--year");
        String unit = Params.required(in.opt("--unit"), "--unit", "单位名称");
        Path output = output(in);
        ProfileRegistry registry = in.registry().get();
        String profileId = Params.optional(in.opt("--profile"));
        List<String> kinds = Params.list(in.opt("--self-eval"));
        if (in.opt("--self-eval") != null && kinds.isEmpty()) {
            throw JuesuanException.badRequest("missing_parameter", "--self-eval 后应给出绩效自评表种类（profiles 命令列出）。");
        }
        if (!kinds.isEmpty()) {
            return written(in, output, new Filler(registry).blankSelfEvaluations(kinds, year, unit, Params.optional(in.opt("--unit-code"))));
        }
        Profile profile = profileId == null ? registry.forYear(year) : registry.get(profileId);
        byte[] xlsx = new Filler(registry).blank(profile.id(), year, unit, Params.optional(in.opt("--unit-code")));
        return written(in, output, xlsx);
    }

    private static int fill(Invocation in) throws IOException {
        Path output = output(in);
        ProfileRegistry registry = in.registry().get();
        ReportData data = FillInput.parse(Files.readAllBytes(Path.of(in.args().get(0))), registry);
        byte[] xlsx = new Filler(registry).fill(data);
        return written(in, output, xlsx);
    }

    private static int read(Invocation in) throws IOException {
        ProfileRegistry registry = in.registry().get();
        String profileId = Params.optional(in.opt("--profile"));
        if (profileId != null) {
            registry.get(profileId); // an unknown profile fails before the workbook is parsed
        }
        ReadResult r = new WorkbookReader(registry).read(Files.readAllBytes(Path.of(in.args().get(0))), profileId);
        in.out().write(Json.MAPPER.writeValueAsBytes(new ReadOutput(r.data(), r.notes()))); // JSON is UTF-8 whatever the console
        in.out().println();
        summary(in.err(), r);
        return OK;
    }

    private static int validate(Invocation in) throws IOException {
        ProfileRegistry registry = in.registry().get();
        String profileId = Params.optional(in.opt("--profile"));
        if (profileId != null) {
            registry.get(profileId);
        }
        String format = in.opt("--format") == null ? "text" : in.opt("--format");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("--format 只能是 text 或 json，收到“" + format + "”。");
        }
        String annotate = Params.optional(in.opt("--annotate"));
        byte[] xlsx = Files.readAllBytes(Path.of(in.args().get(0)));
        String previous = Params.optional(in.opt("--previous"));
        ValidationReport report = new Validator(registry, CodeCatalogue.load(registry.root())).validate(xlsx, profileId,
                previous == null ? null : Files.readAllBytes(Path.of(previous)));
        if (annotate != null) {
            AtomicFiles.write(Path.of(annotate), AnnotatedWorkbook.annotate(xlsx, report));
        }
        in.out().write((format.equals("json") ? report.toJson() : report.toText()).getBytes(StandardCharsets.UTF_8));
        in.out().println();
        return report.hasErrors() ? FINDINGS : OK;
    }

    private static int serve(Invocation in) throws InterruptedException {
        ServerConfig config = serveConfig(in, in.registry().get());
        Archive archive = in.opt("--archive") == null ? Archive.fromEnvironment()
                : new Archive(Path.of(Params.required(in.opt("--archive"), "--archive", "归档目录")));
        Javalin app = HttpApp.create(config, archive);
        try {
            app.start(config.host(), config.port());
        } catch (JavalinBindException e) {
            throw JuesuanException.badRequest("port_in_use", "无法在 " + config.host() + ":" + config.port()
                    + " 上启动：端口已被占用或地址不可用。可用 --port 换一个端口。");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "juesuan-stop"));
        in.out().println("决算助手已启动：" + config.scheme() + "://" + config.host() + ":" + app.port() + "/  （Ctrl+C 停止）");
        if (config.publicOrigin() != null) {
            in.out().println("Excel 加载项清单：" + config.publicOrigin() + HttpApp.ADDIN_MANIFEST);
        }
        in.out().println("归档目录：" + archive.root());
        if (config.accessToken() != null) {
            in.out().println("已启用访问令牌：每个 /api 请求须带 Authorization: Bearer 令牌（见 docs/security.md）");
        }
        new CountDownLatch(1).await();
        return OK;
    }

    /** Server settings from serve's options; certificates and the office.js folder are checked here, before start. */
    static ServerConfig serveConfig(Invocation in, ProfileRegistry registry) {
        ServerConfig config = ServerConfig.defaults(registry);
        if (in.opt("--host") != null) {
            config = config.withHost(Params.required(in.opt("--host"), "--host", "监听地址"));
        }
        TlsConfig tls = tls(in);
        if (tls != null) {
            Tls.keyStore(tls); // a wrong password or a key that does not fit the certificate fails now, in Chinese
            config = config.withTls(tls).withPort(ServerConfig.DEFAULT_HTTPS_PORT);
        }
        if (in.opt("--port") != null) {
            config = config.withPort(intOption(in.opt("--port"), "--port", 1, 65535));
        }
        if (in.opt("--origin") != null) {
            if (tls == null) {
                throw new UsageException("--origin 需要 HTTPS：请同时给出 --https-cert 和 --https-key，或 --keystore。");
            }
            config = config.withPublicOrigin(Origin.https(in.opt("--origin"), "--origin"));
        } else if (tls != null && AccessToken.isLoopback(config.host())) {
            config = config.withPublicOrigin("https://localhost:" + config.port());
        }
        if (in.opt("--allow-origin") != null) {
            config = config.withAllowedOrigins(Arrays.stream(in.opt("--allow-origin").split(","))
                    .filter(o -> !o.isBlank()).map(o -> Origin.https(o, "--allow-origin")).toList());
        }
        if (in.opt("--office-js") != null) {
            Path dir = Path.of(in.opt("--office-js"));
            if (!Files.isRegularFile(dir.resolve("office.js"))) {
                throw JuesuanException.badRequest("invalid_parameter", "目录 " + dir + " 里没有 office.js：--office-js 应指向 npm 包 "
                        + "@microsoft/office-js 的 dist 目录（见 README“内网没有互联网时”）。");
            }
            config = config.withOfficeJsDir(dir);
        }
        String token = in.opt("--token") != null ? in.opt("--token") : System.getenv("JUESUAN_TOKEN");
        if (token != null && !token.isBlank()) {
            config = config.withAccessToken(token.strip());
        }
        if (in.opt("--max-upload-mb") != null) {
            config = config.withMaxRequestBytes(intOption(in.opt("--max-upload-mb"), "--max-upload-mb", 1, 2048) * 1024L * 1024L);
        }
        ServerConfig.Limits limits = config.limits();
        if (in.opt("--max-cells") != null) {
            limits = limits.withMaxCells(intOption(in.opt("--max-cells"), "--max-cells", 1000, 100_000_000));
        }
        if (in.opt("--request-timeout") != null) {
            limits = limits.withRequestTimeout(Duration.ofSeconds(intOption(in.opt("--request-timeout"), "--request-timeout", 1, 3600)));
        }
        if (in.opt("--max-concurrent") != null) {
            limits = limits.withMaxConcurrent(intOption(in.opt("--max-concurrent"), "--max-concurrent", 1, 1024));
        }
        return config.withLimits(limits);
    }

    private static TlsConfig tls(Invocation in) {
        String cert = in.opt("--https-cert");
        String key = in.opt("--https-key");
        String store = in.opt("--keystore");
        if (store != null) {
            if (cert != null || key != null) {
                throw new UsageException("--keystore 与 --https-cert/--https-key 只能二选一。");
            }
            String pw = in.opt("--keystore-password") != null ? in.opt("--keystore-password") : System.getenv("JUESUAN_KEYSTORE_PASSWORD");
            return TlsConfig.pkcs12(Path.of(store), pw);
        }
        if (in.opt("--keystore-password") != null) {
            throw new UsageException("--keystore-password 只能与 --keystore 一起用。");
        }
        if ((cert == null) != (key == null)) {
            throw new UsageException("HTTPS 需要同时给出 --https-cert（证书 PEM）和 --https-key（私钥 PEM）。");
        }
        return cert == null ? null : TlsConfig.pem(Path.of(cert), Path.of(key));
    }

    private static int manifest(Invocation in) throws IOException {
        String xml = Manifest.render(in.opt("--origin"), "--origin");
        List<String> problems = ManifestLint.check(xml);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("manifest template fails the lint: " + problems);
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (in.opt("--output") == null) {
            in.out().write(bytes);
            return OK;
        }
        return written(in, output(in), bytes);
    }

    private static int templates(Invocation in) throws IOException {
        ProfileRegistry registry = in.registry().get();
        if (registry.root() == null) {
            throw JuesuanException.badRequest("templates_in_jar", "模板在 jar 包内，无法改写。请在含 templates/ 目录的项目根目录运行，"
                    + "或用 -Djuesuan.templates=目录（或环境变量 JUESUAN_TEMPLATES）指定模板目录。");
        }
        String profileId = Params.optional(in.opt("--profile"));
        List<Profile> profiles = profileId == null ? registry.profiles() : List.of(registry.get(profileId));
        TemplateGenerator generator = new TemplateGenerator();
        for (Profile p : profiles) {
            Path target = registry.templatePath(p.id());
            AtomicFiles.write(target, generator.generate(p));
            in.out().println("已生成 " + target + "（" + p.tables().size() + " 张表）");
        }
        if (profileId == null && !registry.evalSheets().isEmpty()) {
            Path target = registry.evalTemplatePath();
            AtomicFiles.write(target, new EvalTemplateGenerator().generate(registry.evalSheets()));
            in.out().println("已生成 " + target + "（" + registry.evalSheets().size() + " 种绩效自评表）");
        }
        return OK;
    }

    private static int help(Invocation in) {
        if (!in.args().isEmpty()) {
            Command c = command(in.args().get(0));
            if (c == null) {
                throw new UsageException("未知命令：" + in.args().get(0));
            }
            in.out().println(PROG + " " + c.synopsis());
            in.out().println("  " + c.summary());
            return OK;
        }
        in.out().print(usage());
        return OK;
    }

    // --- parsing and output ---------------------------------------------------------------------------------

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private static Command command(String name) {
        return COMMANDS.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    static Invocation parse(Command c, String[] args, PrintStream out, PrintStream err, Supplier<ProfileRegistry> registry) {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean onlyPositional = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            if (a.equals("--")) {
                onlyPositional = true;
                continue;
            }
            int eq = a.indexOf('=');
            String name = ALIASES.getOrDefault(eq < 0 ? a : a.substring(0, eq), eq < 0 ? a : a.substring(0, eq));
            if (!c.options().contains(name)) {
                throw new UsageException("命令 " + c.name() + " 没有选项 " + a + "。");
            }
            String value;
            if (eq >= 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("选项 " + a + " 后缺少取值。");
            }
            if (options.put(name, value) != null) {
                throw new UsageException("选项 " + a + " 给了不止一次。");
            }
        }
        if (positional.size() < c.minArgs()) {
            throw new UsageException("命令 " + c.name() + " 缺少文件参数。");
        }
        if (positional.size() > c.maxArgs()) {
            throw new UsageException("多余的参数：" + String.join(" ", positional.subList(c.maxArgs(), positional.size())));
        }
        return new Invocation(List.copyOf(positional), Map.copyOf(options), out, err, registry);
    }

    static Path output(Invocation in) {
        return Path.of(Params.required(in.opt("--output"), "-o", "输出文件"));
    }

    static int written(Invocation in, Path output, byte[] xlsx) throws IOException {
        AtomicFiles.write(output, xlsx);
        in.out().println("已写入 " + output + "（" + xlsx.length + " 字节）");
        return OK;
    }

    /** An integer option in [min, max], or a Chinese 4xx error naming the option. */
    static int intOption(String raw, String name, int min, int max) {
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw JuesuanException.badRequest("invalid_parameter", "参数 " + name + " 应为 " + min + "–" + max + " 的整数，收到的是“" + raw + "”。");
    }

    private static void summary(PrintStream err, ReadResult r) {
        ReportData d = r.data();
        if (d != null) {
            err.println("已读取：表样 " + d.profile() + "，" + d.year() + " 年度，" + d.unit().name() + "；"
                    + d.tables().size() + " 张表有数据" + (d.selfEvaluations().isEmpty() ? "" : "，绩效自评表 "
                    + d.selfEvaluations().size() + " 张") + "。");
        }
        if (r.notes().isEmpty()) {
            err.println("无提示。");
            return;
        }
        err.println("提示 " + r.notes().size() + " 条：");
        for (ReadNote n : r.notes()) {
            String at = n.location();
            err.println("  " + (at.isEmpty() ? "" : "[" + at + "] ") + n.message() + "（" + n.code() + "）");
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("决算助手 (juesuan) ").append(HttpApp.VERSION).append(" — 填写、读取部门决算公开附表（xlsx）\n\n");
        sb.append("用法：").append(PROG).append(" <命令> [参数]\n\n命令：\n");
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-10s %s%n", c.name(), c.summary()));
            sb.append("             ").append(PROG).append(' ').append(c.synopsis()).append('\n');
        }
        sb.append("""

                示例：
                  java -jar juesuan.jar blank --year 2024 --unit "遂宁市科学技术局" -o 空表.xlsx
                  java -jar juesuan.jar blank --year 2024 --unit "遂宁市科学技术局" --self-eval sichuan_special_fund -o 自评表.xlsx
                  java -jar juesuan.jar fill data.json -o 决算.xlsx
                  java -jar juesuan.jar read 决算.xlsx > data.json
                  java -jar juesuan.jar manifest --origin https://localhost:8443 -o manifest.xml

                模板目录：-Djuesuan.templates=目录 或环境变量 JUESUAN_TEMPLATES；
                          否则用当前目录下的 templates/，再否则用 jar 内置的。
                退出码：0 成功；1 校验发现错误；2 输入或用法有误；3 内部错误。
                """);
        return sb.toString();
    }

    /** System.out/err as given, or UTF-8 when the platform charset cannot write Chinese (a POSIX "C" locale). */
    private static PrintStream console(PrintStream s) {
        return Charset.defaultCharset().newEncoder().canEncode('决') ? s : new PrintStream(s, true, StandardCharsets.UTF_8);
    }
}
