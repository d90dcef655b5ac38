package org.automlwb.ui;

import static org.automlwb.ui.ScreenshotTour.Tour.fx;
import static org.automlwb.ui.ScreenshotTour.Tour.pause;
import static org.automlwb.ui.ScreenshotTour.Tour.save;
import static org.automlwb.ui.ScreenshotTour.Tour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import org.automlwb.engine.api.EngineKind;

/**
 * Not a test: a run of two engines in the real window, for docs/screenshots: the Search view with both engines
 * ticked, the live leaderboard with its Engine column, and Results. Run under a display with the test class path:
 * {@code java -cp ... org.automlwb.ui.EnginesScreenshotTour OUT_DIR FILE.csv TARGET BUDGET_SECONDS}.
 */
public final class EnginesScreenshotTour {
    private EnginesScreenshotTour() { }

    public static void main(String[] a) {
        TourApplication.run(Tour.class, a);
    }

    /** The application that takes the pictures. */
    public static final class Tour extends TourApplication {
        @Override
        protected void tour() {
            try {
                Path out = Files.createDirectories(Path.of(args[0]));
                int budget = Integer.parseInt(args[3]);
                openForRun(args[1], args[2]);
                fx(() -> {
                    vm.stepProperty().set(Step.SEARCH);
                });
                pause(1500);
                fx(() -> {
                    vm.search().budgetSecondsProperty().set(budget);
                    vm.search().threadsProperty().set(2);
                    vm.search().engines().stream().filter(c -> c.kind() == EngineKind.H2O)
                            .forEach(c -> c.selectedProperty().set(true));
                });
                pause(1000);
                save(fx(() -> stage.getScene()), out.resolve("search-engines.png"));
                fx(() -> {
                    vm.stepProperty().set(Step.RUN);
                    vm.run().start();
                });
                pause(budget * 900L);
                save(fx(() -> stage.getScene()), out.resolve("run-engines.png"));
                waitFor(() -> !vm.run().getPhase().active());
                pause(500);
                save(fx(() -> stage.getScene()), out.resolve("run-engines-end.png"));
                fx(() -> vm.stepProperty().set(Step.RESULTS));
                pause(3000);
                save(fx(() -> stage.getScene()), out.resolve("results-engines.png"));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }
    }
}
