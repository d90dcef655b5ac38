package org.automlwb.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.automlwb.cli.Cli;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.engine.FeatureImportance;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.PredictionsCsv;
import org.automlwb.export.bundle.OnnxExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The report a run writes: offline, complete, with the charts its task calls for. */
class ReportWriterTest {
    private static final List<String> SECTIONS =
            List.of("data", "prep", "search", "leaderboard", "winner", "importance", "reproduce");

    private static String report(Path experiment) throws Exception {
        return Files.readString(experiment.resolve(ReportWriter.REPORT_FILE));
    }

    /** The ECharts options the drawing script passes to {@code setOption}, by element id. */
    static JsonNode figures(HtmlTags page) throws Exception {
        String script = page.scripts.get(page.scripts.size() - 1);
        int start = script.indexOf("var figures = ") + "var figures = ".length();
        int end = script.indexOf(";\n", start);
        return Json.MAPPER.readTree(script.substring(start, end).replace("<\\/", "</"));
    }

    @Test
    void theRunWritesAnOfflineReport() throws Exception {
        HtmlTags page = new HtmlTags(report(ReportFixture.binary()));
        assertEquals(2, page.scripts.size(), "echarts inlined, then the drawing script");
        assertTrue(page.scripts.get(0).contains("version=\"" + ReportWriter.ECHARTS_VERSION + "\""),
                "the WebJar's echarts is inlined");
        for (HtmlTags.Tag t : page.tags) {
            assertFalse(t.name().equals("script") && t.attributes().containsKey("src"), "no <script src>");
            assertFalse(t.name().equals("link") || t.name().equals("img") || t.name().equals("iframe"),
                    "no linked resources: " + t);
            for (String attr : List.of("src", "href", "action", "data", "poster")) {
                String v = t.attributes().getOrDefault(attr, "").trim().toLowerCase(Locale.ROOT);
                assertFalse(v.startsWith("http:") || v.startsWith("https:") || v.startsWith("//"),
                        "external URL in " + t);
            }
        }
        for (String css : page.styles) assertFalse(css.contains("http"), "style pulls nothing from the web");
        List<String> ids = page.ids();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "element ids are unique (charts are drawn by id)");
    }

    @Test
    void classificationReportHasEverySectionAndChart() throws Exception {
        Path experiment = ReportFixture.binary();
        String html = report(experiment);
        HtmlTags page = new HtmlTags(html);
        assertTrue(page.ids().containsAll(SECTIONS), page.ids().toString());
        JsonNode figures = figures(page);
        Set<String> charts = new HashSet<>();
        figures.fieldNames().forEachRemaining(charts::add);
        assertEquals(Set.of("chart-best-over-time", "chart-per-algorithm", "chart-confusion-validation-out-of-fold",
                "chart-roc-validation-out-of-fold", "chart-confusion-test-file", "chart-roc-test-file",
                "chart-importance"), charts);
        charts.forEach(id -> assertTrue(page.ids().contains(id), "a div for " + id));
        // readable without JSON: column profile, recipe in words, leaderboard, settings
        for (String text : List.of("usage", "plan", "One-hot encode", "linear_sgd", "5-fold", "--seed 11")) {
            assertTrue(html.contains(text), "mentions " + text);
        }
        // the confusion matrix counts every validated row once
        int counted = 0;
        for (JsonNode cell : figures.path("chart-confusion-validation-out-of-fold").path("series").get(0).path("data")) {
            counted += cell.get(2).asInt(); // [predicted, actual, rows]
        }
        assertEquals(PredictionsCsv.read(experiment.resolve(PredictionsCsv.VALIDATION_FILE)).rows().length, counted);
        // the most important column carries signal (usage or plan), and noise does not come first
        JsonNode bars = figures.path("chart-importance").path("yAxis").path("data");
        String top = bars.get(0).asText(); // the axis runs top down
        assertTrue(top.equals("usage") || top.equals("plan"), "top column " + top);
        // best score over time: seconds from the journal's finished_s, in order
        JsonNode best = figures.path("chart-best-over-time").path("series").get(1).path("data");
        for (int i = 1; i < best.size(); i++) {
            assertTrue(best.get(i).get(0).asDouble() >= best.get(i - 1).get(0).asDouble());
        }
        assertTrue(Files.exists(experiment.resolve(OnnxExport.MODEL_FILE)), "a single linear winner exports to ONNX");
    }

    @Test
    void regressionReportShowsActualAndResiduals() throws Exception {
        HtmlTags page = new HtmlTags(report(ReportFixture.regression()));
        Set<String> charts = new HashSet<>();
        figures(page).fieldNames().forEachRemaining(charts::add);
        assertEquals(Set.of("chart-best-over-time", "chart-per-algorithm", "chart-actual-validation-out-of-fold",
                "chart-residuals-validation-out-of-fold", "chart-importance"), charts);
        JsonNode bars = figures(page).path("chart-importance").path("yAxis").path("data");
        assertEquals("colour", bars.get(bars.size() - 1).asText(), "the noise column is the least important");
        assertEquals("worse by (rise in RMSE)", figures(page).path("chart-importance").path("xAxis").path("name")
                .asText(), "an error metric gets worse by rising");
    }

    @Test
    void reportCommandWritesWhereAskedAndRejectsOtherFolders(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("shared.html");
        assertEquals(Cli.OK, cli("report", "--experiment", ReportFixture.binary().toString(), "--out", out.toString(),
                "--importance-rows", "100"));
        assertTrue(Files.readString(out).contains("id=\"winner\""));
        assertEquals(Cli.BAD_INPUT, cli("report", "--experiment", dir.toString()));
    }

    @Test
    void titleAndDateAreInWordsAndLocalPathsOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path experiment = ReportFixture.binary();
        String html = report(experiment);
        JsonNode config = Json.MAPPER.readTree(Files.readString(experiment.resolve("config.json")));
        String dataPath = config.path("data").path("path").asText();
        assertTrue(html.contains("<h1>Churn — predicting churn</h1>"), "a title in words");
        assertTrue(html.contains("<title>Churn — predicting churn</title>"));
        assertTrue(java.util.regex.Pattern.compile("Run on \\d{1,2} [A-Z][a-z]{2} 20\\d\\d, \\d\\d:\\d\\d ")
                .matcher(html).find(), "a date as people write it");
        assertTrue(html.contains("id=\"print\""), "a print button");
        String folder = Path.of(dataPath).getParent().toString();
        assertFalse(html.contains(folder), "the data's folder on this machine is left out by default");
        assertTrue(html.contains("churn.train.csv") && html.contains("--data churn.train.csv"), "its name is kept");

        Path out = dir.resolve("with-paths.html");
        assertEquals(Cli.OK, cli("report", "--experiment", experiment.toString(), "--out", out.toString(),
                "--importance-rows", "100", "--paths"));
        assertTrue(Files.readString(out).contains(dataPath), "--paths writes where the data is");
    }

    @Test
    void aMovedDataFileLeavesANoteInsteadOfFailing(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(ReportFixture.binary())) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree(Files.readString(copy.resolve("config.json")));
        ((ObjectNode) config.path("data")).put("path", dir.resolve("gone.csv").toString());
        config.remove("test_data");
        Files.writeString(copy.resolve("config.json"), Json.pretty(config));
        Path out = ReportWriter.write(ExperimentFolder.open(copy), copy.resolve("r.html"),
                FeatureImportance.Settings.defaults(), CancelToken.none());
        String html = Files.readString(out);
        assertTrue(html.contains("is no longer there"), "says why the profile is missing");
        assertTrue(html.contains("chart-confusion-validation-out-of-fold"), "validation charts come from the folder");
    }

    @Test
    void aChangedModelFileIsRefusedInOneLineAndNoReportIsWritten(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(ReportFixture.binary())) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        Path artifact = copy.resolve("model_artifact_1.tribuo");
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 3] ^= 0x21;
        Files.write(artifact, bytes);
        Path out = dir.resolve("r.html");
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        assertEquals(Cli.BAD_INPUT, cl.execute("report", "--experiment", copy.toString(), "--out", out.toString()));
        List<String> lines = err.toString().strip().lines().toList();
        assertEquals(1, lines.size(), err.toString());
        assertTrue(lines.get(0).contains("model_artifact_1.tribuo: changed since it was written: re-export it"),
                lines.get(0));
        assertFalse(Files.exists(out), "no report about a model nobody trained");
    }

    private static int cli(String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }
}
