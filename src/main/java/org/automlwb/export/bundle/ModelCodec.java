package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;

/**
 * Writes and reads the trained models of one {@link ModelFormat}. The bundle writer and reader find the codec of
 * a member by its format ({@link ModelCodecs}), so a new kind of model needs a codec and a registry line, and
 * nothing else in the bundle changes.
 */
public interface ModelCodec {
    /** The format this codec handles. */
    ModelFormat format();

    /**
     * Writes {@code model}, whose {@link TrainedModel#format()} is this codec's, to {@code file}.
     *
     * @throws IOException when the file cannot be written
     */
    void write(TrainedModel model, Path file) throws IOException;

    /**
     * Reads a model written by {@link #write}.
     *
     * @param task       the task it predicts
     * @param classNames class names in probability order (empty for regression)
     * @throws IOException when the file is missing, unreadable or not a model of this format
     */
    TrainedModel read(Path file, TaskType task, List<String> classNames) throws IOException;
}
