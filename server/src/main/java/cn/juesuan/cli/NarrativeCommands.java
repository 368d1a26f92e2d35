package cn.juesuan.cli;

import cn.juesuan.http.Params;
import cn.juesuan.model.Json;
import cn.juesuan.narrative.NarrativeReport;
import cn.juesuan.narrative.NarrativeService;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The narrative commands: generate the 决算情况说明, check an existing one. */
final class NarrativeCommands {
    private NarrativeCommands() {
    }

    static int narrative(Main.Invocation in) throws IOException {
        Path output = Main.output(in);
        NarrativeService service = new NarrativeService(in.registry().get());
        byte[] xlsx = Files.readAllBytes(Path.of(in.args().get(0)));
        byte[] previous = previous(in);
        Main.written(in, output, service.docx(xlsx, previous));
        String workbook = Params.optional(in.opt("--workbook"));
        if (workbook != null) {
            Main.written(in, Path.of(workbook), service.workbook(xlsx, previous));
        }
        return Main.OK;
    }

    static int check(Main.Invocation in) throws IOException {
        String format = Params.optional(in.opt("--format"));
        if (format != null && !format.equals("text") && !format.equals("json")) {
            throw new Main.UsageException("--format 只能是 text 或 json，收到的是“" + format + "”。");
        }
        NarrativeService service = new NarrativeService(in.registry().get());
        byte[] xlsx = Files.readAllBytes(Path.of(in.args().get(0)));
        Path narrative = Path.of(in.args().get(1));
        NarrativeReport report = service.check(xlsx, previous(in), Files.readAllBytes(narrative),
                narrative.getFileName().toString());
        if ("json".equals(format)) {
            in.out().write(Json.MAPPER.writeValueAsBytes(report)); // JSON is UTF-8 whatever the console
            in.out().println();
        } else {
            in.out().print(report.toText());
        }
        return report.hasErrors() ? Main.FINDINGS : Main.OK;
    }

    private static byte[] previous(Main.Invocation in) throws IOException {
        String p = Params.optional(in.opt("--previous"));
        return p == null ? null : Files.readAllBytes(Path.of(p));
    }
}
