package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.run.RunPhase;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing cut off: the real window under Monocle, at 1280×800 and 1600×1000 (the themes share their fonts and
 * sizes: the light one is walked), with
 * the titanic sample loaded and a short run finished, walks every view (welcome, Data, Prepare, Search, Run,
 * Results) and fails on a label whose text is shown elided. "Elided" is what the label draws (its skin's text
 * node) against what it holds; a cut text passes only when its tooltip carries the whole of it. The data grid's
 * and leaderboards' cells are data, cut as a spreadsheet cuts them, and are left out; their headers are not.
 */
@ExtendWith(ApplicationExtension.class)
class ClippedLabelsFxTest {
    private static final double[][] SIZES = {{1280, 800}, {1600, 1000}};
    private final FakeDialogService dialogs = new FakeDialogService();
    private WorkbenchViewModel vm;
    private Stage stage;

    @Start
    void start(Stage ignored) throws Exception {
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs,
                new InMemorySettingsStore(Settings.defaults()), DataSource.csv(),
                () -> List.of(Path.of("sample-data")));
        stage = new Stage();
        vm = WorkbenchShell.show(stage, services, null).viewModel();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void noViewCutsALabelAtEitherSize() throws Exception {
        List<String> clipped = new ArrayList<>();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> !vm.welcome().samples().isEmpty()));
        walk("welcome", clipped);

        Path models = Files.createTempDirectory("clipped-labels-models");
        fx(() -> {
            vm.open(Path.of("sample-data", "titanic-survival.csv"));
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> vm.load().getState() == LoadState.READY
                && vm.load().getProfile() != null) || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), () -> "loading failed: " + dialogs.errors);
        fx(() -> {
            vm.session().targetProperty().set("survived");
            vm.session().modelsRootProperty().set(models);
            // a bounded run: a few trials of quick algorithms, the same whatever the machine's speed
            vm.session().settingsProperty().set(RunSpec.defaults("").withMaxTrials(3).withThreads(2).withSeed(3)
                    .withAlgorithms(List.of("liblinear", "naive_bayes")));
            vm.stepProperty().set(Step.RUN);
            vm.run().start();
            return null;
        });
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> fx(() -> !vm.run().getPhase().active()));
        assertEquals(RunPhase.FINISHED, fx(() -> vm.run().getPhase()), () -> "the run ended: " + dialogs.errors);
        for (Step step : Step.values()) {
            fx(() -> {
                vm.stepProperty().set(step);
                return null;
            });
            if (step == Step.RESULTS) {
                WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                        () -> fx(() -> vm.results().importanceProperty().get() != null));
            }
            walk(step.title(), clipped);
        }
        assertTrue(clipped.isEmpty(), () -> clipped.size() + " labels cut off:\n" + String.join("\n", clipped));
    }

    @Test
    void aCutLabelIsFoundUnlessItsTooltipHoldsTheWholeText() throws Exception {
        List<List<String>> found = fx(() -> {
            javafx.scene.control.Label cut = new javafx.scene.control.Label("Compare two leaderboard rows");
            cut.setMaxWidth(60);
            javafx.scene.control.Label whole = new javafx.scene.control.Label("Fits");
            javafx.scene.control.Label tipped = new javafx.scene.control.Label("Hyperparameters of the model");
            tipped.setMaxWidth(60);
            tipped.setTooltip(new Tooltip("Hyperparameters of the model"));
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(cut, whole, tipped);
            Stage s = new Stage();
            s.setScene(new javafx.scene.Scene(box, 200, 120));
            s.show();
            box.applyCss();
            box.layout();
            List<String> all = clippedIn(box);
            s.close();
            return List.of(all, List.of(String.valueOf(isCut(whole)), String.valueOf(isCut(tipped))));
        });
        assertEquals(1, found.get(0).size(), found.get(0).toString());
        assertTrue(found.get(0).get(0).contains("Compare two leaderboard rows"), found.get(0).get(0));
        assertEquals(List.of("false", "false"), found.get(1), "a label that fits, and a cut one with its tooltip");
    }

    /** The current view at each size; what is cut is added to {@code clipped}. */
    private void walk(String view, List<String> clipped) throws Exception {
        for (double[] size : SIZES) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            String where = view + " at " + (int) size[0] + "×" + (int) size[1] + ": ";
            for (String c : fx(() -> clippedIn(stage.getScene().getRoot()))) clipped.add(where + c);
        }
    }

    /** Every showing label under {@code root} that draws less than its text, described for the failure message. */
    static List<String> clippedIn(Parent root) {
        List<String> out = new ArrayList<>();
        visit(root, out);
        return out;
    }

    private static void visit(Node node, List<String> out) {
        if (!node.isVisible() || node.getOpacity() == 0) return;
        if (node.getStyleClass().contains("table-row-cell") || node.getStyleClass().contains("list-cell")
                && node.getParent() != null && isData(node)) {
            return; // data rows: cut as a spreadsheet cuts them
        }
        if (node instanceof Labeled l && isCut(l)) {
            out.add(describe(l));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) visit(child, out);
        }
    }

    private static boolean isData(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if ("data-grid".equals(n.getId())) return true;
        }
        return false;
    }

    /** Whether the label's drawn text is shorter than its text and no tooltip holds the whole of it. */
    static boolean isCut(Labeled l) {
        String full = l.getText();
        if (full == null || full.isBlank() || l.getWidth() <= 0) return false;
        Text drawn = null;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text")) drawn = t;
        }
        if (drawn == null || !drawn.isVisible()) return false;
        String shown = drawn.getText();
        String expected = l.isMnemonicParsing() ? full.replaceFirst("_(?=.)", "") : full;
        if (shown == null || shown.equals(expected) || shown.equals(full)) return false;
        Tooltip tip = l.getTooltip();
        return tip == null || tip.getText() == null || !tip.getText().contains(full.strip());
    }

    private static String describe(Labeled l) {
        String id = l.getId() != null ? "#" + l.getId() : l.getClass().getSimpleName() + l.getStyleClass();
        Node n = l.getParent();
        StringBuilder path = new StringBuilder();
        for (int i = 0; n != null && i < 4; n = n.getParent(), i++) {
            if (n.getId() != null) {
                path.append(" in #").append(n.getId());
                break;
            }
        }
        return id + path + " \"" + l.getText() + "\" drawn as \"" + ((Text) l.getChildrenUnmodifiable().stream()
                .filter(c -> c instanceof Text).reduce((a, b) -> b).orElseThrow()).getText() + "\" (" + Math.round(
                l.getWidth()) + " px wide)";
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | AssertionError e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
