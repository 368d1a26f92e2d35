package cn.juesuan.cli;

import cn.juesuan.batch.BatchResult;
import cn.juesuan.batch.BatchRunner;
import cn.juesuan.batch.FileResult;
import cn.juesuan.batch.SummaryHtml;
import cn.juesuan.batch.SummaryWorkbook;
import cn.juesuan.batch.TerminalProgress;
import cn.juesuan.batch.WorkbookCheck;
import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.http.Params;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.rules.ValidationReport;
import cn.juesuan.rules.Validator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** `batch DIR -o summary.xlsx [--html summary.html] [--profile ID] [--jobs N]`: validates a folder of workbooks. */
final class BatchCommand {
    private BatchCommand() {
    }

    static int run(Main.Invocation in) throws IOException {
        Path dir = Path.of(in.args().get(0));
        if (!Files.isDirectory(dir)) {
            throw JuesuanException.badRequest("not_a_folder", "不是文件夹或不存在：" + dir);
        }
        Path output = outputFile(Params.required(in.opt("--output"), "-o", "汇总工作簿 .xlsx"), "xlsx", "-o");
        String htmlOpt = Params.optional(in.opt("--html"));
        Path html = htmlOpt == null ? null : outputFile(htmlOpt, "html", "--html");
        ProfileRegistry registry = in.registry().get();
        String profileId = Params.optional(in.opt("--profile"));
        if (profileId != null) {
            registry.get(profileId); // an unknown profile fails before any file is read
        }
        int jobs = jobs(in.opt("--jobs"));

        Validator validator = new Validator(registry, CodeCatalogue.load(registry.root()));
        WorkbookCheck check = bytes -> {
            ValidationReport r = validator.validate(bytes, profileId);
            return new WorkbookCheck.Checked(r.profile(), r.profileName(), r.year(), r.unit(), r.findings());
        };
        Set<Path> exclude = new HashSet<>();
        exclude.add(output);
        if (html != null) {
            exclude.add(html);
        }
        if (BatchRunner.workbooks(dir, exclude).isEmpty()) {
            throw JuesuanException.badRequest("no_workbooks", "文件夹 " + dir + " 及其子文件夹中没有工作簿（.xlsx、.xlsm、.xls、.et）。");
        }
        BatchResult result = new BatchRunner(check, jobs, new TerminalProgress(in.err(), System.console() != null))
                .run(dir, exclude);
        AtomicFiles.write(output, SummaryWorkbook.write(result, output));
        in.out().println("已写入汇总工作簿 " + output);
        if (html != null) {
            AtomicFiles.write(html, SummaryHtml.render(result, html).getBytes(StandardCharsets.UTF_8));
            in.out().println("已写入汇总网页 " + html);
        }
        if (result.count(FileResult.Status.FAILED) > 0) {
            return Main.INTERNAL;
        }
        boolean problems = result.count(FileResult.Status.HAS_ERRORS) + result.count(FileResult.Status.UNREADABLE) > 0;
        return problems ? Main.FINDINGS : Main.OK;
    }

    /** An output path with the right extension whose folder exists, checked before the batch starts. */
    private static Path outputFile(String raw, String extension, String option) {
        Path p = Path.of(raw).toAbsolutePath().normalize();
        if (!p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("." + extension)) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 " + option + " 应是 ." + extension + " 文件，收到的是“" + raw + "”。");
        }
        if (p.getParent() == null || !Files.isDirectory(p.getParent())) {
            throw JuesuanException.badRequest("no_such_dir", "输出目录不存在：" + p.getParent());
        }
        return p;
    }

    private static int jobs(String raw) {
        return raw == null || raw.isBlank() ? Runtime.getRuntime().availableProcessors() : Main.intOption(raw, "--jobs", 1, 256);
    }
}
