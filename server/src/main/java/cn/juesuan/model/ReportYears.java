package cn.juesuan.model;

/** The report years the product accepts, in one place for data, HTTP and CLI checks. */
public final class ReportYears {
    public static final int MIN = 1990;
    public static final int MAX = 2100;

    private ReportYears() {
    }

    public static boolean valid(Integer year) {
        return year != null && year >= MIN && year <= MAX;
    }

    public static String range() {
        return MIN + "–" + MAX;
    }
}
