package org.automlwb.engine.algo.lightgbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LightGbmModelTest {
    private static Synthetic data;
    /** A multiclass model with a categorical feature: every kind of tree line there is. */
    private static String text;

    @BeforeAll
    static void train() {
        Synthetic m = Synthetic.multiclass(600, 21);
        double[][] x = new double[600][4];
        for (int i = 0; i < 600; i++) {
            System.arraycopy(m.x[i], 0, x[i], 0, 3);
            x[i][3] = (int) m.y[i] * 3 + i % 3; // a category that knows the class
            if (i % 7 == 0) x[i][3] = -1;
        }
        data = m;
        List<String> names = List.of("a", "b", "c", "level");
        text = new LightGbmTrainer(LightGbmObjective.MULTICLASS, 3, names, new int[] {3},
                LightGbmParams.builder().rounds(8).numLeaves(8).minDataInLeaf(5).build(), 1, 1)
                .fit(DenseRows.of(x), m.y).modelString();
        assertTrue(text.contains("num_cat=1"), "the model has categorical splits");
    }

    private static DenseRows rows() {
        double[][] x = new double[200][4];
        Random r = new Random(3);
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) row[j] = r.nextGaussian();
            row[3] = r.nextInt(12) - 1;
        }
        return DenseRows.of(x);
    }

    @Test
    void saveLoadPredictGivesIdenticalNumbers() {
        try (LightGbmModel a = LightGbmModel.fromModelString(text);
             LightGbmModel b = LightGbmModel.fromModelString(a.modelString())) {
            assertEquals(LightGbmObjective.MULTICLASS, b.objective());
            assertEquals(3, b.classes());
            assertEquals(8, b.iterations());
            assertEquals(4, b.featureCount());
            double[][] p = a.predictProbabilities(rows());
            double[][] q = b.predictProbabilities(rows());
            for (int i = 0; i < p.length; i++) assertArrayEquals(p[i], q[i], 0.0);
            assertEquals(text, b.modelString());
        }
    }

    @Test
    void severalThreadsPredictTheSameAsOne() throws Exception {
        DenseRows x = rows();
        try (LightGbmModel model = LightGbmModel.fromModelString(text)) {
            double[][] expected = model.predictProbabilities(x);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<double[][]>> results = new ArrayList<>();
                for (int t = 0; t < 40; t++) {
                    int threads = 1 + t % 2;
                    results.add(pool.submit(() -> model.predictProbabilities(x, threads)));
                }
                for (Future<double[][]> f : results) {
                    double[][] got = f.get();
                    for (int i = 0; i < got.length; i++) assertArrayEquals(expected[i], got[i], 0.0);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aClosedModelRefusesToPredictAndClosesTwiceQuietly() {
        LightGbmModel model = LightGbmModel.fromModelString(text);
        model.close();
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predictProbabilities(rows()));
    }

    @Test
    void wrongShapesAndKindsAreRefused() {
        try (LightGbmModel model = LightGbmModel.fromModelString(text)) {
            assertThrows(IllegalArgumentException.class,
                    () -> model.predictProbabilities(DenseRows.of(new double[][] {{1, 2, 3}})));
            assertThrows(IllegalStateException.class, () -> model.predictValues(rows()));
        }
    }

    @Test
    void garbageIsRefusedWithAClearMessage() {
        for (String bad : new String[] {"", "hello", "tree\n", "tree\nversion=v4\n", "{\"tree\": 1}",
                text.replace("objective=multiclass num_class:3", "objective=lambdarank"),
                text.replace("version=v4", "version=v9"),
                text.replace("\n", "\r\n"),
                text.replaceFirst("num_leaves=8", "num_leaves=9"),
                text.replaceFirst("tree_sizes=\\d+", "tree_sizes=12")}) {
            LightGbmException e = assertThrows(LightGbmException.class, () -> LightGbmModel.fromModelString(bad));
            assertTrue(e.getMessage().startsWith("Not a usable LightGBM model: "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    /**
     * LightGBM 4.3's own parser crashes the JVM (SIGABRT) on most truncated texts and on about half of texts with
     * three random characters changed. Every such text must end in an exception here, or in a model that loads
     * and predicts.
     */
    @Test
    void truncatedOrGarbledTextNeverReachesTheParserBroken() {
        DenseRows x = rows();
        int refused = 0;
        int loaded = 0;
        for (int cut = 0; cut < text.length(); cut += 61) {
            if (tryLoad(text.substring(0, cut), x)) loaded++; else refused++;
        }
        Random r = new Random(99);
        for (int trial = 0; trial < 200; trial++) {
            char[] c = text.toCharArray();
            for (int k = 0; k < 3; k++) c[r.nextInt(c.length)] = (char) (33 + r.nextInt(94));
            if (tryLoad(new String(c), x)) loaded++; else refused++;
        }
        System.out.println("model text fuzz: " + refused + " refused, " + loaded + " loaded and predicted");
        assertTrue(refused > 100 && loaded > 10, refused + " refused, " + loaded + " loaded");
    }

    private static boolean tryLoad(String candidate, DenseRows x) {
        try (LightGbmModel m = LightGbmModel.fromModelString(candidate)) {
            m.predictProbabilities(x);
            return true;
        } catch (LightGbmException e) {
            assertTrue(!e.getMessage().isBlank());
            return false;
        }
    }
}
