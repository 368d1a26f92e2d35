package cn.juesuan.narrative;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.codes.Lookup;
import cn.juesuan.codes.Scheme;
import cn.juesuan.core.JuesuanException;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.WorkbookOpener;
import cn.juesuan.read.WorkbookReader;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The narrative features over workbook bytes, for the CLI and HTTP faces. Thread-safe. */
public final class NarrativeService {
    private final ProfileRegistry registry;
    private final WorkbookReader reader;
    private volatile CodeCatalogue catalogue;

    public NarrativeService(ProfileRegistry registry) {
        this(registry, null);
    }

    /** @param catalogue the code catalogue when the caller has loaded it already, else null (loaded on first use) */
    public NarrativeService(ProfileRegistry registry, CodeCatalogue catalogue) {
        this.registry = registry;
        this.reader = new WorkbookReader(registry);
        this.catalogue = catalogue;
    }

    /** This year's workbook, read: its data, the figures and the wording of its profile. */
    public record Input(ReportData data, Figures figures, Wording wording) {
    }

    /** Reads this year's workbook (and last year's, or null) into figures. */
    public Input input(byte[] xlsx, byte[] previousXlsx) {
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx)) {
            return input(wb, previousXlsx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Figures and wording from data already read (last year's and the budgets may be null). */
    public Input input(ReportData data, ReportData previous, Budgets budgets) {
        Figures figures = Figures.of(data, previous, budgets, registry);
        return new Input(data, figures, Wording.load(registry.root(), figures.profile().id()));
    }

    private Input input(XSSFWorkbook wb, byte[] previousXlsx) {
        ReportData data = reader.read(wb, (String) null).data();
        if (data.year() == null) {
            throw JuesuanException.unprocessable("no_year", "工作簿中读不出决算年度：表头应有“2024年度”之类的年度，请补上后再生成或核对决算说明。");
        }
        ReportData previous = previousXlsx == null ? null : previous(previousXlsx, data);
        return input(data, previous, Budgets.read(wb, "元".equals(data.moneyUnit())));
    }

    private ReportData previous(byte[] xlsx, ReportData current) {
        ReportData prev;
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx)) {
            prev = reader.read(wb, (String) null).data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (prev.year() != null && current.year() != null && prev.year() >= current.year()) {
            throw JuesuanException.badRequest("previous_year", "上年工作簿的年度是 " + prev.year() + "，本年工作簿是 "
                    + current.year() + "：上年工作簿应是更早年度的决算。");
        }
        return prev;
    }

    /** The 决算情况说明 as a document model. */
    public NarrativeDoc document(byte[] xlsx, byte[] previousXlsx) {
        Input in = input(xlsx, previousXlsx);
        return generate(in);
    }

    /** A generated file and whose it is (for naming the download). */
    public record Output(byte[] bytes, String unit, Integer year) {
    }

    /** The 决算情况说明 as .docx bytes. */
    public byte[] docx(byte[] xlsx, byte[] previousXlsx) {
        return narrative(xlsx, previousXlsx).bytes();
    }

    /** The 决算情况说明 as a .docx. */
    public Output narrative(byte[] xlsx, byte[] previousXlsx) {
        Input in = input(xlsx, previousXlsx);
        return new Output(DocxWriter.write(generate(in)), in.data().unit().name(), in.data().year());
    }

    public byte[] workbook(byte[] xlsx, byte[] previousXlsx) {
        return chartWorkbook(xlsx, previousXlsx).bytes();
    }

    /** A copy of the workbook with the chart sheet 决算说明图表 and (when missing) the 全年预算 sheet to fill. */
    public Output chartWorkbook(byte[] xlsx, byte[] previousXlsx) {
        try (XSSFWorkbook wb = WorkbookOpener.open(xlsx); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Input in = input(wb, previousXlsx);
            NarrativeDoc doc = generate(in);
            ChartSheet.add(wb, doc.charts(), in.figures().unitName() + in.figures().year() + "年度决算情况说明图表（由决算助手根据本工作簿生成）");
            Budgets.addSheet(wb, in.figures());
            wb.write(out);
            return new Output(out.toByteArray(), in.data().unit().name(), in.data().year());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks a narrative (.docx or plain text) against this year's workbook (and last year's, or null).
     *
     * @param fileName the narrative's file name (tells .docx from .txt when the bytes do not)
     */
    public NarrativeReport check(byte[] xlsx, byte[] previousXlsx, byte[] narrative, String fileName) {
        List<NarrativeSource.Paragraph> paragraphs = NarrativeSource.read(narrative, fileName);
        Input in = input(xlsx, previousXlsx);
        return checker(in).check(paragraphs, fileName == null ? "说明" : fileName);
    }

    NarrativeChecker checker(Input in) {
        return new NarrativeChecker(in.figures(), in.wording(), new PathCheck(in.figures(), catalogue()));
    }

    NarrativeDoc generate(Input in) {
        return new NarrativeGenerator(in.figures(), in.wording(), code -> catalogueName(code, in.figures().year())).generate();
    }

    /** The catalogue's name of a 功能分类 code for the year, or null. */
    String catalogueName(String code, int year) {
        Lookup l = catalogue().lookup(Scheme.FUNCTION, year, code);
        List<String> names = l.known() ? l.names() : List.of();
        return names.isEmpty() ? null : names.get(0);
    }

    CodeCatalogue catalogue() {
        CodeCatalogue c = catalogue;
        if (c == null) {
            c = CodeCatalogue.load(registry.root());
            catalogue = c;
        }
        return c;
    }
}
