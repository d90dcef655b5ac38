package org.automlwb.export.bundle;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.ModelFormat;

/** The registry of model codecs, one per {@link ModelFormat}. */
public final class ModelCodecs {
    private static final Map<ModelFormat, ModelCodec> CODECS = new EnumMap<>(ModelFormat.class);

    static {
        for (ModelCodec c : List.of(new TribuoCodec(), new LightGbmCodec(), new H2oMojoCodec(), new SklearnCodec())) {
            CODECS.put(c.format(), c);
        }
    }

    private ModelCodecs() { }

    /**
     * The codec of a format.
     *
     * @throws IllegalArgumentException when no codec is registered for it (a bundle from a newer version)
     */
    public static ModelCodec of(ModelFormat format) {
        ModelCodec c = CODECS.get(format);
        if (c == null) throw new IllegalArgumentException("no reader for " + format.key() + " models in this version");
        return c;
    }
}
