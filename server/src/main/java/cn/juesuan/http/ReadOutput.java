package cn.juesuan.http;

import cn.juesuan.model.ReportData;
import cn.juesuan.read.ReadNote;

import java.util.List;

/** What /api/read and `juesuan read` print: the data and the reader's notes. */
public record ReadOutput(ReportData data, List<ReadNote> notes) {
}
