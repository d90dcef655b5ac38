package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.h2o.H2oMojoModel;

/**
 * H2O's MOJO zip, as H2O wrote it: any H2O tool reads it too ({@code h2o.import_mojo}, h2o-genmodel's
 * {@code EasyPredictModelWrapper}); this product scores it with h2o-genmodel alone, without H2O.
 */
final class H2oMojoCodec implements ModelCodec {
    @Override
    public ModelFormat format() { return ModelFormat.H2O_MOJO; }

    @Override
    public void write(TrainedModel model, Path file) throws IOException {
        Files.write(file, ((H2oMojoModel) model).bytes());
    }

    @Override
    public TrainedModel read(Path file, TaskType task, List<String> classNames) throws IOException {
        return H2oMojoModel.read(Files.readAllBytes(file), task, classNames);
    }
}
