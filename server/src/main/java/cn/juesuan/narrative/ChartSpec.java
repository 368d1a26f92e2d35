package cn.juesuan.narrative;

import java.math.BigDecimal;
import java.util.List;

/**
 * One chart of the narrative (图1 … 图7), drawn the same way in the docx and on the workbook's chart sheet.
 *
 * @param number     图 number
 * @param title      title, also in the caption
 * @param kind       bar (a change between years) or pie (a structure)
 * @param categories category labels (years, or the parts of a whole)
 * @param series     value series, each as long as categories, in 万元
 */
public record ChartSpec(int number, String title, Kind kind, List<String> categories, List<Series> series) {
    public enum Kind { BAR, PIE }

    public record Series(String name, List<BigDecimal> values) {
        public Series {
            values = List.copyOf(values);
        }
    }

    public ChartSpec {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }

    /** Nothing to draw: no category, or every value 0. */
    public boolean isEmpty() {
        return categories.isEmpty() || series.stream().flatMap(s -> s.values().stream()).allMatch(v -> v.signum() == 0);
    }
}
