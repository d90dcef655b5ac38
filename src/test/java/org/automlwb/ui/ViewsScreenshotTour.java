package org.automlwb.ui;

import static org.automlwb.ui.ScreenshotTour.Tour.fx;
import static org.automlwb.ui.ScreenshotTour.Tour.pause;
import static org.automlwb.ui.ScreenshotTour.Tour.save;
import static org.automlwb.ui.ScreenshotTour.Tour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import org.automlwb.engine.run.RunSpec;

/**
 * Not a test: every view of the window at 1280×800, in the light and the dark theme, with a data set loaded and a
 * short run finished, saved as {@code VIEW-THEME.png} for looking at (and for docs/screenshots). Run under a
 * display (xvfb-run) with the test classpath:
 * {@code java -cp ... org.automlwb.ui.ViewsScreenshotTour OUT_DIR SAMPLE_DIR FILE.csv TARGET BUDGET_SECONDS}.
 */
public final class ViewsScreenshotTour {
    private ViewsScreenshotTour() { }

    public static void main(String[] a) {
        TourApplication.run(Tour.class, a);
    }

    /** The application that takes the pictures. */
    public static final class Tour extends TourApplication {
        @Override
        protected List<Path> sampleFolders() { return List.of(Path.of(args[1])); }

        @Override
        protected void tour() {
            try {
                Path out = Files.createDirectories(Path.of(args[0]));
                fx(() -> {
                    stage.setWidth(1280);
                    stage.setHeight(800);
                });
                pause(2500);
                for (Theme theme : Theme.values()) {
                    fx(() -> vm.themeProperty().set(theme));
                    pause(800);
                    save(fx(() -> stage.getScene()), out.resolve("welcome-" + name(theme) + ".png"));
                }
                fx(() -> vm.themeProperty().set(Theme.LIGHT));
                openForRun(args[2], args[3]);
                fx(() -> {
                    vm.session().settingsProperty().set(RunSpec.defaults("")
                            .withBudget(Duration.ofSeconds(Integer.parseInt(args[4]))).withThreads(2));
                    vm.stepProperty().set(Step.RUN);
                    vm.run().start();
                });
                waitFor(() -> !vm.run().getPhase().active());
                fx(() -> vm.stepProperty().set(Step.RESULTS));
                waitFor(() -> vm.results().importanceProperty().get() != null);
                for (Theme theme : Theme.values()) {
                    fx(() -> vm.themeProperty().set(theme));
                    for (Step step : Step.values()) {
                        fx(() -> vm.stepProperty().set(step));
                        pause(1200);
                        save(fx(() -> stage.getScene()), out.resolve(step.title().toLowerCase(Locale.ROOT) + "-"
                                + name(theme) + ".png"));
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }

        private static String name(Theme t) { return t.name().toLowerCase(Locale.ROOT); }
    }
}
