package cn.juesuan.read;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * POI's zip-bomb guards (ZipSecureFile, process-wide), set here and nowhere else. They apply while POI inflates every
 * xlsx or docx we open, from an upload or not.
 *
 * <ul>
 *   <li>MIN_INFLATE_RATIO 0.002: an entry (above POI's 100 KB grace size) may expand at most 500 times. POI's default,
 *       0.01, refuses real workbooks with a bloated styles.xml; deflate itself cannot exceed about 1,000 times, so
 *       this catches only the degenerate files bombs are made of.</li>
 *   <li>MAX_ENTRY_BYTES 256 MiB: one part expanded (a 2,000,000-cell sheet is about 100 MB of XML).</li>
 *   <li>MAX_TOTAL_BYTES 256 MiB: all parts together, checked by {@link WorkbookOpener} after inflating.</li>
 *   <li>MAX_FILE_COUNT 1,000 parts: a 决算 workbook has 30–80.</li>
 *   <li>MAX_TEXT_BYTES 10 MiB: text extracted by POI's extractors (POI's default, set so it is a decision).</li>
 * </ul>
 */
public final class ZipLimits {
    public static final double MIN_INFLATE_RATIO = 0.002;
    public static final long MAX_ENTRY_BYTES = 256L * 1024 * 1024;
    public static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;
    public static final long MAX_FILE_COUNT = 1000;
    public static final long MAX_TEXT_BYTES = 10L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
        ZipSecureFile.setMaxTextSize(MAX_TEXT_BYTES);
    }

    private ZipLimits() {
    }

    /** Makes sure the limits are in force (they are from the first use of this class on). */
    public static void apply() {
        // the static initializer does the work, once
    }
}
