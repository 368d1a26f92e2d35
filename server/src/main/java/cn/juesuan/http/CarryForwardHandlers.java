package cn.juesuan.http;

import cn.juesuan.archive.Archive;
import cn.juesuan.carryforward.Answer;
import cn.juesuan.carryforward.CarriedWorkbook;
import cn.juesuan.carryforward.CarryForward;
import cn.juesuan.carryforward.CarryForward.Carried;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookReader;
import io.javalin.http.Context;

import java.io.IOException;

/** Handlers of /api/archive and /api/carry-forward (registered in HttpApp.routes()). */
final class CarryForwardHandlers {
    private final HttpApp app;
    private final ProfileRegistry registry;
    private final WorkbookReader reader;
    private final Archive archive;

    CarryForwardHandlers(HttpApp app, ProfileRegistry registry, WorkbookReader reader, Archive archive) {
        this.app = app;
        this.registry = registry;
        this.reader = reader;
        this.archive = archive;
    }

    /** With unit and year: that workbook; otherwise the list, narrowed by whichever of them is given. */
    void archiveGet(Context ctx) {
        String unit = Params.optional(ctx.queryParam("unit"));
        String rawYear = Params.optional(ctx.queryParam("year"));
        Integer year = rawYear == null ? null : Params.year(rawYear, "year");
        if (unit != null && year != null) {
            byte[] xlsx = archive.get(unit, year).orElseThrow(() -> notArchived(unit, year));
            HttpApp.sendXlsx(ctx, xlsx, HttpApp.fileName(unit, year, "部门决算"));
            return;
        }
        ctx.json(archive.list(unit, year));
    }

    /** Stores the uploaded workbook under the unit and year it names. */
    void archiveStore(Context ctx) throws IOException {
        String profileId = checkedProfile(ctx);
        byte[] xlsx = app.workbookBytes(ctx);
        ReportData data = reader.read(xlsx, profileId).data();
        if (data.unit().name() == null || data.unit().name().isBlank()) {
            throw JuesuanException.unprocessable("no_unit", "工作簿的表头中找不到单位名称（“部门：”一行），无法归档。");
        }
        if (data.year() == null) {
            throw JuesuanException.unprocessable("no_year", "工作簿的表头中找不到决算年度（如“2024年度”），无法归档。");
        }
        ctx.status(201).json(archive.store(data.unit().name(), data.unit().code(), data.year(), xlsx));
    }

    /**
     * Last year's workbook (uploaded as file or body, or unit + year from the archive) carried to year: the new
     * workbook, or with format=writes the cell writes that turn the open workbook (field current, else the year's
     * blank workbook) into it.
     */
    void carryForward(Context ctx) throws IOException {
        String profileId = checkedProfile(ctx);
        Answer answer = Answer.parse(ctx.queryParam("format"), "format");
        String rawYear = Params.optional(ctx.queryParam("year"));
        Integer year = rawYear == null ? null : Params.year(rawYear, "year");
        String unit = Params.optional(ctx.queryParam("unit"));
        byte[] upload = ctx.isMultipartFormData() ? app.upload(ctx, "file") : nonEmpty(ctx.bodyAsBytes());
        byte[] current = ctx.isMultipartFormData() ? app.upload(ctx, "current") : null;
        ReportData previous;
        if (upload != null) {
            previous = isJson(ctx) ? JsonInput.parse(upload, ReportData.class) : reader.read(upload, null).data();
        } else if (unit != null) {
            if (year == null) {
                throw JuesuanException.badRequest("missing_parameter", "缺少参数 year（要填充的决算年度；从归档中取上一年度的工作簿）。");
            }
            previous = reader.read(archive.get(unit, year - 1).orElseThrow(() -> notArchived(unit, year - 1)), null).data();
        } else {
            throw JuesuanException.badRequest("missing_file",
                    "缺少上年工作簿：请上传（multipart 字段 file 或请求体），或给出 unit 与 year 从归档中取上一年度的工作簿。");
        }
        Carried carried = new CarryForward(registry).carry(previous, year, profileId);
        byte[] xlsx = CarriedWorkbook.render(registry, carried);
        if (answer == Answer.WRITES) {
            ctx.json(CarriedWorkbook.writes(registry, carried, xlsx, current));
        } else {
            HttpApp.sendXlsx(ctx, xlsx, HttpApp.fileName(carried.data().unit().name(), carried.data().year(), "部门决算（从上年填充）"));
        }
    }

    /**
     * Last year's workbook for cross-year validation: multipart field previous, or with ?previous=archive the
     * archived workbook of the unit and year before those the workbook names; null when neither is asked for.
     */
    byte[] previous(Context ctx, byte[] xlsx, String profileId) throws IOException {
        String from = Params.optional(ctx.queryParam("previous"));
        if (from == null) {
            return ctx.isMultipartFormData() ? app.upload(ctx, "previous") : null;
        }
        if (!from.equals("archive")) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 previous 只能是 archive（从归档中取上年工作簿），"
                    + "收到的是“" + from + "”；也可以用 multipart 字段 previous 上传上年工作簿。");
        }
        ReportData data = reader.read(xlsx, profileId).data();
        if (data.unit().name() == null || data.year() == null) {
            throw JuesuanException.unprocessable("no_unit", "工作簿的表头中读不出单位名称或年度，无法从归档中找到上年工作簿。");
        }
        return archive.get(data.unit().name(), data.year() - 1)
                .orElseThrow(() -> notArchived(data.unit().name(), data.year() - 1));
    }

    private String checkedProfile(Context ctx) {
        String profileId = Params.optional(ctx.queryParam("profile"));
        if (profileId != null) {
            registry.get(profileId); // an unknown profile fails before the upload is parsed
        }
        return profileId;
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static byte[] nonEmpty(byte[] body) {
        return body == null || body.length == 0 ? null : body;
    }

    private static JuesuanException notArchived(String unit, int year) {
        return JuesuanException.notFound("not_archived", "归档中没有“" + unit + "”" + year + " 年度的工作簿。请先归档（POST "
                + HttpApp.ARCHIVE + "），或直接上传上年工作簿。");
    }
}
