package org.automlwb.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.TestData;
import org.automlwb.engine.algo.Cart;
import org.automlwb.engine.algo.LightGbm;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class SearchSampleTest {
    private static final long MB = 1L << 20;

    @Test
    void theBudgetSetsTheSampleAndSmallDataIsSearchedWhole() {
        // 120 s x 2 threads x 200 rows, for a file of up to 20 columns
        assertEquals(50_000, SearchSample.cap(Duration.ofSeconds(120), 2, 20));
        assertEquals(SearchSample.MIN_SAMPLE, SearchSample.cap(Duration.ofSeconds(30), 2, 20));
        assertEquals(1_440_000, SearchSample.cap(Duration.ofHours(1), 2, 10));
        assertEquals(720_000, SearchSample.cap(Duration.ofHours(1), 2, 40)); // twice the columns, half the rows
        assertEquals(Integer.MAX_VALUE, SearchSample.cap(null, 2, 20)); // --max-trials alone: exhaustive

        RunSpec spec = RunSpec.defaults("y").withBudget(Duration.ofSeconds(10)).withThreads(2);
        LabelledData small = data(20_000);
        SearchSample whole = SearchSample.decide(small, spec);
        assertFalse(whole.sampled());
        assertEquals(20_000, whole.size());
        assertTrue(whole.of(small) == small);
    }

    /**
     * Rows drawn from a larger source: the search keeps to what one executor holds even below the usual
     * threshold, and says the source's total; rows that fit the executor are searched whole.
     */
    @Test
    void rowsDrawnFromALargerSourceAreSearchedUpToWhatAnExecutorHolds() {
        LabelledData drawn = data(20_000);
        RunSpec spec = RunSpec.defaults("y").toBuilder().budget(null).maxTrials(5).build();
        SampledSource source = new SampledSource("hdfs://nn/big", "parquet", 5_000_000, 20_000, 6_000,
                "spark.executor.memory 1,024 MB holds about 6,000 rows", "the driver's heap holds 20,000 rows");
        SearchSample s = SearchSample.decide(drawn, spec, source);
        assertTrue(s.sampled());
        assertEquals(6_000, s.size(), 5);
        assertEquals(20_000, s.total());
        assertTrue(s.describe().endsWith("drawn from 5,000,000"), s.describe());

        SampledSource roomy = new SampledSource("hdfs://nn/big", "parquet", 5_000_000, 20_000, 20_000, "", "");
        SearchSample whole = SearchSample.decide(drawn, spec, roomy);
        assertFalse(whole.sampled());
        assertEquals(roomy, whole.source());
    }

    @Test
    void aLargeFileIsSampledStratifiedAndKeepsItsRareClass() throws Exception {
        LabelledData big = data(SearchSample.SAMPLED_ABOVE_ROWS + 10_000);
        SearchSample s = SearchSample.decide(big, RunSpec.defaults("y").withBudget(Duration.ofSeconds(60))
                .withThreads(2));
        assertTrue(s.sampled());
        assertEquals(SearchSample.MIN_SAMPLE, s.size(), 5);
        assertEquals(big.rows(), s.total());
        int[] rows = s.rows();
        assertTrue(isAscendingAndDistinct(rows));
        LabelledData searched = s.of(big);
        assertEquals(s.size(), searched.rows());
        // Three rows of class "rare" among 160,000: sampling keeps at least one.
        assertTrue(Arrays.stream(searched.targets().classIndex()).anyMatch(c -> c == classOf(big, "rare")));
        // Sample row i is row rows[i] of the whole data.
        assertArrayEquals(new int[] {rows[0], rows[7]}, s.original(new int[] {0, 7}));
        assertEquals(big.table().row(rows[7]).getDouble("x1"), searched.table().row(7).getDouble("x1"));
        assertTrue(s.describe().startsWith("a sample of "), s.describe());
        // The same seed, the same sample: a resumed run searches the same rows.
        assertArrayEquals(rows, SearchSample.decide(big, RunSpec.defaults("y").withBudget(Duration.ofSeconds(60))
                .withThreads(2)).rows());
    }

    @Test
    void theRefitTakesAllRowsWhenTheyFitInTimeAndMemory() {
        LabelledData big = data(SearchSample.SAMPLED_ABOVE_ROWS + 10_000);
        SearchSample s = SearchSample.decide(big, RunSpec.defaults("y").withBudget(Duration.ofSeconds(60))
                .withThreads(2));
        RefitRows r = RefitRows.decide(big, s, new LightGbm(), 10, 30, 2048 * MB, 3, 42);
        assertFalse(r.sampled());
        assertEquals(big.rows(), r.size());
        // Data that was searched whole is refit whole, whatever the estimates say.
        assertFalse(RefitRows.decide(data(1_000), SearchSample.all(1_000), new LightGbm(), 100, 1, MB, 3, 42)
                .sampled());
    }

    @Test
    void theRefitSamplesToTheTimeLeftButNotBelowTheSearchsSample() {
        LabelledData big = data(SearchSample.SAMPLED_ABOVE_ROWS + 10_000);
        SearchSample s = SearchSample.decide(big, RunSpec.defaults("y").withBudget(Duration.ofSeconds(60))
                .withThreads(2));
        // All rows would take 100 s, 50 s are left: 0.8 x half of them.
        RefitRows r = RefitRows.decide(big, s, new LightGbm(), 100, 50, 4096 * MB, 3, 42);
        assertTrue(r.sampled());
        assertEquals(0.4 * big.rows(), r.size(), 10);
        assertTrue(r.reason().contains("100 s"), r.reason());
        assertTrue(isAscendingAndDistinct(r.rows()));
        // Hardly any time left: still as many rows as the search saw.
        assertEquals(s.size(), RefitRows.decide(big, s, new LightGbm(), 100, 1, 4096 * MB, 3, 42).size(), 5);
    }

    @Test
    void theRefitSamplesToTheHeapWithTheAlgorithmsCostPerCell() {
        LabelledData big = data(SearchSample.SAMPLED_ABOVE_ROWS + 10_000);
        SearchSample s = SearchSample.decide(big, RunSpec.defaults("y").withBudget(Duration.ofSeconds(60))
                .withThreads(2));
        long free = 100 * MB;
        RefitRows light = RefitRows.decide(big, s, new LightGbm(), 1, 100, free, 100, 42);
        RefitRows tribuo = RefitRows.decide(big, s, new Cart(), 1, 100, free, 100, 42);
        // 0.6 x 100 MB / (100 features x 24 or 48 bytes + 64): memory wins over the search's sample size.
        assertEquals(0.6 * free / (100 * 24 + 64), light.size(), 10);
        assertEquals(0.6 * free / (100 * 48 + 64), tribuo.size(), 10);
        assertTrue(light.reason().contains("heap"), light.reason());
    }

    private static boolean isAscendingAndDistinct(int[] rows) {
        for (int i = 1; i < rows.length; i++) if (rows[i] <= rows[i - 1]) return false;
        return true;
    }

    private static int classOf(LabelledData d, String name) {
        return d.classNames().indexOf(name);
    }

    /** TestData.binary with three rows of a third class, "rare". */
    private static LabelledData data(int n) {
        Table t = TestData.binary(n, 7);
        StringColumn y = t.stringColumn("y");
        for (int i : new int[] {5, n / 2, n - 3}) y.set(i, "rare");
        try {
            return LabelledData.forTraining(t, "y", null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
