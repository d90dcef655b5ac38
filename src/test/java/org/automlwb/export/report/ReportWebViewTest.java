package org.automlwb.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The report in a real browser engine: JavaFX's WebView (WebKit) under Monocle, headless and offline. The file is
 * under 2 MB (what mail servers commonly take), every chart div must end up holding an ECharts SVG with marks in it,
 * no script may fail, and before printing every chart is redrawn at the paper's width.
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
        long bytes = Files.size(experiment.resolve(ReportWriter.REPORT_FILE));
        assertTrue(bytes < 2_000_000, "report.html is " + bytes + " bytes: over the 2 MB a mail can carry");
        FxToolkit.registerPrimaryStage();
        java.io.File webData = Files.createTempDirectory("report-webview").toFile();
        CompletableFuture<Worker.State> loaded = new CompletableFuture<>();
        AtomicReference<String> errors = new AtomicReference<>("");
        FxToolkit.setupStage((Stage stage) -> {
            WebView web = new WebView();
            // a folder of its own: WebKit locks its data folder, and another test JVM on the machine may hold
            // the shared default one ("User data directory ... is already in use")
            web.getEngine().setUserDataDirectory(webData);
            view.set(web);
            web.getEngine().setOnError(e -> errors.updateAndGet(s -> s + e.getMessage() + "; "));
            web.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED) loaded.complete(state);
            });
            stage.setScene(new Scene(web, 1300, 900));
            stage.show();
            web.getEngine().load(experiment.resolve(ReportWriter.REPORT_FILE).toUri().toString());
        });
        // a generous bound for the page on a busy machine, not a timing assertion
        assertEquals(Worker.State.SUCCEEDED, loaded.get(120, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> counts = ReportXssWebViewTest.onFx(() -> List.of(
                script("document.querySelectorAll('div.chart').length"),
                // drawn: an SVG holding more marks than the axes alone (points, lines, bars, boxes or cells)
                script("Array.prototype.filter.call(document.querySelectorAll('div.chart'), function (d) {"
                        + " var svg = d.querySelector('svg'); return svg !== null"
                        + " && svg.querySelectorAll('path').length > 8; }).length"),
                script("typeof echarts === 'object' ? echarts.version : 'missing'"),
                script("document.querySelector('h1').textContent")));
        assertEquals(charts, ((Number) counts.get(0)).intValue(), "chart divs");
        assertEquals(charts, ((Number) counts.get(1)).intValue(), "charts drawn as SVG");
        assertEquals(ReportWriter.ECHARTS_VERSION, counts.get(2));
        assertTrue(String.valueOf(counts.get(3)).contains(" — predicting "), "a title in words: " + counts.get(3));
        assertTrue(errors.get().isEmpty(), errors.get());
        // printing: every chart is redrawn at the paper's width (680 CSS pixels), then back at the window's
        Object printed = ReportXssWebViewTest.onFx(() -> script("window.dispatchEvent(new Event('beforeprint'));"
                + " Array.prototype.filter.call(document.querySelectorAll('div.chart svg'), function (s) {"
                + " return Math.round(s.getBoundingClientRect().width) === 680; }).length"));
        assertEquals(charts, ((Number) printed).intValue(), "charts at the paper's width before printing");
        Object after = ReportXssWebViewTest.onFx(() -> script("window.dispatchEvent(new Event('afterprint'));"
                + " Array.prototype.filter.call(document.querySelectorAll('div.chart svg'), function (s) {"
                + " return Math.round(s.getBoundingClientRect().width) > 680; }).length"));
        assertTrue(((Number) after).intValue() > 0, "charts back at the window's width after printing");
    }

    private Object script(String js) {
        return view.get().getEngine().executeScript(js);
    }
}
