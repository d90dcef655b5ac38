import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of a JavaFX start on this machine: one window with one label, the same size as the app's first
 * window, started the same way (same java, same classpath or runtime image). measure-startup.sh divides the
 * app's start-up by this one's, so that the figure means the same on a fast and a slow machine.
 */
public final class MinimalWindow {
    private MinimalWindow() { }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The application itself; a nested class so that the launch works from the classpath (as the app's does). */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Minimal JavaFX window");
            stage.setScene(new Scene(new StackPane(new Label("A minimal JavaFX window")), 1280, 800));
            // the same figure the app logs: from the JVM's start to the first frame after the window showed
            stage.setOnShown(e -> Platform.runLater(() -> System.out.println("Window ready "
                    + (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime())
                    + " ms after the JVM started")));
            stage.show();
        }
    }
}
