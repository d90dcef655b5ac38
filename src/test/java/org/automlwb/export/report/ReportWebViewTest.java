package org.automlwb.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The report in a real browser engine: JavaFX's WebView (WebKit) under Monocle, headless and offline. Every
 * chart div must end up holding a plotly SVG, and no script may fail.
 */
class ReportWebViewTest {
    private final AtomicReference<WebView> view = new AtomicReference<>();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyChartRendersInWebView() throws Exception {
        check(ReportFixture.binary(), 7);
    }

    @Test
    void regressionChartsRenderInWebView() throws Exception {
        check(ReportFixture.regression(), 5);
    }

    private void check(Path experiment, int charts) throws Exception {
        FxToolkit.registerPrimaryStage();
        CompletableFuture<Worker.State> loaded = new CompletableFuture<>();
        AtomicReference<String> errors = new AtomicReference<>("");
        FxToolkit.setupStage((Stage stage) -> {
            WebView web = new WebView();
            view.set(web);
            web.getEngine().setOnError(e -> errors.updateAndGet(s -> s + e.getMessage() + "; "));
            web.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED) loaded.complete(state);
            });
            stage.setScene(new Scene(web, 1300, 900));
            stage.show();
            web.getEngine().load(experiment.resolve(ReportWriter.REPORT_FILE).toUri().toString());
        });
        // a generous bound for a 10 MB page on a busy machine, not a timing assertion
        assertEquals(Worker.State.SUCCEEDED, loaded.get(120, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> counts = onFx(() -> List.of(
                script("document.querySelectorAll('div.chart').length"),
                script("document.querySelectorAll('div.chart svg.main-svg').length > 0 ? "
                        + "Array.prototype.filter.call(document.querySelectorAll('div.chart'), "
                        + "function (d) { return d.querySelector('svg.main-svg') !== null; }).length : 0"),
                script("typeof Plotly === 'object' ? Plotly.version : 'missing'")));
        assertEquals(charts, ((Number) counts.get(0)).intValue(), "chart divs");
        assertEquals(charts, ((Number) counts.get(1)).intValue(), "charts drawn as SVG");
        assertEquals("2.35.3", counts.get(2));
        assertTrue(errors.get().isEmpty(), errors.get());
    }

    private Object script(String js) {
        return view.get().getEngine().executeScript(js);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
