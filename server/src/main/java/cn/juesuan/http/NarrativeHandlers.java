package cn.juesuan.http;

import cn.juesuan.core.JuesuanException;
import cn.juesuan.narrative.NarrativeReport;
import cn.juesuan.narrative.NarrativeService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;

/** Handlers of the narrative routes (registered in {@link HttpApp#routes()}). */
final class NarrativeHandlers {
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final NarrativeService service;
    private final ServerConfig config;

    NarrativeHandlers(NarrativeService service, ServerConfig config) {
        this.service = service;
        this.config = config;
    }

    /** POST /api/narrative: the 决算情况说明 as .docx. */
    void docx(Context ctx) throws IOException {
        NarrativeService.Output out = service.narrative(upload(ctx), part(ctx, "previous"));
        send(ctx, out.bytes(), DOCX, HttpApp.fileName(out.unit(), out.year(), "决算情况说明", ".docx"));
    }

    /** POST /api/narrative/workbook: the workbook with the chart sheet and the 全年预算 sheet. */
    void workbook(Context ctx) throws IOException {
        NarrativeService.Output out = service.chartWorkbook(upload(ctx), part(ctx, "previous"));
        send(ctx, out.bytes(), HttpApp.XLSX, HttpApp.fileName(out.unit(), out.year(), "部门决算（含说明图表）"));
    }

    /** POST /api/narrative/check: the narrative's numbers against the tables, as JSON (or text with format=text). */
    void check(Context ctx) throws IOException {
        String format = Params.optional(ctx.queryParam("format"));
        if (format != null && !format.equals("json") && !format.equals("text")) {
            throw JuesuanException.badRequest("invalid_parameter", "参数 format 只能是 json 或 text，收到的是“" + format + "”。");
        }
        if (!ctx.isMultipartFormData()) {
            throw JuesuanException.badRequest("multipart_required",
                    "核对决算说明需要两个文件：请用 multipart/form-data 上传 file（工作簿 .xlsx）和 narrative（说明 .docx 或 .txt）。");
        }
        byte[] narrative = part(ctx, "narrative");
        if (narrative == null) {
            throw JuesuanException.badRequest("missing_narrative", "缺少决算说明：请用 multipart 字段 narrative 上传 .docx 或 .txt。");
        }
        UploadedFile named = ctx.uploadedFile("narrative");
        NarrativeReport report = service.check(upload(ctx), part(ctx, "previous"), narrative,
                named == null ? null : named.filename());
        if ("text".equals(format)) {
            ctx.contentType("text/plain; charset=utf-8").result(report.toText());
        } else {
            ctx.json(report);
        }
    }

    /** This year's workbook: multipart field "file", or the raw body. */
    private byte[] upload(Context ctx) throws IOException {
        byte[] bytes = ctx.isMultipartFormData() ? part(ctx, "file") : ctx.bodyAsBytes();
        if (bytes == null || bytes.length == 0) {
            throw JuesuanException.badRequest("missing_file",
                    "没有收到工作簿：请把 xlsx 作为请求体发送，或用 multipart 字段 file 上传。");
        }
        return bytes;
    }

    /** An uploaded part's bytes, or null when the request has no such part. */
    private byte[] part(Context ctx, String name) throws IOException {
        if (!ctx.isMultipartFormData()) {
            return null;
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile(name);
        } catch (IllegalStateException e) { // Jetty: over the multipart limits
            throw BodyLimit.tooLarge(config);
        }
        if (file == null) {
            return null;
        }
        try (InputStream in = file.content()) {
            byte[] b = in.readAllBytes();
            return b.length == 0 ? null : b;
        }
    }

    private static void send(Context ctx, byte[] bytes, String type, String fileName) {
        ctx.header("Content-Disposition", HttpApp.contentDisposition(fileName));
        ctx.contentType(type).result(bytes);
    }
}
