package org.automlwb.engine.h2o;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProcessTree;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.FeaturePipeline;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;
import org.automlwb.engine.api.EngineContext;
import org.automlwb.engine.api.EngineFailedException;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EnginePrepared;
import org.automlwb.engine.api.EngineResult;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.run.Leaderboard;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.ValidationPlan;
import org.automlwb.prep.TrainingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * One run of H2O AutoML for the engine: preprocesses the search rows with the run's recipe (category codes, as
 * LightGBM gets them), writes them with the run's validation folds or holdout for the worker JVM, reads each
 * model's validation predictions as H2O finishes it and scores it with the run's own metric code on the run's
 * validation rows (so H2O's models rank against the other engines' on the same rows and the same formula), and
 * exports the best one's MOJO, refit by H2O on every training row under cross-validation.
 *
 * <p>The recipe is fitted once on all search rows, not per fold: its unsupervised statistics (imputation,
 * scaling) and, for many-level text columns, its target encoding see the validation rows. H2O's fold models are
 * trained inside H2O from one frame, so there is no per-fold preprocessing to give them; the effect on the
 * validation score is that of target encoding (small with its smoothing), and none on the test file.
 */
final class H2oRun implements EnginePrepared {
    private static final Logger LOG = LoggerFactory.getLogger(H2oRun.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** H2O's start and its final scoring come on top of its search time; beyond this, the worker is stopped. */
    private static final Duration GRACE = Duration.ofSeconds(45);
    /** Kept from H2O's search for exporting the MOJO and scoring the test file (at least; else a tenth). */
    private static final Duration FINISH_RESERVE = Duration.ofSeconds(3);
    /** How long a stopped worker may take to send what it finished before it is ended. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    /** A worker that says nothing for this long while it exports is taken for hung. */
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(3);

    private final PreparedRun p;

    H2oRun(PreparedRun p) {
        this.p = p;
    }

    @Override
    public EngineResult run(EngineContext context, RunListener listener, CancelToken cancel)
            throws EngineFailedException, InterruptedException {
        long start = context.startNanos();
        Metric metric = p.metric();
        LabelledData searched = p.searched();
        ValidationPlan plan = p.folds().plan();
        listener.onEvent(new RunEvent.RunStarted(seconds(start), searched.task(), metric, searched.rows(), p.shape().features(),
                plan.describe(), 1));
        listener.onEvent(new RunEvent.StageChanged(seconds(start), "search", "H2O AutoML: preparing its data"));
        Path dir = null;
        Process worker = null;
        try {
            dir = Files.createTempDirectory("automlwb-h2o-");
            Written written = write(dir, context.budget(), deadlineNanos(context));
            worker = launch(dir);
            return converse(worker, written, context, listener, cancel, start);
        } catch (IOException e) {
            throw new EngineFailedException(EngineKind.H2O, "H2O could not be started: " + e.getMessage(), e);
        } finally {
            if (worker != null) end(worker);
            if (dir != null) deleteQuietly(dir);
        }
    }

    /** The files the worker reads, and what the engine needs to read its answers. */
    private record Written(FittedFeatures features, Targets validationTargets, int[] scoredRows) { }

    /**
     * When H2O's search must end so that the export and the test scoring fit the budget too, on the engine's
     * clock ({@link EngineContext#startNanos}). Long.MAX_VALUE without a budget.
     */
    private long deadlineNanos(EngineContext context) {
        Duration budget = context.budget();
        if (budget == null) return Long.MAX_VALUE;
        // A resumed run has what the stopped one left (its models are gone with its worker; the time is not).
        long from = context.startNanos() - (long) (context.resume().usedSeconds() * 1e9);
        long reserve = Math.max(FINISH_RESERVE.toNanos(), budget.toNanos() / 10);
        return from + budget.toNanos() - reserve;
    }

    private Written write(Path dir, Duration budget, long deadlineNanos) throws IOException, EngineFailedException {
        LabelledData searched = p.searched();
        ValidationPlan plan = p.folds().plan();
        FeaturePipeline pipeline = p.folds().pipelines().of(FeatureEncoding.CATEGORY_CODES);
        FeaturePipeline.Fit fit = pipeline.fitTransform(searched.table(), searched.target(), searched.targets());
        TrainingRows kept = fit.rows();
        if (kept.rows().length != searched.rows()) {
            throw new EngineFailedException(EngineKind.H2O, "the h2o engine does not take a recipe that filters"
                    + " training rows (it would score fewer validation rows than the other engines)", null);
        }
        FittedFeatures features = fit.features();
        FeatureMatrix x = FeatureMatrix.of(kept.features(), features.featureNames(), features.categoricalFeatures());
        Targets targets = searched.targets();
        int[] scored = plan.scoredRows();
        boolean holdout = !plan.coversAllRows();
        if (holdout) {
            int[] train = plan.folds().get(0).train();
            writeCsv(dir.resolve(H2oProtocol.TRAIN_CSV), x, train, targets, null);
            writeCsv(dir.resolve(H2oProtocol.HOLDOUT_CSV), x, scored, targets, null);
        } else {
            int[] foldOf = new int[searched.rows()];
            for (int f = 0; f < plan.folds().size(); f++) {
                for (int r : plan.folds().get(f).validation()) foldOf[r] = f;
            }
            writeCsv(dir.resolve(H2oProtocol.TRAIN_CSV), x, null, targets, foldOf);
        }
        if (p.test() != null) {
            Table t = features.apply(p.test().table());
            FeatureMatrix tx = FeatureMatrix.of(t, features.featureNames(), features.categoricalFeatures());
            writeCsv(dir.resolve(H2oProtocol.TEST_CSV), tx, null, null, null);
        }
        ObjectNode spec = JSON.createObjectNode();
        spec.put("dir", dir.toString());
        spec.put("classification", searched.task().isClassification());
        var cats = spec.putArray("categorical");
        for (String c : features.categoricalFeatures()) cats.add(c);
        spec.put("holdout", holdout);
        spec.put("test", p.test() != null);
        spec.put("sort_metric", sortMetric(p.metric()));
        spec.put("seed", p.spec().seed());
        spec.put("threads", p.spec().threads());
        if (budget == null) {
            spec.putNull("deadline_ms");
        } else {
            // A wall-clock time, since the worker's own clock starts later: H2O's start and reading the files come
            // out of the same budget.
            spec.put("deadline_ms", System.currentTimeMillis() + (deadlineNanos - System.nanoTime()) / 1_000_000);
        }
        spec.put("max_models", p.spec().maxTrials());
        Files.writeString(dir.resolve(H2oProtocol.SPEC), JSON.writeValueAsString(spec));
        return new Written(features, targets.select(scored), scored);
    }

    /** H2O's leaderboard order closest to the run's metric (the run ranks by its own metric anyway). */
    static String sortMetric(Metric m) {
        return switch (m) {
            case AUC -> "AUC";
            case LOGLOSS -> "logloss";
            case ACCURACY, BALANCED_ACCURACY, MACRO_F1 -> "mean_per_class_error";
            case MAE -> "MAE";
            default -> "RMSE";
        };
    }

    /**
     * Rows of the feature matrix as CSV: the features (category codes as levels {@code c0, c1...}, so that H2O
     * reads them as categories), the target (classes as {@code k0, k1...}) and the fold, when given.
     *
     * @param rows    the rows to write in this order, or null for all
     * @param targets the targets, or null (the test file: H2O scores it without)
     * @param foldOf  each row's validation fold, or null for no fold column
     */
    private static void writeCsv(Path file, FeatureMatrix x, int[] rows, Targets targets, int[] foldOf)
            throws IOException {
        List<String> names = x.names();
        boolean[] cat = x.categorical();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder();
            for (int f = 0; f < names.size(); f++) {
                if (f > 0) sb.append(',');
                sb.append('"').append(names.get(f).replace("\"", "\"\"")).append('"');
            }
            if (targets != null) sb.append(",\"").append(H2oProtocol.TARGET).append('"');
            if (foldOf != null) sb.append(",\"").append(H2oProtocol.FOLD).append('"');
            w.write(sb.toString());
            w.newLine();
            int n = rows == null ? x.rows() : rows.length;
            for (int i = 0; i < n; i++) {
                int r = rows == null ? i : rows[i];
                sb.setLength(0);
                for (int f = 0; f < names.size(); f++) {
                    if (f > 0) sb.append(',');
                    double v = x.value(r, f);
                    // The float the other engines and the MOJO at prediction time see, written so it reads back exactly.
                    if (cat[f]) sb.append(H2oProtocol.CODE_PREFIX).append((long) v); else sb.append(v);
                }
                if (targets != null) {
                    sb.append(',');
                    if (targets.isClassification()) {
                        sb.append(H2oProtocol.CLASS_PREFIX).append(targets.classIndex()[r]);
                    } else {
                        sb.append(targets.values()[r]);
                    }
                }
                if (foldOf != null) sb.append(',').append(foldOf[r]);
                w.write(sb.toString());
                w.newLine();
            }
        }
    }

