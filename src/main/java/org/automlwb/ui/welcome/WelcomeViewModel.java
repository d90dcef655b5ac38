package org.automlwb.ui.welcome;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The welcome panel: sample files found on disk (listed in the background). */
public final class WelcomeViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WelcomeViewModel.class);
    private final ObservableList<SampleFile> samples = FXCollections.observableArrayList();
    private final TaskExecutor executor;
    private final Supplier<List<Path>> folders;

    /** @param folders where to look for {@code sample-data/}, best first */
    public WelcomeViewModel(TaskExecutor executor, Supplier<List<Path>> folders) {
        this.executor = executor;
        this.folders = folders;
    }

    /** The sample CSVs; empty when there is no sample folder (the panel then hides the section). */
    public ObservableList<SampleFile> samples() { return samples; }

    /** Looks for sample files again. */
    public void refresh() {
        executor.submit("find sample data", () -> SampleFiles.find(folders.get()), samples::setAll,
                e -> LOG.warn("Could not look for sample data", e));
    }
}
