package org.automlwb.engine.algo.lightgbm;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Measurements for the LightGBM package, not a test (surefire does not run it): reads NAME.train.csv /
 * NAME.test.csv from a folder, codes text columns as categories (in order of first appearance in train; unseen =
 * missing), and times fits or scores configurations. One thread per fit unless said otherwise.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) org.automlwb.engine.algo.lightgbm.LightGbmBench \
 *     /work/shared/datasets MODE car adult california-housing
 * </pre>
 * MODE: {@code time} (100/300/1000 rounds x 1/2 threads; env BENCH_ROUNDS picks one), {@code defaults} (LightGBM's
 * defaults, then rounds by early stopping and a refit), {@code layout} (col-wise vs row-wise histograms),
 * {@code portfolio} (candidate configurations; env BENCH_SET 1, 2 or 3 picks the candidate set).
 */
public final class LightGbmBench {
    /** The regression sets of the shared benchmark folder (DATASETS.md); every other one is classification. */
    private static final java.util.Set<String> REGRESSION = java.util.Set.of("california-housing", "abalone",
            "ames-housing");

    record Data(double[][] x, double[] y, List<String> names, int[] categorical, int classes) {
        Data head(int n, long seed) {
            Integer[] idx = new Integer[y.length];
            for (int i = 0; i < idx.length; i++) idx[i] = i;
            java.util.Collections.shuffle(Arrays.asList(idx), new Random(seed));
            double[][] xs = new double[n][];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = x[idx[i]];
                ys[i] = y[idx[i]];
            }
            return new Data(xs, ys, names, categorical, classes);
        }

        Data[] split(double share, long seed) {
            int n = y.length;
            Integer[] idx = new Integer[n];
            for (int i = 0; i < n; i++) idx[i] = i;
            java.util.Collections.shuffle(Arrays.asList(idx), new Random(seed));
            int cut = (int) (n * share);
            return new Data[] {pick(idx, 0, cut), pick(idx, cut, n)};
        }

        private Data pick(Integer[] idx, int from, int to) {
            double[][] xs = new double[to - from][];
            double[] ys = new double[to - from];
            for (int i = from; i < to; i++) {
                xs[i - from] = x[idx[i]];
                ys[i - from] = y[idx[i]];
            }
            return new Data(xs, ys, names, categorical, classes);
        }

