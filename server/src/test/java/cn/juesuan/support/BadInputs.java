package cn.juesuan.support;

import cn.juesuan.template.Filler;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The bad-input corpus of issue 8: uploads that must be refused with a clear Chinese 4xx (HTTP) / exit 2 (CLI), each
 * with the status and code it must get. The same cases run over HTTP (HttpBadInputTest) and the CLI (CliBadInputTest);
 * docs/security.md lists them.
 */
public final class BadInputs {
    public static final String SHEET1 = "xl/worksheets/sheet1.xml";
    public static final String SHARED_STRINGS = "xl/sharedStrings.xml";

    /** An upload, what it is, and the status and code it must get. */
    public record Case(String name, int status, String code, Supplier<byte[]> bytes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static byte[] valid;

    private BadInputs() {
    }

    /** A small valid workbook: seed 004 (sichuan-2024, 13 tables, about 50 KB) through the filler. */
    public static synchronized byte[] valid() {
        if (valid == null) {
            valid = new Filler(Fixtures.registry()).fill(Fixtures.seed(Fixtures.SEED_004));
        }
        return valid.clone();
    }

    /** Every upload case; the empty body is left to each face (HTTP answers missing_file before the core sees it). */
    public static List<Case> uploads() {
        return List.of(
                new Case("不是 zip 的文件（文本）", 415, "not_xlsx", () -> "这不是工作簿".getBytes(StandardCharsets.UTF_8)),
                new Case("旧版 .xls（HSSF）", 415, "legacy_xls", BadInputs::xls),
                new Case("设了打开密码的工作簿", 422, "encrypted", BadInputs::encrypted),
                new Case("截去后半的 xlsx", 422, "incomplete_xlsx", () -> Arrays.copyOf(valid(), valid().length / 2)),
                new Case("截去末尾 10 字节的 xlsx", 422, "incomplete_xlsx", () -> Arrays.copyOf(valid(), valid().length - 10)),
                new Case("压缩炸弹（一个部件解压后 64 MB 空格）", 422, "zip_bomb", BadInputs::zipBomb),
                new Case("表 XML 中的 XXE（外部实体）", 422, "xml_doctype", () -> replace(valid(), SHEET1, xxe())),
                new Case("共享字符串中的“十亿笑声”实体展开", 422, "xml_doctype",
                        () -> replace(valid(), SHARED_STRINGS, billionLaughs())),
                new Case("1,048,576 行的工作表", 413, "too_many_cells", BadInputs::millionRows),
                new Case("zip 中缺少必需的部件（workbook.xml）", 422, "corrupt_xlsx", () -> remove(valid(), "xl/workbook.xml")),
                new Case("不是工作簿的 zip（.docx 式的内容）", 415, "not_xlsx", BadInputs::plainZip));
    }

    static byte[] xls() {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("表1 收入支出决算总表").createRow(0).createCell(0).setCellValue("收入支出决算总表");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid workbook with an open password ("agile" encryption, as Excel 2010 and later write it). */
    static byte[] encrypted() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("123456");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(valid());
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workbook whose sheet1.xml inflates to 64 MB of spaces from about 64 KB: far past the 500× ratio. */
    static byte[] zipBomb() {
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        return rewrite(valid(), (name, data, zip) -> {
            put(zip, name);
            if (!name.equals(SHEET1)) {
                zip.write(data);
                return;
            }
            zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 64; i++) {
                zip.write(spaces);
            }
        });
    }

    static byte[] xxe() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] billionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE sst [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String prev = i == 1 ? "lol" : "lol" + (i - 1);
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
        }
        sb.append("]>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"1\" uniqueCount=\"1\">"
                + "<si><t>&lol9;</t></si></sst>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The valid workbook with one more sheet's XML replaced by 1,048,576 rows of one cell (about 50 MB of XML). */
    static byte[] millionRows() {
        return rewrite(valid(), (name, data, zip) -> {
            put(zip, name);
            if (!name.equals(SHEET1)) {
                zip.write(data);
                return;
            }
            String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
            zip.write(head.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder(64 * 1024);
            for (int r = 1; r <= 1_048_576; r++) {
                sb.append("<row r=\"").append(r).append("\"><c r=\"A").append(r).append("\"><v>").append(r).append("</v></c></row>");
                if (sb.length() > 60_000) {
                    zip.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
                    sb.setLength(0);
                }
            }
            sb.append("</sheetData></worksheet>");
            zip.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        });
    }

    static byte[] plainZip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes what becomes of one entry: nothing (removed), the same, or new content (after {@link #put}). */
    @FunctionalInterface
    public interface EntryWriter {
        void write(String name, byte[] data, ZipOutputStream zip) throws IOException;
    }

    /** The zip with every entry passed through the writer, in the same order. */
    public static byte[] rewrite(byte[] xlsx, EntryWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                writer.write(e.getName(), in.readAllBytes(), zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Starts an entry: what the writer writes next is its content. */
    public static void put(ZipOutputStream zip, String name) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
    }

    public static byte[] replace(byte[] xlsx, String entry, byte[] content) {
        return rewrite(xlsx, (name, data, zip) -> {
            put(zip, name);
            zip.write(name.equals(entry) ? content : data);
        });
    }

    public static byte[] remove(byte[] xlsx, String entry) {
        return rewrite(xlsx, (name, data, zip) -> {
            if (!name.equals(entry)) {
                put(zip, name);
                zip.write(data);
            }
        });
    }
}
