package org.automlwb.engine.h2o;

import ai.h2o.automl.Algo;
import ai.h2o.automl.AutoML;
import ai.h2o.automl.AutoMLBuildSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import hex.Model;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import water.DKV;
import water.H2O;
import water.H2OStarter;
import water.Key;
import water.fvec.Frame;
import water.fvec.NFSFileVec;
import water.fvec.Vec;
import water.parser.ParseDataset;
import water.parser.ParseSetup;

/**
 * The H2O side of the H2O engine: the {@code main} of a JVM of its own that the engine starts for one run (H2O
 * cannot be stopped and started again inside one JVM, and a stopped run must leave no H2O thread behind: ending
 * this process ends them all). It starts a one-node H2O without its web server, reads the files the engine wrote,
 * runs H2O AutoML, and speaks {@link H2oProtocol} on its standard streams.
 *
 * <p>Standard output carries only protocol lines; H2O's own console output is sent to standard error, which the
 * engine copies into the run's log.
 */
public final class H2oWorker {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The settings shown for each model, where its algorithm has them: what a reader compares models by. */
    private static final Set<String> SHOWN = Set.of("_ntrees", "_max_depth", "_learn_rate", "_sample_rate",
            "_col_sample_rate", "_col_sample_rate_per_tree", "_min_rows", "_nbins", "_mtries", "_alpha", "_lambda",
            "_hidden", "_epochs", "_activation", "_input_dropout_ratio", "_rate", "_metalearner_algorithm",
            "_histogram_type", "_min_split_improvement", "_solver", "_family");

    private H2oWorker() { }

