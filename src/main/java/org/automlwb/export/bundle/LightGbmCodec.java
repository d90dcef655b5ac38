package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.LightGbmTrainedModel;
import org.automlwb.engine.algo.lightgbm.LightGbmException;

/**
 * LightGBM's own text model format, which LightGBM's other bindings read too (Python: {@code
 * lightgbm.Booster(model_file=...)}). The text is checked before LightGBM's native parser, which would crash the
 * process on a damaged file.
 */
final class LightGbmCodec implements ModelCodec {
    @Override
    public ModelFormat format() { return ModelFormat.LIGHTGBM; }

    @Override
    public void write(TrainedModel model, Path file) throws IOException {
        Files.writeString(file, ((LightGbmTrainedModel) model).text(), StandardCharsets.UTF_8);
    }

    @Override
    public TrainedModel read(Path file, TaskType task, List<String> classNames) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return LightGbmTrainedModel.fromText(text, task, classNames);
        } catch (LightGbmException | IllegalArgumentException e) {
            throw new IOException(file + " is not a usable LightGBM model: " + e.getMessage(), e);
        }
    }
}
