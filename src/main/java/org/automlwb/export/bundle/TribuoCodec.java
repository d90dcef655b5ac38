package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.TribuoModel;
import org.tribuo.Model;

/** Tribuo's protobuf model files ({@code Model.serializeToFile}); never Java serialization. */
final class TribuoCodec implements ModelCodec {
    @Override
    public ModelFormat format() { return ModelFormat.TRIBUO; }

    @Override
    public void write(TrainedModel model, Path file) throws IOException {
        ((TribuoModel) model).model().serializeToFile(file);
    }

    @Override
    public TrainedModel read(Path file, TaskType task, List<String> classNames) throws IOException {
        Model<?> model;
        try {
            model = Model.deserializeFromFile(file);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) { // a file that is not a Tribuo model fails inside protobuf parsing
            throw new IOException(file + " is not a Tribuo model file: " + e.getMessage(), e);
        }
        try {
            return new TribuoModel(model, task, classNames);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
