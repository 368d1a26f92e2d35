package cn.juesuan.read;

import cn.juesuan.layout.ProfileRegistry;

/** Reads a workbook (ours or edited by hand) back into the report model. */
public final class WorkbookReader {
    private final ProfileRegistry registry;

    public WorkbookReader(ProfileRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param xlsx      the workbook bytes
     * @param profileId profile to read with, or null to detect it from the workbook
     * @throws cn.juesuan.core.JuesuanException (4xx) when the bytes are not a readable xlsx
     */
    public ReadResult read(byte[] xlsx, String profileId) {
        throw new UnsupportedOperationException("TODO");
    }
}
