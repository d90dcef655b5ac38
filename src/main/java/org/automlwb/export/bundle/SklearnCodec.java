package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.python.PythonEngineKind;
import org.automlwb.engine.python.PythonLocator;
import org.automlwb.engine.python.SklearnModel;

/**
 * The Python engine's scikit-learn Pipeline, as the engine script saved it with joblib: the bytes are kept as
 * they are and scored by a Python with scikit-learn ({@link SklearnModel}). The bundle reader checks the file's
 * SHA-256 before this codec sees it, which matters here: unpickling a file runs code from it.
 */
final class SklearnCodec implements ModelCodec {
    @Override
    public ModelFormat format() { return ModelFormat.SKLEARN; }

    @Override
    public void write(TrainedModel model, Path file) throws IOException {
        Files.write(file, ((SklearnModel) model).bytes());
    }

    @Override
    public TrainedModel read(Path file, TaskType task, List<String> classNames) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        PythonLocator.Lookup python = PythonLocator.find();
        String why = python.whyNot(PythonEngineKind.SKLEARN);
        if (why != null) throw new IOException("a scikit-learn model needs Python to predict: " + why);
        return new SklearnModel(bytes, python.runtime(), task, classNames, "sklearn");
    }
}
