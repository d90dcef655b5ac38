package org.automlwb.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javax.imageio.ImageIO;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.prepare.PreviewState;

/**
 * Not a test: opens a file in the real window, picks the target, and saves PNGs of Data (with the target bar),
 * Prepare and Search, for docs/screenshots. Run under a display (e.g. xvfb-run) with the test classpath:
 * {@code java -cp ... org.automlwb.ui.FlowScreenshotTour OUT_DIR FILE.csv COLUMN_TO_SELECT}.
 */
public final class FlowScreenshotTour {
    private FlowScreenshotTour() { }

    public static void main(String[] a) {
        TourApplication.run(Tour.class, a);
    }

    /** The application that takes the pictures. */
    public static final class Tour extends TourApplication {
        @Override
        protected void tour() {
            try {
                Path out = Files.createDirectories(Path.of(args[0]));
                pause(1500);
                fx(() -> stage.setWidth(1440));
                fx(() -> stage.setHeight(900));
                fx(() -> vm.open(Path.of(args[1])));
                waitFor(() -> vm.load().getState() == LoadState.READY && vm.load().getProfile() != null
                        && vm.target().taskProperty().get() != null);
                fx(() -> vm.grid().selectedColumnProperty().set(args[2]));
                pause(800);
                shoot(out.resolve("data-target.png"));

                fx(() -> vm.stepProperty().set(Step.PREPARE));
                fx(() -> vm.prepare().selectedProperty().set(1));
                waitFor(() -> vm.prepare().previewStateProperty().get() == PreviewState.READY);
                pause(800);
                shoot(out.resolve("prepare.png"));

                fx(() -> vm.stepProperty().set(Step.SEARCH));
                pause(500);
                fx(() -> {
                    Node on = stage.getScene().lookup("#algo-xgboost");
                    for (Node n = on; n != null; n = n.getParent()) {
                        if (n instanceof TitledPane p) { p.setExpanded(true); break; }
                    }
                    ((TextField) stage.getScene().lookup("#xgboost-eta-low")).setText("0");
                });
                pause(1000);
                shoot(out.resolve("search.png"));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }

        private void shoot(Path file) throws Exception {
            var image = fx(() -> stage.getScene().snapshot(null));
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
            System.out.println("saved " + file);
        }

        private static <T> T fx(Supplier<T> s) throws Exception {
            CompletableFuture<T> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(s.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
            return f.get(30, TimeUnit.SECONDS);
        }

        private static void fx(Runnable r) throws Exception {
            fx(() -> {
                r.run();
                return null;
            });
        }

        private static void waitFor(BooleanSupplier condition) throws Exception {
            for (int i = 0; i < 600; i++) {
                if (fx(condition::getAsBoolean)) return;
                pause(100);
            }
            throw new IllegalStateException("timed out");
        }

        private static void pause(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    }
}