    private Process launch(Path dir) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(H2oEngine.javaLauncher().toString());
        String heap = System.getProperty("automlwb.h2o.heap");
        if (heap != null && !heap.isBlank()) cmd.add("-Xmx" + heap.strip());
        // H2O reflects into java.lang (STACK.md); the worker is the only JVM that runs H2O.
        cmd.add("--add-opens");
        cmd.add("java.base/java.lang=ALL-UNNAMED");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(absoluteClassPath());
        cmd.add(H2oWorker.class.getName());
        cmd.add(dir.resolve(H2oProtocol.SPEC).toString());
        LOG.info("starting the H2O worker JVM for {} rows", p.searched().rows());
        return new ProcessBuilder(cmd).directory(dir.toFile()).start();
    }

    /**
     * This JVM's class path with every entry made absolute: the worker runs in the run's temporary folder, where a
     * relative entry ({@code java -cp target/classes ...}) would find nothing.
     */
    static String absoluteClassPath() {
        StringBuilder sb = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.isEmpty()) continue;
            if (sb.length() > 0) sb.append(java.io.File.pathSeparatorChar);
            sb.append(Path.of(e).toAbsolutePath());
        }
        return sb.toString();
    }

    private EngineResult converse(Process worker, Written written, EngineContext context, RunListener listener,
                                  CancelToken cancel, long start) throws EngineFailedException, InterruptedException,
            IOException {
        BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();
        Deque<String> stderrTail = new ArrayDeque<>();
        pump(worker, lines, stderrTail);
        Writer commands = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8);
        Metric metric = p.metric();
        TaskType task = p.searched().task();
        Leaderboard board = new Leaderboard(metric, 0);
        Map<Integer, String> h2oIds = new LinkedHashMap<>();
        Map<Integer, Predictions> predictions = new LinkedHashMap<>();
        int nextId = context.resume().nextTrialId();
        long searchEnd = context.budget() == null ? Long.MAX_VALUE
                : start + context.budget().plus(GRACE).toNanos();
        boolean stopSent = false;
        long stopSentAt = 0;
        boolean started = false;
        while (true) {
            JsonNode line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (cancel.isCancelled()) {
                LOG.info("the run was stopped: ending the H2O worker");
                return result(board, null, null, written, RunSummary.Outcome.CANCELLED, start, listener, null);
            }
            long now = System.nanoTime();
            if (!stopSent && now > searchEnd) {
                LOG.info("H2O is past its share of the budget: asking it to stop");
                send(commands, Map.of("command", H2oProtocol.STOP));
                stopSent = true;
                stopSentAt = now;
            }
            if (stopSent && now - stopSentAt > STOP_GRACE.toNanos()) {
                LOG.warn("H2O did not stop within {} s: ended", STOP_GRACE.toSeconds());
                break;
            }
            if (line == null) continue;
            String event = line.path("event").asText();
            if (event.equals(H2oProtocol.STARTED)) {
                started = true;
                listener.onEvent(new RunEvent.StageChanged(seconds(start), "search",
                        "H2O AutoML: searching GBM, random forests, GLM, deep learning and stacked ensembles"));
            } else if (event.equals(H2oProtocol.MODEL)) {
                int id = nextId++;
                TrialResult r = scored(line, id, written, task, metric);
                Predictions pr = r.oof();
                r = r.withoutOof();
                listener.onEvent(new RunEvent.TrialStarted(seconds(start), r.spec()));
                boolean best = board.add(r);
                h2oIds.put(id, line.path("id").asText());
                if (best) {
                    predictions.clear();
                    predictions.put(id, pr);
                }
                if (context.journal() != null) context.journal().append(r);
                listener.onEvent(new RunEvent.TrialFinished(seconds(start), r));
                if (best) listener.onEvent(new RunEvent.BestChanged(seconds(start), r));
            } else if (event.equals(H2oProtocol.SEARCH_DONE)) {
                break;
            } else if (event.equals(H2oProtocol.ERROR) || event.equals("eof")) {
                String why = event.equals("eof") ? "the H2O worker ended (" + tail(stderrTail) + ")"
                        : line.path("message").asText();
                if (board.size() == 0) {
                    throw new EngineFailedException(EngineKind.H2O, started ? "H2O AutoML failed: " + why
                            : "H2O did not start: " + why, null);
                }
                LOG.warn("H2O failed after {} models, which are kept: {}", board.size(), why);
                return result(board, null, null, written, RunSummary.Outcome.FAILED, start, listener,
                        "H2O failed after " + board.size() + " models (" + why + ")");
            }
        }
        RunSummary.Outcome why = stopSent || context.budget() != null ? RunSummary.Outcome.BUDGET_USED
                : RunSummary.Outcome.MAX_TRIALS;
        listener.onEvent(new RunEvent.SearchEnded(seconds(start), why, board.size()));
        TrialResult leader = board.best().orElse(null);
        if (leader == null) {
            return result(board, null, null, written, RunSummary.Outcome.FAILED, start, listener,
                    "H2O AutoML finished no model in its time");
        }
        listener.onEvent(new RunEvent.StageChanged(seconds(start), "refit", "exporting H2O's best model ("
                + leader.spec().algorithm() + ") as a MOJO"));
        send(commands, Map.of("command", H2oProtocol.EXPORT, "model", h2oIds.get(leader.spec().trialId())));
        long exportDeadline = System.nanoTime() + EXPORT_TIMEOUT.toNanos();
        while (System.nanoTime() < exportDeadline) {
            JsonNode line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (cancel.isCancelled()) {
                return result(board, null, null, written, RunSummary.Outcome.CANCELLED, start, listener, null);
            }
            if (line == null) continue;
            String event = line.path("event").asText();
            if (event.equals(H2oProtocol.EXPORTED)) {
                return exported(line, leader, predictions.get(leader.spec().trialId()), board, written, why, start,
                        listener);
            }
            if (event.equals(H2oProtocol.ERROR) || event.equals("eof")) {
                String msg = event.equals("eof") ? "the H2O worker ended (" + tail(stderrTail) + ")"
                        : line.path("message").asText();
                return result(board, null, null, written, RunSummary.Outcome.FAILED, start, listener,
                        "H2O's best model could not be exported: " + msg);
            }
        }
        return result(board, null, null, written, RunSummary.Outcome.FAILED, start, listener,
                "H2O did not export its best model within " + EXPORT_TIMEOUT.toMinutes() + " minutes");
    }

    /** A model the worker finished, scored on the run's validation rows; its predictions ride in {@code oof}. */
    private TrialResult scored(JsonNode line, int id, Written written, TaskType task, Metric metric)
            throws IOException {
        Predictions pr = readPredictions(Path.of(line.path("predictions").asText()), task,
                p.searched().classNames().size(), written.scoredRows(), !p.folds().plan().coversAllRows());
        Map<String, Object> params = new LinkedHashMap<>();
        line.path("hyperparameters").fields().forEachRemaining(e -> params.put(e.getKey(), plain(e.getValue())));
        String algorithm = EngineKind.H2O.algorithmId(line.path("algorithm").asText());
        TrialSpec spec = new TrialSpec(id, algorithm, new Config(params), p.spec().seed(), "h2o");
        double seconds = line.path("seconds").asDouble();
        Map<String, Double> all = Metrics.all(task, written.validationTargets(), pr);
        double score = Metrics.compute(metric, written.validationTargets(), pr);
        if (Double.isNaN(score)) {
            return TrialResult.unscored(spec, TrialStatus.FAILED, seconds, "its predictions gave no " + metric.key(),
                    0);
        }
        return new TrialResult(spec, TrialStatus.OK, score, all, seconds, null, pr, 0);
    }

    private static Object plain(JsonNode v) {
        if (v.isNumber()) return v.isIntegralNumber() ? (Object) v.asLong() : (Object) v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        return v.isTextual() ? v.asText() : v.toString();
    }

    /**
     * H2O's predictions CSV ({@code predict}, then one probability column per class level {@code k<i>}) as the run's
     * predictions for the scored rows.
     *
     * @param holdout whether the file holds exactly the scored rows (holdout) or every training row (folds)
     */
    static Predictions readPredictions(Path file, TaskType task, int classes, int[] scoredRows, boolean holdout)
            throws IOException {
        List<String> lines;
        try (Stream<String> s = Files.lines(file, StandardCharsets.UTF_8)) {
            lines = s.toList();
        }
        String[] header = lines.get(0).split(",", -1);
        int n = lines.size() - 1;
        int[] rows = holdout ? null : scoredRows;
        int count = holdout ? n : scoredRows.length;
        if (task.isClassification()) {
            int[] classOfColumn = new int[header.length];
            for (int c = 0; c < header.length; c++) {
                classOfColumn[c] = c == 0 ? -1 : H2oMojoModel.classIndex(header[c].replace("\"", ""));
            }
            double[][] probs = new double[count][];
            for (int i = 0; i < count; i++) {
                String[] cells = lines.get(1 + (rows == null ? i : rows[i])).split(",", -1);
                double[] pr = new double[classes];
                for (int c = 1; c < cells.length; c++) pr[classOfColumn[c]] = parse(cells[c]);
                probs[i] = pr;
            }
            return Predictions.ofProbabilities(probs);
        }
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = parse(lines.get(1 + (rows == null ? i : rows[i])).split(",", -1)[0]);
        }
        return Predictions.ofValues(values);
    }

    private static double parse(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }

    private EngineResult exported(JsonNode line, TrialResult leader, Predictions leaderPredictions, Leaderboard board,
                                  Written written, RunSummary.Outcome why, long start, RunListener listener)
            throws IOException {
        TaskType task = p.searched().task();
        byte[] bytes = Files.readAllBytes(Path.of(line.path("mojo").asText()));
        H2oMojoModel mojo = H2oMojoModel.read(bytes, task, p.searched().classNames());
        SingleModel model = new SingleModel(written.features(), mojo, leader.spec().algorithm(),
                leader.spec().config(), task, p.searched().classNames());
        Predictions test = null;
        if (p.test() != null) {
            listener.onEvent(new RunEvent.StageChanged(seconds(start), "test", "scoring the test file once"));
            Predictions mojoTest = model.predict(p.test().table());
            // The run records H2O's own scoring of the test rows; the exported MOJO, read by h2o-genmodel through
            // the same preprocessing, must give the same (H2oEngineTest holds it), and the log says how close it is.
            test = line.hasNonNull("predictions") ? readPredictions(Path.of(line.path("predictions").asText()), task,
                    p.searched().classNames().size(), null, true) : mojoTest;
            LOG.info("the exported MOJO's test predictions differ from H2O's own by at most {}",
                    maxDifference(mojoTest, test));
        }
        return result(board, ModelBundle.single(model), test, written, why, start, listener, null, leaderPredictions);
    }

    /** The largest absolute difference between two predictions of the same rows. */
    static double maxDifference(Predictions a, Predictions b) {
        double max = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.isClassification()) {
                for (int c = 0; c < a.probabilities()[i].length; c++) {
                    max = Math.max(max, Math.abs(a.probabilities()[i][c] - b.probabilities()[i][c]));
                }
            } else {
                max = Math.max(max, Math.abs(a.values()[i] - b.values()[i]));
            }
        }
        return max;
    }

    private EngineResult result(Leaderboard board, ModelBundle model, Predictions test, Written written,
                                RunSummary.Outcome outcome, long start, RunListener listener, String message) {
        return result(board, model, test, written, outcome, start, listener, message, null);
    }

    private EngineResult result(Leaderboard board, ModelBundle model, Predictions test, Written written,
                                RunSummary.Outcome outcome, long start, RunListener listener, String message,
                                Predictions leaderPredictions) {
        Metric metric = p.metric();
        TaskType task = p.searched().task();
        List<TrialResult> all = board.snapshot();
        TrialResult leader = model == null ? null : board.best().orElse(null);
        Map<String, Double> testMetrics = test == null ? Map.of() : Metrics.all(task, p.test().targets(), test);
        String line = message != null ? message : leader == null ? "H2O AutoML was stopped"
                : String.format(Locale.ROOT, "H2O AutoML: best %s, validation %s %.4f, %d models",
                        leader.spec().algorithm(), metric.key(), leader.score(), all.size());
        RunSummary summary = new RunSummary(model == null && outcome != RunSummary.Outcome.CANCELLED
                ? RunSummary.Outcome.FAILED : outcome, task, metric, all.size(), leader,
                leader == null ? Map.of() : leader.metrics(), testMetrics, seconds(start), line);
        listener.onEvent(new RunEvent.RunFinished(seconds(start), summary));
        RunResult r = new RunResult(summary, all, model, Map.of(), p.folds().plan(), p.data(), test,
                written == null ? null : written.validationTargets(), leaderPredictions, p.sample(), null);
        return new EngineResult(EngineKind.H2O, r);
    }

    /** Copies the worker's lines into queues: protocol lines parsed, stderr into the log (its tail kept). */
    private static void pump(Process worker, BlockingQueue<JsonNode> lines, Deque<String> tail) {
        Thread out = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String s;
                while ((s = r.readLine()) != null) {
                    try {
                        lines.add(JSON.readTree(s));
                    } catch (IOException e) {
                        LOG.debug("H2O worker: {}", s);
                    }
                }
            } catch (IOException e) {
                LOG.debug("the H2O worker's output closed", e);
            }
            ObjectNode eof = JSON.createObjectNode();
            eof.put("event", "eof");
            lines.add(eof);
        }, "h2o-worker-out");
        Thread err = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(worker.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String s;
                while ((s = r.readLine()) != null) {
                    LOG.debug("H2O: {}", s);
                    synchronized (tail) {
                        tail.addLast(s);
                        if (tail.size() > 5) tail.removeFirst();
                    }
                }
            } catch (IOException e) {
                LOG.debug("the H2O worker's error output closed", e);
            }
        }, "h2o-worker-err");
        out.setDaemon(true);
        err.setDaemon(true);
        out.start();
        err.start();
    }

    private static String tail(Deque<String> tail) {
        synchronized (tail) {
            for (var it = tail.descendingIterator(); it.hasNext(); ) {
                String s = it.next().strip();
                if (!s.isEmpty() && !s.startsWith("at ")) return s;
            }
        }
        return "no message";
    }

    private static void send(Writer commands, Map<String, String> command) throws IOException {
        commands.write(JSON.writeValueAsString(command));
        commands.write('\n');
        commands.flush();
    }

    /** Ends the worker and waits for it: no H2O thread outlives the engine's run. */
    private static void end(Process worker) {
        try {
            worker.getOutputStream().close(); // the worker halts when its commands end
        } catch (IOException e) {
            LOG.debug("closing the H2O worker's input", e);
        }
        try {
            if (!worker.waitFor(5, TimeUnit.SECONDS)) ProcessTree.kill(worker, java.time.Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            worker.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", f, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("could not delete {}", dir, e);
        }
    }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }
}
