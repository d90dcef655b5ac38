package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.ensemble.StackingMetalearner;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.trial.Refitter;
import org.automlwb.prep.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A damaged model file never takes the process down: single bytes flipped at seeded offsets of every file a
 * trained model folder holds for prediction (Tribuo XGBoost, linear and tree artifacts, LightGBM's text, fitted
 * pipelines, the metadata of a weighted ensemble and of a calibrated stack, the training profile for drift) are each either refused by
 * {@code predict} with exit 2 and one line, or, where the byte is outside what the checks cover (whitespace in
 * the metadata), give the very same predictions. The loads run in a child JVM ({@link ModelFileFuzz}) so that a
 * crash in native code shows as its exit code (134 for SIGSEGV) instead of ending the test run.
 */
class ModelFileFuzzTest {
    /** Mutations per file, 28 files: 1,120 predictions in one child JVM. */
    private static final int PER_FILE = 40;
    private static final long SEED = 20261207L;

    @Test
    void noFlippedByteCrashesOrSilentlyChangesPredictions(@TempDir Path dir) throws Exception {
        Path train = Files.writeString(dir.resolve("train.csv"), rows(new Random(1), 300));
        Path fresh = Files.writeString(dir.resolve("fresh.csv"), rows(new Random(2), 40));
        Table t = CsvLoader.load(train).table();
        LabelledData data = LabelledData.forTraining(t, "y", null);
        FeaturePipelines pipelines = FeaturePipelines.fromRecipe(Recipe.automatic(t, "y"));
        SingleModel xgboost = refit(data, pipelines, "xgboost");
        SingleModel linear = refit(data, pipelines, "liblinear");
        SingleModel tree = refit(data, pipelines, "cart");
        SingleModel lightgbm = refit(data, pipelines, "lightgbm");
        Map<String, ModelBundle> bundles = new TreeMap<>(Map.of(
                "xgboost", ModelBundle.single(xgboost),
                "linear", ModelBundle.single(linear),
                "tree", ModelBundle.single(tree),
                "lightgbm", ModelBundle.single(lightgbm),
                "weighted", ModelBundle.weighted(List.of(new ModelBundle.Member(xgboost, 3),
                        new ModelBundle.Member(tree, 1))),
                "stack", ModelBundle.stacked(List.of(linear, lightgbm), StackingMetalearner.classification(
                        TaskType.BINARY, new double[] {0.7, 0.5}, new double[] {0.1, -0.1}, 0.01))
                        .calibrated(Calibration.platt(1.3, -0.2))));
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), ModelFileFuzz.class.getName(),
                Files.createDirectories(dir.resolve("scratch")).toString(), fresh.toString(),
                String.valueOf(PER_FILE), String.valueOf(SEED)));
        for (Map.Entry<String, ModelBundle> b : bundles.entrySet()) {
            MonitoringReference reference = MonitoringReference.of(data.table(),
                    ModelExport.inputColumns(b.getValue()), TaskType.BINARY, data.classNames(), null,
                    ModelExport.truth(data.targets()));
            args.add(ModelExport.write(new ModelExport.Source(b.getValue(), "y", "auc", Map.of(), 1L, 300, reference,
                    "fuzz"), dir.resolve("models"), b.getKey()).dir().toString());
        }

        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Process p = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a bound against a hung child, not a timing assertion
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM ends");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the child JVM crashed (134 = SIGSEGV in native code):\n"
                + tail(stdout) + "\n" + tail(stderr));
        List<String> lines = stdout.lines().filter(l -> l.startsWith("FUZZ ")).toList();
        assertEquals("FUZZ END", lines.get(lines.size() - 1), tail(stdout));

        Map<String, Integer> counts = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            String[] f = line.split(" ", 6); // FUZZ kind file offset lines message
            counts.merge(f[1], 1, Integer::sum);
            boolean ok = switch (f[1]) {
                case "SAME" -> true;
                case "REFUSED" -> f[4].equals("1") && f[5].startsWith("error: ") && !f[5].contains("\tat ")
                        && (f[2].endsWith(ModelExport.METADATA_FILE) || f[5].contains("changed since it was written"));
                default -> false;
            };
            if (!ok) wrong.add(line);
        }
        System.out.println("model file fuzz: " + (lines.size() - 1) + " mutations, " + counts);
        // four single models of four files each (artifact, pipeline, metadata, training profile), two ensembles of
        // two artifacts, two pipelines, the metadata and the training profile
        assertEquals(4 * 4 + 2 * 6, fileCount(lines), "every loaded file was mutated");
        assertTrue(wrong.isEmpty(), wrong.size() + " mutations neither refused in one line nor harmless:\n"
                + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
        assertTrue(counts.getOrDefault("REFUSED", 0) > 0, "some mutations are refused");
        assertFalse(stderr.contains("\tat "), "no stack trace from the child: " + tail(stderr));
    }

    private static SingleModel refit(LabelledData data, FeaturePipelines pipelines, String id) throws Exception {
        Algorithm a = AlgorithmCatalogue.byId(id).orElseThrow();
        DataShape shape = new DataShape(TaskType.BINARY, data.rows(), 4, 2, false);
        long later = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        return new Refitter(data, pipelines).refit(a, a.portfolio(TaskType.BINARY, shape).get(0), 1, 1,
                CancelToken.none(), later);
    }

    private static long fileCount(List<String> lines) {
        return lines.stream().filter(l -> !l.equals("FUZZ END")).map(l -> l.split(" ")[2]).distinct().count();
    }

    /** Two numbers (one with gaps), a category and a yes/no target that depends on all three. */
    private static String rows(Random rng, int n) {
        StringBuilder sb = new StringBuilder("x1,x2,colour,y\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < n; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            int c = rng.nextInt(3);
            double z = x1 + 0.5 * x2 + (c == 0 ? 0.8 : -0.3) + 0.5 * rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f", x1)).append(',')
                    .append(rng.nextInt(8) == 0 ? "" : String.format(Locale.ROOT, "%.4f", x2)).append(',')
                    .append(colours[c]).append(',').append(z > 0 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }
}
