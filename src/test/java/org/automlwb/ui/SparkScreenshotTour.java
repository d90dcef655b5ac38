package org.automlwb.ui;

import static org.automlwb.ui.ScreenshotTour.Tour.fx;
import static org.automlwb.ui.ScreenshotTour.Tour.pause;
import static org.automlwb.ui.ScreenshotTour.Tour.save;
import static org.automlwb.ui.ScreenshotTour.Tour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.automlwb.ui.run.RunOn;
import org.automlwb.ui.settings.SparkSettings;

/**
 * Not a test: Settings' Spark fields and a run on Spark followed live in the real window, for docs/screenshots.
 * Run under a display with the test class path and the desktop jar named for spark-submit:
 * {@code java -Dautomlwb.appJar=target/automl-workbench.jar -cp ... org.automlwb.ui.SparkScreenshotTour OUT_DIR
 * FILE.csv TARGET BUDGET_SECONDS SPARK_HOME MASTER}.
 */
public final class SparkScreenshotTour {
    private SparkScreenshotTour() { }

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
                fx(() -> vm.setSparkSettings(new SparkSettings(args[4], args[5])));
                openForRun(args[1], args[2]);
                Platform.runLater(vm::editSettings); // a dialog: shown and waited for on the FX thread
                waitFor(() -> Window.getWindows().size() > 1);
                pause(1500);
                Stage dialog = fx(() -> (Stage) Window.getWindows().stream().filter(w -> w != stage).findFirst()
                        .orElseThrow());
                save(fx(() -> dialog.getScene()), out.resolve("settings-spark.png"));
                fx((Runnable) dialog::close);
                fx(() -> {
                    vm.search().budgetSecondsProperty().set(budget);
                    vm.search().threadsProperty().set(2);
                    vm.stepProperty().set(Step.RUN);
                    vm.run().runOnProperty().set(RunOn.SPARK_CLUSTER);
                    vm.run().start();
                });
                pause(budget * 600L);
                save(fx(() -> stage.getScene()), out.resolve("run-spark.png"));
                waitFor(() -> !vm.run().getPhase().active());
                pause(500);
                save(fx(() -> stage.getScene()), out.resolve("run-spark-end.png"));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }
    }
}
