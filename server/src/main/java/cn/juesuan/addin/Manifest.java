package cn.juesuan.addin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The add-in manifest (addin-manifest/manifest.xml, carried in the jar) rendered for one https origin. */
public final class Manifest {
    public static final String PLACEHOLDER = "{{ORIGIN}}";
    private static final String RESOURCE = "/addin-manifest/manifest.xml";
    private static final String TEMPLATE = load();

    private Manifest() {
    }

    /** The manifest for origin (validated and normalised by {@link Origin#https}). */
    public static String render(String origin, String parameterName) {
        return TEMPLATE.replace(PLACEHOLDER, Origin.https(origin, parameterName));
    }

    private static String load() {
        try (InputStream in = Manifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
