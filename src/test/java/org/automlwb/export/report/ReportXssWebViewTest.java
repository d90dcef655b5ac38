package org.automlwb.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.automlwb.cli.Cli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import picocli.CommandLine;

/**
 * A report about hostile data runs nothing of it: column names, category values, the target's name, its class
 * labels and the data file's name are script and markup, the experiment goes through the real {@code run} command,
 * and its report is opened in a real browser engine (JavaFX's WebView under Monocle). No alert may fire, no element
 * the data spelled may exist, and the hostile texts must still be shown, as text.
 */
class ReportXssWebViewTest {
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "\"><img src=x onerror=alert(1)>";
    private static final String SVG = "<svg/onload=alert(1)>";
    private static final String TARGET = "t" + SCRIPT;

    private final AtomicReference<WebView> view = new AtomicReference<>();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void hostileNamesAndValuesAreShownAndNeverRun(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve(IMG + ".csv"), rows(new Random(4), 200), StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        Path models = dir.resolve("models");
        int code = cl.execute("run", "--data", data.toString(), "--target", TARGET, "--algorithms", "liblinear",
                "--no-ensemble", "--max-trials", "2", "--threads", "1", "--seed", "3", "--no-deploy",
                "--out", models.toString());
        assertEquals(0, code, err.toString());
        Path report;
        try (Stream<Path> s = Files.list(models.resolve("experiments"))) {
            report = s.findFirst().orElseThrow().resolve(ReportWriter.REPORT_FILE);
        }

        AtomicInteger alerts = new AtomicInteger();
        AtomicReference<String> errors = new AtomicReference<>("");
        CompletableFuture<Worker.State> loaded = new CompletableFuture<>();
        java.io.File webData = Files.createTempDirectory(dir, "webview").toFile();
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            WebView web = new WebView();
            // a folder of its own: WebKit locks its data folder, and another test JVM on the machine may hold
            // the shared default one ("User data directory ... is already in use")
            web.getEngine().setUserDataDirectory(webData);
            view.set(web);
            web.getEngine().setOnAlert(e -> alerts.incrementAndGet());
            web.getEngine().setOnError(e -> errors.updateAndGet(s -> s + e.getMessage() + "; "));
            web.getEngine().getLoadWorker().stateProperty().addListener((obs, old, state) -> {
                if (state == Worker.State.SUCCEEDED || state == Worker.State.FAILED) loaded.complete(state);
            });
            stage.setScene(new Scene(web, 1300, 900));
            stage.show();
            web.getEngine().load(report.toUri().toString());
        });
        // a generous bound for the page on a busy machine, not a timing assertion
        assertEquals(Worker.State.SUCCEEDED, loaded.get(120, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> found = onFx(() -> List.of(
                script("document.querySelectorAll('img, svg svg, iframe, object, embed, foreignObject').length"),
                script("Array.prototype.filter.call(document.querySelectorAll('*'), function (e) {"
                        + " return e.hasAttribute('onerror') || e.hasAttribute('onload'); }).length"),
                script("document.querySelectorAll('script').length"),
                script("document.body.textContent.indexOf('" + js(SCRIPT) + "') >= 0"),
                script("document.body.textContent.indexOf('" + js(IMG) + "') >= 0"),
                script("document.body.textContent.indexOf('" + js(TARGET) + "') >= 0"),
                script("document.querySelectorAll('div.chart svg').length")));
        assertEquals(0, alerts.get(), "alerts fired");
        assertEquals(0, ((Number) found.get(0)).intValue(), "elements spelled by the data");
        assertEquals(0, ((Number) found.get(1)).intValue(), "elements with event handlers");
        assertEquals(2, ((Number) found.get(2)).intValue(), "only the report's own two scripts (echarts, charts)");
        assertEquals(List.of(true, true, true), found.subList(3, 6), "the hostile texts are shown as text");
        assertTrue(((Number) found.get(6)).intValue() > 0, "the charts, which show names too, are drawn");
        assertTrue(errors.get().isEmpty(), errors.get());
    }

    /**
     * A numeric column named with a script, a category column named with markup whose values are script and
     * markup, and a target whose class labels are both; the target follows the number and the category.
     */
    private static String rows(Random rng, int n) {
        StringBuilder sb = new StringBuilder(csv(SCRIPT) + "," + csv(IMG) + "," + csv(SVG) + "," + csv(TARGET)
                + "\n");
        String[] values = {SCRIPT, IMG, "plain"};
        for (int i = 0; i < n; i++) {
            double x = rng.nextGaussian();
            int v = rng.nextInt(3);
            double z = x + (v == 0 ? 0.8 : -0.4) + 0.5 * rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f", x)).append(',').append(csv(values[v])).append(',')
                    .append(csv(rng.nextBoolean() ? SVG : "other")).append(',').append(csv(z > 0 ? SCRIPT : IMG))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** A JavaScript single-quoted string literal's content. */
    private static String js(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    private Object script(String js) {
        return view.get().getEngine().executeScript(js);
    }

    /** Runs {@code work} on the FX thread and waits for its answer (the report tests' one way onto that thread). */
    static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
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
