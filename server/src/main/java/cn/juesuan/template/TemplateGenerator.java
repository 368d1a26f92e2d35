package cn.juesuan.template;

import cn.juesuan.layout.Profile;

/** Builds a profile's jXLS template workbook from its layout descriptors. */
public final class TemplateGenerator {
    public byte[] generate(Profile profile) {
        throw new UnsupportedOperationException("TODO");
    }
}
