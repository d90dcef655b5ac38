package org.automlwb.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.automlwb.export.bundle.ModelFileChangedException;
import org.automlwb.ui.dialog.ErrorReport;
import org.junit.jupiter.api.Test;

/** A damaged model file is explained as such, not as a problem with the rows being predicted. */
class RunErrorsTest {
    @Test
    void aChangedModelFileIsNamedAndBlamedNotTheData() {
        Path file = Path.of("models", "trained_models", "churn", "model_artifact.tribuo");
        // as the executor delivers it: the task's exception wraps the reader's
        ErrorReport r = RunErrors.report("These rows cannot be predicted", "The prediction failed",
                new RuntimeException(new ModelFileChangedException(file)));
        assertEquals("The model's files were changed", r.title());
        assertTrue(r.message().startsWith("model_artifact.tribuo is not what was written"), r.message());
        assertEquals("Export the model again from its experiment.", r.hint());
        assertTrue(r.details().contains(file.toString()), r.details());
    }
}
