package org.automlwb.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.automlwb.common.Json;
import org.automlwb.engine.Predictions;

/**
 * The JSON answer to {@code POST /predict}: which model and version answered, the number of rows, and per row the
 * prediction (the most probable class, or the value) and, for classification, each class's probability. Written
 * with Jackson's streaming generator: a 1,000-row answer builds no tree. Doubles are written so that they read
 * back as the same doubles {@code predict} writes to its CSV.
 */
final class Answers {
    private Answers() { }

    static String predictions(ServedVersion v, Predictions p) {
        StringWriter out = new StringWriter(64 + p.size() * 48);
        List<String> classes = v.predictor().classNames();
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("model", v.model());
            g.writeStringField("version", v.version());
            g.writeNumberField("rows", p.size());
            g.writeArrayFieldStart("predictions");
            if (p.isClassification()) {
                int[] best = p.argmax();
                double[][] prob = p.probabilities();
                for (int i = 0; i < best.length; i++) {
                    g.writeStartObject();
                    g.writeStringField("prediction", classes.get(best[i]));
                    g.writeObjectFieldStart("probabilities");
                    for (int c = 0; c < classes.size(); c++) g.writeNumberField(classes.get(c), prob[i][c]);
                    g.writeEndObject();
                    g.writeEndObject();
                }
            } else {
                for (double value : p.values()) {
                    g.writeStartObject();
                    g.writeNumberField("prediction", value);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }
}
