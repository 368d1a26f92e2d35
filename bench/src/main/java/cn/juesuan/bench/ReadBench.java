package cn.juesuan.bench;

import cn.juesuan.carryforward.CarriedWorkbook;
import cn.juesuan.carryforward.CarryForward;
import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadResult;
import cn.juesuan.read.WorkbookReader;
import cn.juesuan.rules.ValidationReport;
import cn.juesuan.rules.Validator;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Iterator;

/**
 * Reading, validating and carrying forward a filled workbook: ours (read: find tables by title, locate rows and
 * columns, evaluate totals; validate: the same read plus every rule of the profile; carry-forward: read, carry to
 * the next year, render that year's workbook) vs a bare POI XSSFWorkbook load of the same bytes
 * (baseline) vs a streaming XSSFReader/SAX scan that visits every cell (floor).
 */
public class ReadBench extends BenchDefaults {
    @Param({"full", "minimal"})
    public String size;

    private byte[] xlsx;
    private WorkbookReader reader;
    private Validator validator;
    private CarryForward carry;

    @Setup(Level.Trial)
    public void setUp() {
        xlsx = Inputs.workbook(size);
        reader = new WorkbookReader(Inputs.registry());
        validator = new Validator(Inputs.registry(), Inputs.codes());
        carry = new CarryForward(Inputs.registry());
        Equivalence.check("juesuan read", Inputs.data(size), xlsx);
        ValidationReport r = validator.validate(xlsx, null);
        if (r.hasErrors()) {
            throw new IllegalStateException("the generated workbook should validate without 错误: " + r.toText());
        }
    }

    @Benchmark
    public int poiLoad() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return wb.getNumberOfSheets();
        }
    }

    @Benchmark
    public long saxScan() throws Exception {
        return scan(xlsx);
    }

    @Benchmark
    public ReadResult juesuanRead() {
        return reader.read(xlsx, null);
    }

    @Benchmark
    public ValidationReport juesuanValidate() {
        return validator.validate(xlsx, null);
    }

    /** Last year's workbook → this year's (as POST /api/carry-forward): read, carry, render. */
    @Benchmark
    public byte[] juesuanCarryForward() {
        ReportData previous = reader.read(xlsx, null).data();
        return CarriedWorkbook.render(Inputs.registry(), carry.carry(previous, previous.year() + 1, null));
    }

    /** Unzips and parses every sheet with POI's streaming handler; returns the number of cells seen. */
    static long scan(byte[] xlsx) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(xlsx))) {
            XSSFReader r = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = r.getStylesTable();
            CellCounter counter = new CellCounter();
            DataFormatter formatter = new DataFormatter();
            Iterator<InputStream> sheets = r.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, counter, formatter, false));
                    parser.parse(new InputSource(in));
                }
            }
            return counter.cells + counter.chars;
        }
    }

    private static final class CellCounter implements XSSFSheetXMLHandler.SheetContentsHandler {
        long cells;
        long chars;

        @Override
        public void startRow(int rowNum) {
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
            cells++;
            chars += value == null ? 0 : value.length();
        }
    }
}
