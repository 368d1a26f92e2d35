package cn.juesuan.read;

import cn.juesuan.core.JuesuanException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Which exceptions while reading a parsed workbook are the file's fault (422) and which are ours (left to be a 500). */
class WorkbookOpenerTest {
    private static RuntimeException thrownAt(RuntimeException e, String... classes) {
        StackTraceElement[] trace = new StackTraceElement[classes.length];
        for (int i = 0; i < classes.length; i++) {
            trace[i] = new StackTraceElement(classes[i], "m", null, 1);
        }
        e.setStackTrace(trace);
        return e;
    }

    @Test
    void failuresInsidePoiAreTheFilesFault() {
        RuntimeException poi = thrownAt(new IndexOutOfBoundsException("Index 99999 out of bounds for length 12"),
                "jdk.internal.util.Preconditions", "java.util.Objects", "java.util.ArrayList",
                "org.apache.poi.xssf.model.StylesTable", "cn.juesuan.read.CellValues");
        RuntimeException r = WorkbookOpener.malformed(poi);
        assertEquals("corrupt_xlsx", ((JuesuanException) r).code());
        assertEquals(422, ((JuesuanException) r).status());
        assertEquals("corrupt_xlsx", ((JuesuanException) WorkbookOpener.malformed(thrownAt(new IllegalArgumentException(),
                "org.apache.xmlbeans.impl.values.JavaStringEnumerationHolderEx", "org.apache.poi.xssf.usermodel.XSSFCell"))).code());
    }

    @Test
    void ourOwnDefectsAreLeftAlone() {
        RuntimeException ours = thrownAt(new NullPointerException(), "java.util.Objects", "cn.juesuan.read.TableReader",
                "org.apache.poi.xssf.usermodel.XSSFWorkbook");
        assertSame(ours, WorkbookOpener.malformed(ours));
        JuesuanException timeout = new JuesuanException("timeout", 504, "处理超时");
        assertSame(timeout, WorkbookOpener.malformed(timeout));
    }
}
