package cn.juesuan.bench;

import cn.juesuan.codes.CodeCatalogue;
import cn.juesuan.layout.ProfileRegistry;
import cn.juesuan.model.ReportData;
import cn.juesuan.template.Filler;

/** The benchmark inputs: the generated unit-years ("full", "minimal") and their filled workbooks. */
public final class Inputs {
    public static final long SEED = 20211231L;

    private static ProfileRegistry registry;
    private static CodeCatalogue codes;

    private Inputs() {
    }

    /** ./templates when run from the repository root, else the jar's copy (same as the product). */
    public static synchronized ProfileRegistry registry() {
        if (registry == null) {
            registry = ProfileRegistry.fromEnvironment();
        }
        return registry;
    }

    public static synchronized CodeCatalogue codes() {
        if (codes == null) {
            codes = ReportGenerator.catalogue();
        }
        return codes;
    }

    /** @param size "full" or "minimal" */
    public static ReportData data(String size, long seed) {
        return switch (size) {
            case "full" -> ReportGenerator.full(codes(), seed);
            case "minimal" -> ReportGenerator.minimal(codes(), seed);
            default -> throw new IllegalArgumentException("size must be full or minimal: " + size);
        };
    }

    public static ReportData data(String size) {
        return data(size, SEED);
    }

    public static byte[] workbook(String size) {
        return new Filler(registry()).fill(data(size));
    }
}
