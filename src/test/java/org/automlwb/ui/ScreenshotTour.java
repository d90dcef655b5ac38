package org.automlwb.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.automlwb.ui.dialog.FxDialogService;
import org.automlwb.ui.load.LoadState;

/**
 * Not a test: drives the real window through its states and saves a PNG of each, for docs/screenshots.
 * Run under a display (e.g. xvfb-run) with the test classpath:
 * {@code java -cp ... org.automlwb.ui.ScreenshotTour OUT_DIR SAMPLE_DIR FILE.csv TEXT_COLUMN}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() { }

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
            pause(2500);
            shoot(out.resolve("welcome.png"));
            fx(() -> vm.open(Path.of(args[2])));
            waitFor(() -> vm.load().getState() == LoadState.READY && vm.load().getProfile() != null);
            fx(() -> vm.grid().selectedColumnProperty().set(args[3]));
            pause(800);
            shoot(out.resolve("data-light.png"));
            fx(() -> vm.themeProperty().set(Theme.DARK));
            fx(() -> vm.grid().selectedColumnProperty().set(vm.grid().columnNames().get(0)));
            pause(800);
            shoot(out.resolve("data-dark.png"));
            fx(() -> vm.stepProperty().set(Step.RUN));
            pause(500);
            shoot(out.resolve("empty-step.png"));
            fx(() -> vm.stepProperty().set(Step.DATA));
            fx(() -> vm.themeProperty().set(Theme.LIGHT));
            Path empty = Files.createTempFile("orders", ".csv");
            Files.writeString(empty, "id,item,price\n1,tea,3.5\n2,\"coffee, large\",4\n3,cake,2.5,extra\n");
            // showError blocks in a nested event loop; shoot and close the dialog from a later pulse.
            Platform.runLater(() -> vm.open(empty));
            pause(2500);
            shootDialog(out.resolve("error-dialog.png"));
            fx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
            Platform.runLater(() -> new FxDialogService(stage).editOpenOptions(Path.of(args[2]),
                    new org.automlwb.ui.dialog.OpenOptionsViewModel()));
            pause(2000);
            shootDialog(out.resolve("open-options.png"));
            fx(() -> List.copyOf(Window.getWindows()).stream().filter(w -> w != stage).forEach(Window::hide));
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            Platform.runLater(stage::close);
        }
    }

    private void shoot(Path file) throws Exception {
        Scene scene = fx(() -> stage.getScene());
        save(scene, file);
    }

    private void shootDialog(Path file) throws Exception {
        Scene scene = fx(() -> Window.getWindows().stream().filter(w -> w != stage).map(Window::getScene)
                .findFirst().orElse(null));
        if (scene != null) save(scene, file);
        else System.err.println("no dialog to shoot");
    }

    static void save(Scene scene, Path file) throws Exception {
        var image = fx(() -> scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(file.toString()));
        System.out.println("saved " + file);
    }

    static <T> T fx(Supplier<T> s) throws Exception {
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

    static void fx(Runnable r) throws Exception {
        fx(() -> {
            r.run();
            return null;
        });
    }

    static void waitFor(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (fx(condition::getAsBoolean)) return;
            pause(100);
        }
        throw new IllegalStateException("timed out");
    }

    static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
    }
}
