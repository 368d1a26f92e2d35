package cn.juesuan.narrative;

import cn.juesuan.core.JuesuanException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The paragraphs of an existing narrative: a .docx, or plain text (UTF-8, or GB18030 as Chinese Windows saves it).
 * Markup of converted text (Markdown emphasis, HTML tags, bookmarks) is removed, and a paragraph broken at a page
 * end is joined to its continuation.
 */
final class NarrativeSource {
    /** One paragraph: its number in the document (1-based), the line it starts on (text files), its text. */
    record Paragraph(int number, Integer line, String text) {
    }

    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*]");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?>");
    private static final Pattern HEADING_MARK = Pattern.compile("^\\s*(?:#+|[-*+]\\s)\\s*");
    private static final Pattern STARTS_NUMBERED = Pattern.compile(
            "^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[.、．])");
    private static final String SENTENCE_END = "。；;：:！!？?）)”\"】";

    private NarrativeSource() {
    }

    static List<Paragraph> read(byte[] bytes, String fileName) {
        if (bytes == null || bytes.length == 0) {
            throw JuesuanException.badRequest("empty_narrative", "没有收到决算说明的内容，请提供 .docx 或 .txt 文件。");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new JuesuanException("not_narrative", 415, "第二个文件应是决算说明（.docx 或 .txt），收到的是工作簿。");
        }
        if (magic == FileMagic.OOXML) {
            return docx(bytes);
        }
        if (magic == FileMagic.OLE2 || name.endsWith(".doc")) {
            throw new JuesuanException("legacy_doc", 415, "这是旧版 Word 文档（.doc）或加密文档。请在 Word 中“另存为” .docx 后再提交。");
        }
        if (magic == FileMagic.PDF || name.endsWith(".pdf")) {
            throw new JuesuanException("pdf_narrative", 415, "不能直接核对 PDF。请提交决算说明的 .docx，或把文字复制到 .txt 文件（UTF-8）中提交。");
        }
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new JuesuanException("not_narrative", 415, "决算说明应为 .docx 或纯文本（.txt）文件，无法识别收到的文件。");
        }
        List<Paragraph> out = new ArrayList<>();
        String[] lines = text.split("\\r?\\n|\\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = clean(lines[i]);
            if (!t.isEmpty()) {
                out.add(new Paragraph(out.size() + 1, i + 1, t));
            }
        }
        return join(out);
    }

    private static List<Paragraph> docx(byte[] bytes) {
        List<Paragraph> out = new ArrayList<>();
        cn.juesuan.read.ZipLimits.apply(); // the same zip-bomb limits as for workbooks
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (IBodyElement e : d.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    add(out, p.getText());
                } else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow row : t.getRows()) {
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cell.getParagraphs().forEach(p -> add(out, p.getText()));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new JuesuanException("corrupt_docx", 422, "决算说明（.docx）已损坏或无法读取。请在 Word 中打开并重新保存后再试。", e);
        }
        return out;
    }

    private static void add(List<Paragraph> out, String text) {
        String t = clean(text);
        if (!t.isEmpty()) {
            out.add(new Paragraph(out.size() + 1, null, t));
        }
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buf = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, start, bytes.length - start, Charset.forName("GB18030"));
        }
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        String t = BOOKMARK.matcher(s).replaceAll("");
        t = TAG.matcher(t).replaceAll("");
        t = t.replace("**", "").replace("__", "");
        t = HEADING_MARK.matcher(t).replaceFirst("");
        return t.strip();
    }

    static boolean isHeading(String text) {
        String t = text.replaceAll("\\s+", "");
        return t.length() <= 40 && !t.contains("万元") && !t.contains("%") && !t.contains("％")
                && STARTS_NUMBERED.matcher(t).find();
    }

    /** Joins a paragraph cut by a page break (no closing punctuation) with the paragraph that continues it. */
    private static List<Paragraph> join(List<Paragraph> in) {
        List<Paragraph> out = new ArrayList<>();
        for (Paragraph p : in) {
            if (!out.isEmpty()) {
                Paragraph last = out.get(out.size() - 1);
                String lt = last.text().strip();
                boolean open = lt.length() >= 20 && SENTENCE_END.indexOf(lt.charAt(lt.length() - 1)) < 0
                        && !isHeading(lt) && !lt.contains("\t");
                if (open && !isHeading(p.text()) && !STARTS_NUMBERED.matcher(p.text().replaceAll("\\s+", "")).find()) {
                    out.set(out.size() - 1, new Paragraph(last.number(), last.line(), lt + p.text()));
                    continue;
                }
            }
            out.add(new Paragraph(out.size() + 1, p.line(), p.text()));
        }
        return out;
    }
}
