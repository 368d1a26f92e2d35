package cn.juesuan.read;

import cn.juesuan.core.JuesuanException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The central directory at the end of a zip, read before POI sees the file. POI reads an xlsx from a stream, entry by
 * entry, and quietly stops at a cut: half a download opens as a workbook with sheets missing. The end-of-central-
 * directory record (PK\5\6, within the last 64 KB + 22 bytes) and a directory that fits before it are what a
 * complete file has; a missing or inconsistent one means the file was cut short.
 */
final class ZipDirectory {
    private static final int EOCD = 0x06054b50;
    private static final int EOCD_SIZE = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;

    /** The entry names the directory lists. */
    final Set<String> names;

    private ZipDirectory(Set<String> names) {
        this.names = names;
    }

    static JuesuanException incomplete() {
        return new JuesuanException("incomplete_xlsx", 422, "工作簿不完整（可能下载或复制中断）：文件末尾的目录缺失或损坏。"
                + "请重新下载或复制原文件，在 Excel 中能正常打开后再上传。");
    }

    /** @throws JuesuanException 422 incomplete_xlsx when the file has no complete central directory */
    static ZipDirectory read(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int p = zip.length - EOCD_SIZE; p >= Math.max(0, zip.length - EOCD_SIZE - 0xFFFF); p--) {
            if (b.getInt(p) == EOCD && p + EOCD_SIZE + (b.getShort(p + 20) & 0xFFFF) <= zip.length) {
                eocd = p;
                break;
            }
        }
        if (eocd < 0) {
            throw incomplete();
        }
        long entries = b.getShort(eocd + 10) & 0xFFFF;
        long size = b.getInt(eocd + 12) & 0xFFFFFFFFL;
        long offset = b.getInt(eocd + 16) & 0xFFFFFFFFL;
        long end = eocd;
        if ((entries == 0xFFFF || size == 0xFFFFFFFFL || offset == 0xFFFFFFFFL) && eocd >= 20
                && b.getInt(eocd - 20) == ZIP64_LOCATOR) {
            long record = b.getLong(eocd - 12);
            if (record < 0 || record > eocd - 20 - 56 || b.getInt((int) record) != ZIP64_EOCD) {
                throw incomplete();
            }
            entries = b.getLong((int) record + 32);
            size = b.getLong((int) record + 40);
            offset = b.getLong((int) record + 48);
            end = record;
        }
        if (offset < 0 || size < 0 || offset + size > end || entries > size / 46) {
            throw incomplete();
        }
        Set<String> names = new LinkedHashSet<>();
        int p = (int) offset;
        for (long i = 0; i < entries; i++) {
            if (p + 46 > offset + size || b.getInt(p) != CENTRAL) {
                throw incomplete();
            }
            int nameLength = b.getShort(p + 28) & 0xFFFF;
            int extra = b.getShort(p + 30) & 0xFFFF;
            int comment = b.getShort(p + 32) & 0xFFFF;
            long local = b.getInt(p + 42) & 0xFFFFFFFFL;
            if (p + 46L + nameLength > offset + size) {
                throw incomplete();
            }
            // a local header the directory points to must be there (ZIP64 offsets, 0xFFFFFFFF, are left to the reader)
            if (local != 0xFFFFFFFFL && (local + 30 > offset || b.getInt((int) local) != LOCAL)) {
                throw incomplete();
            }
            names.add(new String(zip, p + 46, nameLength, StandardCharsets.UTF_8));
            p += 46 + nameLength + extra + comment;
        }
        return new ZipDirectory(names);
    }
}
