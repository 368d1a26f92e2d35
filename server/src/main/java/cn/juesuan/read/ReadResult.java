package cn.juesuan.read;

import cn.juesuan.model.ReportData;

import java.util.List;

/** What a workbook held: the data, where each value came from, and what could not be read. */
public record ReadResult(ReportData data, List<ReadNote> notes, WorkbookMap map) {
    public ReadResult {
        notes = List.copyOf(notes);
    }
}