    /** @param args the path of the spec file ({@link H2oProtocol}) */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        int exit = 0;
        try {
            run(JSON.readTree(Files.readString(Path.of(args[0]))), protocol);
        } catch (Throwable t) {
            t.printStackTrace(System.err);
            ObjectNode line = JSON.createObjectNode();
            line.put("event", H2oProtocol.ERROR);
            line.put("message", t instanceof OutOfMemoryError ? "H2O ran out of memory (heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB)" : String.valueOf(t.getMessage()));
            protocol.println(JSON.writeValueAsString(line));
            exit = 1;
        }
        protocol.flush();
        // H2O's threads are not daemons and H2O cannot shut down cleanly inside a process: ending it is the way.
        Runtime.getRuntime().halt(exit);
    }

    private static void run(JsonNode spec, PrintStream out) throws Exception {
        Path dir = Path.of(spec.get("dir").asText());
        LinkedBlockingQueue<JsonNode> commands = readCommands();
        H2OStarter.start(new String[] {"-disable_web", "-ip", "127.0.0.1", "-name", "automlwb-" + ProcessHandle
                .current().pid(), "-nthreads", spec.get("threads").asText(), "-log_level", "WARN", "-log_dir",
                dir.resolve("h2o-logs").toString(), "-ice_root", dir.resolve("h2o-ice").toString()}, false);
        H2O.waitForCloudSize(1, 60_000);
        emit(out, obj(H2oProtocol.STARTED));

        Frame train = parse(dir.resolve(H2oProtocol.TRAIN_CSV), "train");
        boolean holdout = spec.path("holdout").asBoolean();
        Frame valid = holdout ? parse(dir.resolve(H2oProtocol.HOLDOUT_CSV), "holdout") : null;
        boolean classification = spec.get("classification").asBoolean();
        if (classification) {
            asCategorical(train, H2oProtocol.TARGET);
            if (valid != null) asCategorical(valid, H2oProtocol.TARGET);
        }
        for (JsonNode c : spec.get("categorical")) {
            asCategorical(train, c.asText());
            if (valid != null) asCategorical(valid, c.asText());
        }

        AutoMLBuildSpec b = new AutoMLBuildSpec();
        b.build_control.project_name = "automlwb";
        b.input_spec.training_frame = train._key;
        b.input_spec.response_column = H2oProtocol.TARGET;
        if (holdout) {
            b.build_control.nfolds = 0;
            b.input_spec.validation_frame = valid._key;
            b.input_spec.leaderboard_frame = valid._key;
        } else {
            b.build_control.nfolds = 0;
            b.input_spec.fold_column = H2oProtocol.FOLD;
        }
        b.input_spec.sort_metric = spec.get("sort_metric").asText();
        b.build_control.keep_cross_validation_predictions = true;
        b.build_control.stopping_criteria.set_seed(spec.get("seed").asLong());
        if (spec.hasNonNull("deadline_ms")) {
            double left = (spec.get("deadline_ms").asLong() - System.currentTimeMillis()) / 1000.0;
            b.build_control.stopping_criteria.set_max_runtime_secs(Math.max(1, left));
        }
        if (spec.path("max_models").asInt() > 0) {
            b.build_control.stopping_criteria.set_max_models(spec.get("max_models").asInt());
        }
        // H2O's XGBoost extension is left out of the build (a 107 MB GPU library): not asked for.
        b.build_models.exclude_algos = new Algo[] {Algo.XGBoost};
        AutoML aml = AutoML.startAutoML(b);

        Set<String> seen = new HashSet<>();
        boolean stopped = false;
        while (true) {
            boolean running = aml.job().isRunning();
            report(aml, seen, valid, dir, out);
            if (!running) break;
            JsonNode c = commands.poll(500, TimeUnit.MILLISECONDS);
            if (c != null && H2oProtocol.STOP.equals(c.path("command").asText()) && !stopped) {
                aml.stop();
                stopped = true;
            }
        }
        report(aml, seen, valid, dir, out);
        emit(out, obj(H2oProtocol.SEARCH_DONE));

        JsonNode c = commands.poll(10, TimeUnit.MINUTES);
        if (c == null || !H2oProtocol.EXPORT.equals(c.path("command").asText())) return;
        Model<?, ?, ?> leader = DKV.getGet(Key.make(c.get("model").asText()));
        Path mojo = dir.resolve(H2oProtocol.MOJO);
        try (OutputStream o = Files.newOutputStream(mojo)) {
            leader.getMojo().writeTo(o);
        }
        ObjectNode done = obj(H2oProtocol.EXPORTED);
        done.put("mojo", mojo.toString());
        if (spec.path("test").asBoolean()) {
            Frame test = parse(dir.resolve(H2oProtocol.TEST_CSV), "test");
            for (JsonNode col : spec.get("categorical")) asCategorical(test, col.asText());
            Path p = dir.resolve(H2oProtocol.TEST_PREDICTIONS);
            writePredictions(leader.score(test), p);
            done.put("predictions", p.toString());
        }
        emit(out, done);
    }

    /** Says every model on the leaderboard not said before, with its validation predictions in a file. */
    private static void report(AutoML aml, Set<String> seen, Frame valid, Path dir, PrintStream out)
            throws Exception {
        for (Key<Model> k : aml.leaderboard().getModelKeys()) {
            String id = k.toString();
            if (seen.contains(id)) continue;
            Model<?, ?, ?> m = DKV.getGet(k);
            if (m == null) continue;
            Frame preds;
            if (valid != null) {
                preds = m.score(valid);
            } else {
                Key<Frame> cv = m._output._cross_validation_holdout_predictions_frame_id;
                preds = cv == null ? null : DKV.getGet(cv);
            }
            if (preds == null) continue; // its cross-validation predictions are not stored yet: next poll
            seen.add(id);
            Path file = dir.resolve("predictions-" + seen.size() + ".csv");
            writePredictions(preds, file);
            ObjectNode line = obj(H2oProtocol.MODEL);
            line.put("id", id);
            line.put("algorithm", m._parms.algoName().toLowerCase(Locale.ROOT));
            line.put("seconds", Math.max(0, m._output._run_time) / 1000.0);
            line.put("predictions", file.toString());
            line.set("hyperparameters", shown(m._parms));
            emit(out, line);
        }
    }

    private static ObjectNode shown(Model.Parameters p) {
        ObjectNode o = JSON.createObjectNode();
        for (Class<?> c = p.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!SHOWN.contains(f.getName()) || o.has(f.getName().substring(1))) continue;
                try {
                    f.setAccessible(true);
                    Object v = f.get(p);
                    if (v != null) o.set(f.getName().substring(1), JSON.valueToTree(displayed(v)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a setting that cannot be read is left out of the display; the model is unaffected
                }
            }
        }
        return o;
    }

    /** A setting as shown: enums by name, a long list (GLM's lambda path) by its length and ends. */
    private static Object displayed(Object v) {
        if (v instanceof Enum<?> e) return e.name().toLowerCase(Locale.ROOT);
        if (v instanceof double[] d && d.length > 4) {
            return d.length + " values, " + (float) d[0] + " to " + (float) d[d.length - 1];
        }
        return v;
    }

    /** A predictions frame as CSV: its column names (H2O's, e.g. predict, k0, k1) and every row. */
    private static void writePredictions(Frame f, Path file) throws Exception {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String[] names = f.names();
            w.write(String.join(",", names));
            w.newLine();
            Vec[] vecs = f.vecs();
            long rows = f.numRows();
            StringBuilder sb = new StringBuilder();
            for (long r = 0; r < rows; r++) {
                sb.setLength(0);
                for (int c = 0; c < vecs.length; c++) {
                    if (c > 0) sb.append(',');
                    Vec v = vecs[c];
                    if (v.isNA(r)) continue;
                    if (v.isCategorical()) sb.append(v.domain()[(int) v.at8(r)]);
                    else sb.append(Double.toString(v.at(r)));
                }
                w.write(sb.toString());
                w.newLine();
            }
        }
    }

    private static Frame parse(Path csv, String name) {
        NFSFileVec file = NFSFileVec.make(new File(csv.toString()));
        // The header is said to be there: when every column holds text (all category codes, classes k0, k1...),
        // H2O's guess cannot tell the header from a row and reads it as one more row.
        ParseSetup setup = ParseSetup.guessSetup(new Key[] {file._key}, false, ParseSetup.HAS_HEADER);
        return ParseDataset.parse(Key.make(name), new Key[] {file._key}, true, setup);
    }

    private static void asCategorical(Frame f, String column) {
        int i = f.find(column);
        if (i < 0 || f.vec(i).isCategorical()) return;
        Vec old = f.vec(i);
        f.replace(i, old.toCategoricalVec());
        old.remove();
        DKV.put(f);
    }

    /** Commands from the engine, one JSON line each on standard input, read on a thread of their own. */
    private static LinkedBlockingQueue<JsonNode> readCommands() {
        LinkedBlockingQueue<JsonNode> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) q.add(JSON.readTree(line));
                }
            } catch (Exception e) {
                e.printStackTrace(System.err);
            }
            // The engine closed our input (or died): nothing more will be asked, so stop.
            Runtime.getRuntime().halt(3);
        }, "engine-commands");
        t.setDaemon(true);
        t.start();
        return q;
    }

    private static ObjectNode obj(String event) {
        ObjectNode o = JSON.createObjectNode();
        o.put("event", event);
        return o;
    }

    private static void emit(PrintStream out, ObjectNode line) throws Exception {
        out.println(JSON.writeValueAsString(line));
        out.flush();
    }
}
