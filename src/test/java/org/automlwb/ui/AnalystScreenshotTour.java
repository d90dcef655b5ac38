package org.automlwb.ui;

import static org.automlwb.ui.ScreenshotTour.Tour.fx;
import static org.automlwb.ui.ScreenshotTour.Tour.pause;
import static org.automlwb.ui.ScreenshotTour.Tour.save;
import static org.automlwb.ui.ScreenshotTour.Tour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import org.automlwb.export.ExperimentSummary;
import org.automlwb.ui.load.LoadState;

/**
 * Not a test: saves the views of issue 14 at 1280×800 in both themes, for docs/screenshots: Results with nothing
 * open (offering the latest experiment), the Experiments view comparing two runs, Results of a saved classification
 * and regression experiment in plain words, and Search with a test file. Run under a display (xvfb-run) with the
 * test classpath: {@code java -cp ... org.automlwb.ui.AnalystScreenshotTour OUT_DIR MODELS_DIR TRAIN.csv TEST.csv
 * TARGET}; MODELS_DIR holds experiments that {@code run} wrote (at least two on TRAIN.csv).
 */
public final class AnalystScreenshotTour {
    private AnalystScreenshotTour() { }

    public static void main(String[] a) {
        TourApplication.run(Tour.class, a);
    }

    /** The application that takes the pictures. */
    public static final class Tour extends TourApplication {
        @Override
        protected void tour() {
            try {
                Path out = Files.createDirectories(Path.of(args[0]));
                Path models = Path.of(args[1]);
                fx(() -> {
                    stage.setWidth(1280);
                    stage.setHeight(800);
                    vm.session().modelsRootProperty().set(models);
                    vm.stepProperty().set(Step.RESULTS);
                });
                waitFor(() -> vm.experiments().latestProperty().get() != null);
                pause(800);
                shootBoth(out, "results-empty");

                fx(() -> vm.stepProperty().set(Step.EXPERIMENTS));
                pause(500);
                List<ExperimentSummary> same = fx(() -> vm.experiments().experiments().stream()
                        .filter(s -> "auc".equals(s.metric())).limit(2).toList());
                fx(() -> vm.experiments().compare(same));
                waitFor(() -> vm.experiments().comparisonProperty().get() != null);
                pause(1000);
                shootBoth(out, "experiments");

                fx(() -> vm.experiments().open(same.get(0)));
                waitFor(() -> vm.stepProperty().get() == Step.RESULTS && vm.results().resultsProperty().get() != null);
                pause(1500);
                shootBoth(out, "results");

                ExperimentSummary regression = fx(() -> vm.experiments().experiments().stream()
                        .filter(s -> "rmse".equals(s.metric())).findFirst().orElse(null));
                if (regression != null) {
                    fx(() -> vm.experiments().open(regression));
                    waitFor(() -> vm.results().outcomeProperty().get() != null
                            && vm.results().outcomeProperty().get().folder().dir().equals(regression.dir()));
                    pause(1500);
                    save(fx(() -> stage.getScene()), out.resolve("results-regression.png"));
                }

                fx(() -> vm.open(Path.of(args[2])));
                waitFor(() -> vm.load().getState() == LoadState.READY && vm.load().getProfile() != null);
                fx(() -> {
                    vm.session().targetProperty().set(args[4]);
                    vm.session().testFileProperty().set(Path.of(args[3]));
                    vm.stepProperty().set(Step.SEARCH);
                });
                pause(1500);
                shootBoth(out, "search");
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }

        private void shootBoth(Path out, String name) throws Exception {
            fx(() -> vm.themeProperty().set(Theme.LIGHT));
            pause(600);
            save(fx(() -> stage.getScene()), out.resolve(name + "-light.png"));
            fx(() -> vm.themeProperty().set(Theme.DARK));
            pause(600);
            save(fx(() -> stage.getScene()), out.resolve(name + "-dark.png"));
            fx(() -> vm.themeProperty().set(Theme.LIGHT));
        }
    }
}
