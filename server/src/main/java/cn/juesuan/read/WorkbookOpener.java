package cn.juesuan.read;

import cn.juesuan.core.Budget;
import cn.juesuan.core.JuesuanException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.ZipPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Opens uploaded bytes as an xlsx workbook, turning every way that can fail into a clear Chinese 4xx error. The HTTP
 * server and the command line both come here, so they refuse the same files with the same words.
 *
 * <p>In order: empty; OLE2 (a legacy .xls, an encrypted workbook, another Office 97 file); not a zip; a zip cut short
 * ({@link ZipDirectory}); inflating under {@link ZipLimits}; the parts' total size; the cells of the current
 * {@link Budget} (counted only when the parts are large enough to hold that many); then POI parses the XML
 * (its parsers refuse a DOCTYPE, so external entities and entity expansion never happen).
 */
public final class WorkbookOpener {
    /** The fewest bytes one cell or row element takes in sheet XML ("&lt;c/&gt;"). */
    private static final int MIN_ELEMENT_BYTES = 4;

    private WorkbookOpener() {
    }

    public static XSSFWorkbook open(byte[] bytes) {
        checkFormat(bytes);
        ZipDirectory directory = ZipDirectory.read(bytes);
        ZipLimits.apply();
        Budget budget = Budget.current();
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            checkParts(((ZipPackage) pkg).getZipArchive(), directory, budget);
            budget.checkTime();
            XSSFWorkbook wb = new XSSFWorkbook(pkg);
            budget.checkTime();
            return wb;
        } catch (JuesuanException e) {
            revert(pkg);
            throw e;
        } catch (IOException | RuntimeException e) {
            revert(pkg);
            throw failure(e);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw notXlsx(e);
        }
    }

    /** Empty, OLE2 and non-zip files, told apart by their first bytes. */
    private static void checkFormat(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw JuesuanException.badRequest("empty_file", "没有收到文件内容（文件为空）。请选择一个 .xlsx 工作簿。");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            throw ole2(bytes);
        }
        if (magic != FileMagic.OOXML) {
            throw notXlsx(null);
        }
    }

    /** An Office 97 container: an encrypted xlsx keeps its package in EncryptedPackage, a .xls its sheets in Workbook. */
    private static JuesuanException ole2(byte[] bytes) {
        Set<String> entries = new HashSet<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            entries.addAll(fs.getRoot().getEntryNames());
        } catch (IOException | RuntimeException e) {
            // a damaged container: said below like a legacy file
        }
        if (entries.contains("EncryptedPackage")) {
            return new JuesuanException("encrypted", 422, "工作簿设置了打开密码，无法读取。请在 Excel 中打开，"
                    + "“文件 → 信息 → 保护工作簿 → 用密码进行加密”中清空密码并保存后再上传。");
        }
        if (entries.contains("WordDocument") || entries.contains("PowerPoint Document")) {
            return notXlsx(null);
        }
        return new JuesuanException("legacy_xls", 415, "这是旧版 Excel 97-2003 工作簿（.xls），本系统只读取 .xlsx。"
                + "请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（*.xlsx）后再上传。");
    }

    private static JuesuanException notXlsx(Exception cause) {
        return new JuesuanException("not_xlsx", 415, "上传的文件不是 Excel 工作簿（.xlsx）。"
                + "请上传在 Excel 或 WPS 中保存的 .xlsx 文件（.xls、.et、.csv、网页或 PDF 请先另存为 .xlsx）。", cause);
    }

    /**
     * The inflated parts against the directory (every listed entry must have been read), their total size, and
     * their cells against the budget. Sizes are those of the inflated data, not what the zip claims.
     */
    private static void checkParts(ZipEntrySource zip, ZipDirectory directory, Budget budget) throws IOException {
        List<? extends ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        Set<String> read = new HashSet<>();
        long total = 0;
        for (ZipArchiveEntry e : entries) {
            read.add(e.getName());
            try (InputStream in = zip.getInputStream(e)) {
                total += in.available(); // inflated parts are held in memory: available() is their size
            }
        }
        if (!read.containsAll(directory.names)) {
            throw ZipDirectory.incomplete();
        }
        if (total > ZipLimits.MAX_TOTAL_BYTES) {
            throw zipBomb(null);
        }
        if (total / MIN_ELEMENT_BYTES <= budget.maxCells()) {
            return; // cannot hold more cells than the limit: nothing to count (every normal workbook)
        }
        long cells = 0;
        for (ZipArchiveEntry e : entries) {
            if (e.getName().endsWith(".xml")) {
                try (InputStream in = zip.getInputStream(e)) {
                    cells = SheetXmlCount.cellsAndRows(in, cells, budget);
                }
            }
        }
    }

    private static JuesuanException zipBomb(Exception cause) {
        return new JuesuanException("zip_bomb", 422, String.format("工作簿解压后过大或压缩比异常（疑似“压缩炸弹”），拒绝读取："
                        + "单个部件解压后不得超过 %d MB、合计不得超过 %d MB，压缩比不得超过 %d 倍。",
                ZipLimits.MAX_ENTRY_BYTES >> 20, ZipLimits.MAX_TOTAL_BYTES >> 20, Math.round(1 / ZipLimits.MIN_INFLATE_RATIO)),
                cause);
    }

    /** POI's exceptions, by what they say; the cause chain may carry our own (a deadline, the cell limit). */
    private static JuesuanException failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JuesuanException j) {
                return j;
            }
        }
        if (e instanceof EncryptedDocumentException) {
            return new JuesuanException("encrypted", 422, "工作簿设置了密码，无法读取。请去掉密码后再上传。", e);
        }
        if (e instanceof NotOfficeXmlFileException) {
            return notXlsx(e);
        }
        String m = messages(e);
        if (m.contains("zip bomb") || m.contains("exceeds the max") || m.contains("max file count")) {
            return zipBomb(e);
        }
        if (m.contains("doctype")) {
            return new JuesuanException("xml_doctype", 422, "工作簿的 XML 含有 DOCTYPE 声明（正常的 Excel 文件没有，"
                    + "可能是恶意构造的文件），拒绝读取。", e);
        }
        if (m.contains("no valid entries") || m.contains("not a valid ooxml") || m.contains("content_types")
                || m.contains("strict ooxml") || m.contains("no part") && m.contains("workbook")) {
            return notXlsx(e);
        }
        return new JuesuanException("corrupt_xlsx", 422, "工作簿已损坏，无法读取。请在 Excel 中打开并重新保存后再试。", e);
    }

    /**
     * POI reads cell types, style indexes and the like lazily, so XML that parsed can still fail when a cell is read.
     * An exception raised inside POI or XmlBeans while reading an uploaded workbook is the file's fault: 422
     * corrupt_xlsx. Anything else (our own defects) is returned unchanged, to end as a 500.
     */
    public static RuntimeException malformed(RuntimeException e) {
        if (e instanceof JuesuanException) {
            return e;
        }
        String origin = "";
        for (StackTraceElement f : e.getStackTrace()) { // the first frame past the JDK's (an index check in a list)
            origin = f.getClassName();
            if (!origin.startsWith("java.") && !origin.startsWith("jdk.") && !origin.startsWith("sun.")) {
                break;
            }
        }
        if (origin.startsWith("org.apache.poi.") || origin.startsWith("org.apache.xmlbeans.")
                || origin.startsWith("org.openxmlformats.")) {
            return new JuesuanException("corrupt_xlsx", 422, "工作簿的内容有误（某些单元格或格式的数据不合规范），无法读取。"
                    + "请在 Excel 中打开并重新保存后再试。", e);
        }
        return e;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            pkg.revert();
        }
    }
}