        LightGbmObjective objective() {
            return classes == 1 ? LightGbmObjective.REGRESSION : LightGbmObjective.classification(classes);
        }
    }

    static Data[] load(Path dir, String name) throws IOException {
        List<CSVRecord> train = read(dir.resolve(name + ".train.csv"));
        List<CSVRecord> test = read(dir.resolve(name + ".test.csv"));
        List<String> header = new ArrayList<>(train.get(0).toList());
        int cols = header.size() - 1;
        train = train.subList(1, train.size());
        test = test.subList(1, test.size());
        boolean[] numeric = new boolean[cols + 1];
        for (int c = 0; c <= cols; c++) {
            numeric[c] = true;
            for (CSVRecord r : train) {
                String v = r.get(c);
                if (!v.isEmpty() && !isNumber(v)) {
                    numeric[c] = false;
                    break;
                }
            }
        }
        List<Map<String, Integer>> codes = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            Map<String, Integer> m = new HashMap<>();
            if (!numeric[c]) for (CSVRecord r : train) if (!r.get(c).isEmpty()) m.putIfAbsent(r.get(c), m.size());
            codes.add(m);
        }
        boolean classification = !REGRESSION.contains(name);
        TreeSet<String> labels = new TreeSet<>();
        for (CSVRecord r : train) labels.add(r.get(cols));
        List<String> labelList = new ArrayList<>(labels);
        int classes = classification ? labelList.size() : 1;
        List<Integer> cat = new ArrayList<>();
        for (int c = 0; c < cols; c++) if (!numeric[c]) cat.add(c);
        int[] categorical = cat.stream().mapToInt(Integer::intValue).toArray();
        return new Data[] {
            convert(train, cols, numeric, codes, classification, labelList, header, categorical, classes),
            convert(test, cols, numeric, codes, classification, labelList, header, categorical, classes)};
    }

    private static Data convert(List<CSVRecord> rows, int cols, boolean[] numeric, List<Map<String, Integer>> codes,
                                boolean classification, List<String> labels, List<String> header, int[] categorical,
                                int classes) {
        double[][] x = new double[rows.size()][cols];
        double[] y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord r = rows.get(i);
            for (int c = 0; c < cols; c++) {
                String v = r.get(c);
                if (v.isEmpty()) {
                    x[i][c] = Double.NaN;
                } else if (numeric[c]) {
                    x[i][c] = Double.parseDouble(v);
                } else {
                    x[i][c] = codes.get(c).getOrDefault(v, -1);
                }
            }
            String t = r.get(cols);
            y[i] = classification ? labels.indexOf(t) : Double.parseDouble(t);
            if (classification && y[i] < 0) throw new IllegalStateException("unseen label " + t);
        }
        return new Data(x, y, header.subList(0, cols), categorical, classes);
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<CSVRecord> read(Path p) throws IOException {
        try (Reader r = Files.newBufferedReader(p)) {
            return CSVFormat.DEFAULT.parse(r).getRecords();
        }
    }

    // ---- metrics ----

    static double logLoss(double[][] p, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s -= Math.log(Math.max(1e-15, p[i][(int) y[i]]));
        return s / y.length;
    }

    static double accuracy(double[][] p, double[] y) {
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) if (p[i][c] > p[i][best]) best = c;
            if (best == (int) y[i]) ok++;
        }
        return ok / (double) y.length;
    }

    static double auc(double[][] p, double[] y) {
        int n = y.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(p[a][1], p[b][1]));
        double rankSum = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && p[idx[j + 1]][1] == p[idx[i]][1]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (y[idx[k]] == 1) {
                rankSum += rank;
                pos++;
            }
            i = j + 1;
        }
        long neg = n - pos;
        return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double) neg);
    }

    static double rmse(double[] p, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
        return Math.sqrt(s / y.length);
    }

    static double r2(double[] p, double[] y) {
        double mean = Arrays.stream(y).average().orElse(0);
        double ss = 0;
        for (double v : y) ss += (v - mean) * (v - mean);
        return 1 - rmse(p, y) * rmse(p, y) * y.length / ss;
    }

    static String score(LightGbmModel m, Data test) {
        DenseRows x = DenseRows.of(test.x);
        if (test.classes == 1) {
            double[] p = m.predictValues(x);
            return String.format(Locale.ROOT, "rmse %.1f r2 %.4f", rmse(p, test.y), r2(p, test.y));
        }
        double[][] p = m.predictProbabilities(x);
        return String.format(Locale.ROOT, "logloss %.4f acc %.4f%s", logLoss(p, test.y), accuracy(p, test.y),
                test.classes == 2 ? String.format(Locale.ROOT, " auc %.4f", auc(p, test.y)) : "");
    }

    static double primary(LightGbmModel m, Data test) {
        DenseRows x = DenseRows.of(test.x);
        if (test.classes == 1) return rmse(m.predictValues(x), test.y);
        return logLoss(m.predictProbabilities(x), test.y);
    }

    static LightGbmTrainer trainer(Data d, LightGbmParams p, int threads) {
        return new LightGbmTrainer(d.objective(), d.classes, d.names, d.categorical, p, threads, 42);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String mode = args[1];
        if (!LightGbmNative.isAvailable()) throw new IllegalStateException(LightGbmNative.unavailableReason().get());
        for (int a = 2; a < args.length; a++) {
            String name = args[a];
            Data[] tt = load(dir, name);
            Data train = tt[0];
            Data test = tt[1];
            System.out.printf(Locale.ROOT, "== %s: %d train, %d test, %d features (%d categorical), classes %d%n", name,
                    train.y.length, test.y.length, train.names.size(), train.categorical.length, train.classes);
            switch (mode) {
                case "time": time(train); break;
                case "defaults": defaults(train, test); break;
                case "layout": layout(train); break;
                case "portfolio": portfolio(train, test, name); break;
                default: throw new IllegalArgumentException(mode);
            }
        }
    }

    static void time(Data train) {
        DenseRows x = DenseRows.of(train.x);
        trainer(train, LightGbmParams.DEFAULTS.withRounds(20), 1).fit(x, train.y); // warm up
        String only = System.getenv("BENCH_ROUNDS");
        int[] roundList = only == null ? new int[] {100, 300, 1000} : new int[] {Integer.parseInt(only)};
        for (int rounds : roundList) {
            for (int threads : new int[] {1, 2}) {
                long t0 = System.nanoTime();
                LightGbmFit f = trainer(train, LightGbmParams.DEFAULTS.withRounds(rounds), threads).fit(x, train.y);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf(Locale.ROOT, "rounds %4d threads %d: %6d ms (%d rounds, model %d KB)%n", rounds, threads,
                        ms, f.bestIteration(), f.modelString().length() / 1024);
            }
        }
    }

    static void layout(Data train) throws Exception {
        DenseRows x = DenseRows.of(train.x);
        LightGbmTrainer t = trainer(train, LightGbmParams.DEFAULTS.withRounds(300), 1);
        String base = t.lightGbmParameters(train.y.length);
        for (String layout : new String[] {"force_col_wise=true", "force_row_wise=true", "force_col_wise=true",
                "force_row_wise=true"}) {
            String p = base.replace("force_col_wise=true", layout);
            long t0 = System.nanoTime();
            try (NativeThreads.Permit ignored = NativeThreads.enter(1);
                 NativeDataset d = NativeDataset.create(x, p, null)) {
                d.setLabels(train.y);
                try (NativeBooster b = NativeBooster.create(d, p)) {
                    for (int i = 0; i < 300; i++) b.updateOneIter();
                }
            }
            System.out.printf(Locale.ROOT, "%s, 300 rounds, 1 thread: %d ms%n", layout, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    static void defaults(Data train, Data test) {
        long t0 = System.nanoTime();
        LightGbmFit f = trainer(train, LightGbmParams.DEFAULTS, 1).fit(DenseRows.of(train.x), train.y);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try (LightGbmModel m = f.toModel()) {
            System.out.printf(Locale.ROOT, "LightGBM defaults (100 rounds, 1 thread, %d ms): %s%n", ms, score(m, test));
        }
        Data[] inner = train.split(0.8, 7);
        LightGbmFit es = trainer(train, LightGbmParams.DEFAULTS.withRounds(2000), 1)
                .fit(DenseRows.of(inner[0].x), inner[0].y, DenseRows.of(inner[1].x), inner[1].y);
        LightGbmFit refit = trainer(train, LightGbmParams.DEFAULTS.withRounds(es.bestIteration()), 1)
                .fit(DenseRows.of(train.x), train.y);
        try (LightGbmModel m = refit.toModel()) {
            System.out.printf(Locale.ROOT, "defaults, rounds by early stopping on 20%% of train (%d, %s), refit: %s%n",
                    es.bestIteration(), es.stopReason(), score(m, test));
        }
    }

    /** Candidate portfolio configurations: rounds chosen on an inner 80/20 split, refit on all of train. */
    static void portfolio(Data train, Data test, String name) {
        int[] sizes = name.equals("adult") || name.equals("california-housing") ? new int[] {300, 0} : new int[] {0};
        for (int size : sizes) {
            Data tr = size == 0 ? train : train.head(size, 3);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s %6d rows:", name, tr.y.length));
            for (int k = 0; k < CANDIDATES.length; k++) {
                LightGbmParams p = candidate(k, tr.y.length);
                Data[] inner = tr.split(0.8, 11);
                long t0 = System.nanoTime();
                LightGbmFit es = trainer(tr, p, 1).fit(DenseRows.of(inner[0].x), inner[0].y, DenseRows.of(inner[1].x),
                        inner[1].y);
                LightGbmFit refit = trainer(tr, p.withRounds(Math.max(1, es.bestIteration())), 1)
                        .fit(DenseRows.of(tr.x), tr.y);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                try (LightGbmModel m = refit.toModel()) {
                    line.append(String.format(Locale.ROOT, "  %s %.4f (%d r, %d ms)", CANDIDATES[k],
                            primary(m, test), es.bestIteration(), ms));
                }
            }
            System.out.println(line);
        }
    }

    static final String SET = System.getenv().getOrDefault("BENCH_SET", "1");
    static final String[] CANDIDATES = SET.equals("3") ? new String[] {"R1", "R2", "R3", "R3b"}
            : SET.equals("2") ? new String[] {"D", "Q1", "Q2", "Q3"} : new String[] {"D", "P1", "P2", "P3", "P3x"};

    static LightGbmParams candidate(int k, int rows) {
        if (SET.equals("3")) return candidate3(k, rows);
        if (SET.equals("2")) return candidate2(k, rows);
        int minLeaf = Math.max(2, Math.min(20, rows / 100));
        switch (k) {
            case 0:
                return LightGbmParams.DEFAULTS.withRounds(2000);
            case 1: // cheap: small trees, large steps
                return LightGbmParams.builder().rounds(300).learningRate(0.1).numLeaves(15).minDataInLeaf(minLeaf)
                        .minSumHessianInLeaf(1e-3).featureFraction(0.9).lambdaL2(0.1).catSmooth(5).catL2(1).build();
            case 2: // the usual strong default
                return LightGbmParams.builder().rounds(1000).learningRate(0.05).numLeaves(31).minDataInLeaf(minLeaf)
                        .featureFraction(0.8).bagging(0.8, 1).lambdaL2(1).catSmooth(10).catL2(10).build();
            case 3: // bigger, more randomised
                return LightGbmParams.builder().rounds(2000).learningRate(0.03).numLeaves(rows > 20_000 ? 127 : 63)
                        .minDataInLeaf(Math.max(minLeaf, Math.min(40, rows / 200))).featureFraction(0.6)
                        .bagging(0.7, 1).lambdaL2(5).catSmooth(20).catL2(10).build();
            default: // P3 with extra trees
                return candidate(3, rows).toBuilder().extraTrees(true).build();
        }
    }

    /** The second set, after the first: less L2 (sharp probabilities), extra trees only on small data. */
    static LightGbmParams candidate2(int k, int rows) {
        int minLeaf = Math.max(2, Math.min(20, rows / 100));
        switch (k) {
            case 0:
                return LightGbmParams.DEFAULTS.withRounds(2000);
            case 1:
                return LightGbmParams.builder().rounds(500).learningRate(0.1).numLeaves(31).minDataInLeaf(minLeaf)
                        .build();
            case 2:
                return LightGbmParams.builder().rounds(1500).learningRate(0.05).numLeaves(31).minDataInLeaf(minLeaf)
                        .featureFraction(0.8).bagging(0.8, 1).lambdaL2(0.1).catSmooth(10).catL2(1).build();
            default:
                boolean small = rows < 5000;
                return LightGbmParams.builder().rounds(2000).learningRate(0.03).numLeaves(small ? 15 : 63)
                        .minDataInLeaf(Math.max(minLeaf, Math.min(40, rows / 200))).featureFraction(0.6)
                        .bagging(0.7, 1).lambdaL2(3).catSmooth(20).catL2(10).extraTrees(small).build();
        }
    }

    /** Third set: LightGBM's own leaf size kept; R3b = R3 without extra trees. */
    static LightGbmParams candidate3(int k, int rows) {
        switch (k) {
            case 0:
                return LightGbmParams.DEFAULTS.withRounds(500);
            case 1:
                return LightGbmParams.builder().rounds(1500).learningRate(0.05).numLeaves(31).minDataInLeaf(10)
                        .featureFraction(0.8).bagging(0.8, 1).lambdaL2(0.1).catSmooth(10).catL2(1).build();
            default:
                boolean small = rows < 5000;
                return LightGbmParams.builder().rounds(2000).learningRate(0.03).numLeaves(small ? 15 : 63)
                        .minDataInLeaf(Math.max(20, Math.min(40, rows / 200))).featureFraction(0.6)
                        .bagging(0.7, 1).lambdaL2(3).catSmooth(20).catL2(10).extraTrees(small && k == 2).build();
        }
    }
}
