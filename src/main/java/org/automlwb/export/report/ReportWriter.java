package org.automlwb.export.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.data.Profiler;
import org.automlwb.engine.FeatureImportance;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.Versions;
import org.automlwb.export.report.Charts.TrialPoint;
import org.automlwb.export.report.ReportPage.Scored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an experiment's {@code report.html}: one self-contained file a business analyst can e-mail (about 1.1 MB,
 * under common mail limits) and print. It opens offline: Apache ECharts is inlined from its WebJar, no tag points at
 * a URL, every chart's numbers are in the page (aggregated or sampled, never a raw million-point trace). Printed,
 * each chart stays whole on a page and the navigation and print button are left out. Local absolute paths are
 * written only when asked for ({@code report --paths}).
 *
 * <p>It works from the experiment FOLDER alone, so it can be written after the run ended, by the {@code report}
 * command or the app: data set and column profile, recipe in plain words, search space and budget, leaderboard,
 * best score over time, scores per algorithm, the winner's metrics, confusion matrix and ROC curve
 * (classification) or actual-vs-predicted and residuals (regression) on validation and test predictions,
 * permutation feature importance, and what it takes to reproduce the run.
 */
public final class ReportWriter {
    /** The report's file name inside an experiment folder. */
    public static final String REPORT_FILE = "report.html";
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);
    /** The inlined charting library's version, as its WebJar names it. */
    static final String ECHARTS_VERSION = "5.3.1";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
            + "/dist/echarts.min.js";

    private ReportWriter() { }

    /** Writes {@code report.html} into the experiment folder and returns its path. */
    public static Path write(ExperimentFolder folder) throws BadInputException {
        return write(folder, folder.dir().resolve(REPORT_FILE), FeatureImportance.Settings.defaults(),
                CancelToken.none());
    }

    /**
     * Writes {@code report.html} into the experiment folder with feature importance held to {@code maxSeconds}
     * (the end of a run, where the report should not keep the user waiting long).
     */
    public static Path write(ExperimentFolder folder, double importanceSeconds) throws BadInputException {
        return write(folder, folder.dir().resolve(REPORT_FILE),
                FeatureImportance.Settings.defaults().withMaxSeconds(importanceSeconds), CancelToken.none());
    }

    /** The files a run read, handed to the report it writes at its end so that it does not read them again. */
    public record Loaded(LoadedData train, LoadedData test) { }

    /** As {@link #write(ExperimentFolder, double)}, with the data the run already holds. */
    public static Path write(ExperimentFolder folder, double importanceSeconds, Loaded loaded)
            throws BadInputException {
        return write(folder, folder.dir().resolve(REPORT_FILE),
                FeatureImportance.Settings.defaults().withMaxSeconds(importanceSeconds), CancelToken.none(), loaded,
                false);
    }

    /**
     * Writes the report (atomically) to {@code out}.
     *
     * @param importance rows, repeats and seed of the permutation importance (the seed is replaced by the run's)
     * @throws BadInputException when the folder is not an experiment, or the file cannot be written
     * @throws org.automlwb.common.CancelledException when cancelled
     */
    public static Path write(ExperimentFolder folder, Path out, FeatureImportance.Settings importance,
                             CancelToken cancel) throws BadInputException {
        return write(folder, out, importance, cancel, false);
    }

    /**
     * As {@link #write(ExperimentFolder, Path, FeatureImportance.Settings, CancelToken)}, saying whether the data
     * files' local absolute paths are written.
     *
     * @param showPaths true to write where the data files are on this machine; false writes their names only
     */
    public static Path write(ExperimentFolder folder, Path out, FeatureImportance.Settings importance,
                             CancelToken cancel, boolean showPaths) throws BadInputException {
        return write(folder, out, importance, cancel, null, showPaths);
    }

    private static Path write(ExperimentFolder folder, Path out, FeatureImportance.Settings importance,
                              CancelToken cancel, Loaded loaded, boolean showPaths) throws BadInputException {
        long start = System.nanoTime();
        ReportInputs in = ReportInputs.load(folder, loaded);
        AtomicFiles.writeString(out, html(in, importance, cancel, showPaths));
        LOG.info("wrote {} in {} ms", out, (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    static String html(ReportInputs in, FeatureImportance.Settings importanceSettings, CancelToken cancel,
                       boolean showPaths) {
        DatasetProfile profile = in.train() == null ? null : Profiler.profile(in.train());
        ReportPage page = new ReportPage(in, showPaths);
        page.summary(profile);
        page.data(profile);
        page.preprocessing();
        page.lineage();
        page.search();
        page.leaderboard(trialPoints(in.trials(), in.metric()));
        page.winner(scored(in));
        cancel.throwIfCancelled();
        LoadedData importanceData = in.test() != null ? in.test() : in.train();
        page.importance(importance(in, importanceData, importanceSettings.withSeed(in.seed()), cancel),
                in.test() != null ? "the test file, which the model never saw" : "the training rows (the model was "
                + "fitted on them: this shows what it relies on, not how well it generalises)");
        page.reproduce(Versions.all());
        return document(page.title(), page);
    }

    private static List<Scored> scored(ReportInputs in) {
        List<Scored> out = new ArrayList<>();
        if (in.validation() != null) {
            out.add(new Scored("validation (out-of-fold)", in.validation().truth(), in.validation().predictions()));
        }
        if (in.model() != null && in.test() != null) {
            LabelledData test = labelled(in, in.test());
            if (test != null) out.add(new Scored("test file", test.targets(), in.model().predict(test.table())));
        }
        return out;
    }

    private static FeatureImportance.Result importance(ReportInputs in, LoadedData data,
                                                       FeatureImportance.Settings settings, CancelToken cancel) {
        ModelBundle model = in.model();
        if (model == null || data == null) return null;
        LabelledData labelled = labelled(in, data);
        if (labelled == null || labelled.rows() < 2) return null;
        try {
            long start = System.nanoTime();
            FeatureImportance.Result out = FeatureImportance.compute(model, labelled.table(), labelled.targets(),
                    in.target(), in.metric(), settings, cancel);
            LOG.info("feature importance of {} columns on {} rows x {} repeats in {} ms", out.importances().size(),
                    out.rows(), out.repeats(), (System.nanoTime() - start) / 1_000_000);
            return out;
        } catch (IllegalArgumentException | IllegalStateException e) {
            // e.g. AUC on a sample that holds one class only: leave the section out rather than the report
            LOG.warn("feature importance skipped: {}", e.getMessage());
            return null;
        }
    }

    private static LabelledData labelled(ReportInputs in, LoadedData data) {
        try {
            return LabelledData.forScoring(data.table(), in.target(), in.task(), in.model() == null
                    ? List.of() : in.model().classNames());
        } catch (BadInputException e) {
            LOG.warn("cannot score {}: {}", data.source(), e.getMessage());
            return null;
        }
    }

    /** OK trials with a finite score; x is the journal's {@code finished_s}, made monotone across resumes. */
    static List<TrialPoint> trialPoints(List<JsonNode> trials, Metric metric) {
        List<TrialPoint> out = new ArrayList<>();
        double offset = 0;
        double last = 0;
        double cumulativeFit = 0;
        for (JsonNode t : trials) {
            cumulativeFit += t.path("fit_seconds").asDouble(0);
            double at;
            if (t.has("finished_s")) {
                at = t.path("finished_s").asDouble() + offset;
                if (at < last) { // a resumed run counts from 0 again
                    offset = last;
                    at += offset;
                }
            } else {
                at = cumulativeFit; // journals written before finished_s existed
            }
            last = at;
            double score = t.path("score").asDouble(Double.NaN);
            if ("OK".equals(t.path("status").asText()) && Double.isFinite(score)) {
                out.add(new TrialPoint(t.path("algorithm").asText(), score, at));
            }
        }
        return out;
    }

    private static String document(String title, ReportPage page) {
        String body = page.body();
        String figures;
        try {
            // "</" would end the script element early: a JSON string cannot contain it unescaped
            figures = Json.MAPPER.writeValueAsString(page.figures()).replace("</", "<\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figures are plain maps and lists", e);
        }
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.esc(title) + "</title><style>" + CSS + "</style></head><body>"
                + "<main>" + body + "<footer>Written by AutoML Workbench. Charts: Apache ECharts " + ECHARTS_VERSION
                + " (Apache License 2.0), included in this file.</footer></main>\n"
                + "<script>" + echarts() + "</script>\n"
                + "<script>(function () {\nvar figures = " + figures + ";\n" + DRAW + "})();</script></body></html>\n";
    }

    /**
     * Draws every chart (SVG: sharp when printed, and a chart's text stays text), gives the custom error-bar series
     * their drawing, redraws the charts at the paper's width around printing and back after, and wires the print
     * button.
     */
    private static final String DRAW = """
            var charts = [];
            function whiskers(params, api) {
              var y = api.value(2), lo = api.coord([api.value(0), y]), hi = api.coord([api.value(1), y]);
              var h = api.size([0, 1])[1] * 0.25, s = {stroke: '#475569', lineWidth: 1.5};
              return {type: 'group', children: [
                {type: 'line', shape: {x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1]}, style: s},
                {type: 'line', shape: {x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h}, style: s},
                {type: 'line', shape: {x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h}, style: s}]};
            }
            Object.keys(figures).forEach(function (id) {
              var option = figures[id];
              option.series.forEach(function (s) { if (s.type === 'custom') s.renderItem = whiskers; });
              var chart = echarts.init(document.getElementById(id), null, {renderer: 'svg'});
              chart.setOption(option);
              charts.push(chart);
            });
            var printing = false;
            // For paper every chart is drawn 680 CSS pixels wide (A4 or Letter less the margins) and given a
            // viewBox, so that the print style can scale it to the page's real width: neither cut at the edge
            // nor shrunk to unreadable text, whatever the paper.
            window.addEventListener('beforeprint', function () {
              printing = true;
              charts.forEach(function (c) {
                c.resize({width: 680});
                c.getZr().refreshImmediately(); // the page is laid out for paper before the next frame would draw
                var svg = c.getDom().querySelector('svg');
                if (svg) svg.setAttribute('viewBox', '0 0 680 ' + c.getHeight());
              });
            });
            window.addEventListener('afterprint', function () {
              printing = false;
              charts.forEach(function (c) {
                var svg = c.getDom().querySelector('svg');
                if (svg) svg.removeAttribute('viewBox');
                c.resize({width: 'auto'});
              });
            });
            window.addEventListener('resize', function () {
              // laying the page out for paper resizes the window too: keep the paper drawing until it is done
              if (printing) return;
              charts.forEach(function (c) { c.resize({width: 'auto'}); });
            });
            var print = document.getElementById('print');
            if (print) print.addEventListener('click', function () { window.print(); });
            """;

    private static String echarts() {
        try (InputStream in = ReportWriter.class.getClassLoader().getResourceAsStream(ECHARTS)) {
            if (in == null) throw new IllegalStateException(ECHARTS + " is not on the classpath (the echarts WebJar)");
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (js.contains("</script")) throw new IllegalStateException("echarts cannot be inlined as it is");
            return js;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + ECHARTS, e);
        }
    }

    private static final String CSS = """
            :root { --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --accent: #2563eb; --bg: #f8fafc; }
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                   color: var(--fg); background: var(--bg); }
            main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
            header h1 { font-size: 24px; margin: 0 0 8px; }
            h2 { font-size: 19px; margin: 0 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            section { margin-top: 32px; }
            nav { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid var(--line);
                  z-index: 10; }
            nav a { color: var(--accent); text-decoration: none; margin-right: 18px; font-weight: 600; }
            .lead { font-size: 16px; }
            .muted, footer { color: var(--muted); }
            .note { background: #fef9c3; border-left: 4px solid #eab308; padding: 6px 10px; }
            table { border-collapse: collapse; margin: 6px 0; font-size: 13px; }
            th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
            thead th { background: var(--bg); }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            table.kv th { font-weight: 600; color: var(--muted); width: 230px; white-space: nowrap; }
            pre { background: var(--bg); padding: 10px; overflow-x: auto; white-space: pre-wrap;
                  word-break: break-all; }
            .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
            @media (max-width: 900px) { .grid { grid-template-columns: 1fr; } }
            .chart { width: 100%; min-height: 200px; }
            footer { margin-top: 40px; font-size: 12px; }
            button.print { float: right; font: inherit; padding: 6px 14px; border: 1px solid var(--accent);
                           border-radius: 6px; background: #fff; color: var(--accent); cursor: pointer; }
            button.print:hover { background: var(--accent); color: #fff; }
            @page { margin: 14mm; }
            @media print {
              body { background: #fff; font-size: 12px; }
              main { max-width: none; padding: 0; }
              nav, button.print { display: none; }
              section { margin-top: 18px; }
              /* one chart per row, each kept whole on a page with its heading */
              .grid { display: block; }
              .grid > div, .chart, table.kv, pre, .note { break-inside: avoid; page-break-inside: avoid; }
              /* the drawing (given a viewBox before printing) scales to the page's width */
              .chart { height: auto !important; min-height: 0; }
              .chart > div, .chart svg { position: static !important; width: 100% !important;
                                         height: auto !important; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              tr { break-inside: avoid; page-break-inside: avoid; }
              thead { display: table-header-group; }
              a { color: inherit; text-decoration: none; }
            }
            """;
}
