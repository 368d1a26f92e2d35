package cn.juesuan.rules;

/** Lets tests of other packages build the same faulty workbook. */
public final class AnnotatedWorkbookTestAccess {
    private AnnotatedWorkbookTestAccess() {
    }

    public static byte[] withTypo() throws Exception {
        return AnnotatedWorkbookTest.withTypo();
    }
}
