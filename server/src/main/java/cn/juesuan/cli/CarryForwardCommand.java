package cn.juesuan.cli;

import cn.juesuan.carryforward.Answer;
import cn.juesuan.carryforward.CarriedWorkbook;
import cn.juesuan.carryforward.CarryForward;
import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.carryforward.CellWrites;
import cn.juesuan.http.JsonInput;
import cn.juesuan.http.Params;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.Json;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** `carry-forward 上年.xlsx --year 2025 -o 新.xlsx`: the year started from last year's workbook (or data JSON). */
final class CarryForwardCommand {
    private CarryForwardCommand() {
    }

    static int run(Main.Invocation in) throws IOException {
        int year = Params.year(in.opt("--year"), "--year");
        Answer answer = Answer.parse(in.opt("--format"), "--format");
        Path output = answer == Answer.XLSX || in.opt("--output") != null ? Main.output(in) : null;
        ProfileRegistry registry = in.registry().get();
        String profileId = Params.optional(in.opt("--profile"));
        if (profileId != null) {
            registry.get(profileId); // an unknown profile fails before the workbook is parsed
        }
        Path input = Path.of(in.args().get(0));
        byte[] bytes = Files.readAllBytes(input);
        ReportData previous = input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                ? JsonInput.parse(bytes, ReportData.class)
                : new WorkbookReader(registry).read(bytes, null).data();
        Carried carried = new CarryForward(registry).carry(previous, year, profileId);
        carried.notes().forEach(n -> in.err().println("提示：" + n));
        byte[] xlsx = CarriedWorkbook.render(registry, carried);
        if (answer == Answer.XLSX) {
            return Main.written(in, output, xlsx);
        }
        byte[] current = in.opt("--current") == null ? null : Files.readAllBytes(Path.of(in.opt("--current")));
        CellWrites writes = CarriedWorkbook.writes(registry, carried, xlsx, current);
        byte[] json = Json.MAPPER.writeValueAsBytes(writes);
        if (output == null) {
            in.out().write(json);
            in.out().println();
            return Main.OK;
        }
        AtomicFiles.write(output, json);
        in.err().println("已写入 " + output + "（" + writes.operations().size() + " 个行/表操作，" + writes.writes().size() + " 个单元格）");
        return Main.OK;
    }
}
