package cn.juesuan.read;

/** Where each value of a read workbook sits (sheet and cell), for findings and annotations. */
public final class WorkbookMap {
}
