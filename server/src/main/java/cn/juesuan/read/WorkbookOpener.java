package cn.juesuan.read;

import cn.juesuan.core.JuesuanException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Opens uploaded bytes as an xlsx workbook, turning every way that can fail into a clear Chinese 4xx error. */
public final class WorkbookOpener {
    private WorkbookOpener() {
    }

    public static XSSFWorkbook open(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw JuesuanException.badRequest("empty_file", "没有收到文件内容，请选择一个 .xlsx 工作簿。");
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = FileMagic.valueOf(in);
        } catch (IOException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            throw new JuesuanException("legacy_or_encrypted", 415,
                    "这是旧版 .xls 工作簿或加密（设置了打开密码）的工作簿。请在 Excel 中去掉打开密码，并“另存为”Excel 工作簿（.xlsx）后再上传。");
        }
        if (magic != FileMagic.OOXML) {
            throw new JuesuanException("not_xlsx", 415, "上传的文件不是 Excel 工作簿（.xlsx）。");
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (EncryptedDocumentException e) {
            throw new JuesuanException("encrypted", 422, "工作簿设置了密码，无法读取。请去掉密码后再上传。", e);
        } catch (NotOfficeXmlFileException e) {
            throw new JuesuanException("not_xlsx", 415, "上传的文件不是 Excel 工作簿（.xlsx）。", e);
        } catch (IOException | RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max")) {
                throw new JuesuanException("zip_bomb", 422, "工作簿解压后过大或压缩比异常，拒绝读取。", e);
            }
            throw new JuesuanException("corrupt_xlsx", 422, "工作簿已损坏或不完整，无法读取。请在 Excel 中打开并重新保存后再试。", e);
        }
    }
}
