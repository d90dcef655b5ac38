package org.automlwb.prepared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.CancelledException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.DataFormat;
import org.automlwb.data.LoadedData;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.RecipeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * prepare writes the prepared rows, the fitted recipe and the lineage; chunked output equals the recipe applied to
 * the whole file at once; the recipe learns from the rows the issue names; bad input leaves nothing behind.
 */
public class PreparerTest {
    @TempDir
    Path dir;

    /** n rows (also for the command-line tests): a numeric column with gaps, a category, a date, an ID, and a yes/no target. */
    public static Path raw(Path dir, String name, int n, long seed) throws IOException {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("id,income,city,joined,churn\n");
        String[] cities = {"Oslo", "Lima", "Rio, RJ", "Pune"};
        for (int i = 0; i < n; i++) {
            double income = 30 + 10 * rng.nextGaussian();
            String city = cities[rng.nextInt(cities.length)];
            sb.append(i + 1).append(',')
                    .append(rng.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.2f", income)).append(',')
                    .append(city.contains(",") ? "\"" + city + "\"" : city).append(',')
                    .append(String.format(Locale.ROOT, "2024-%02d-%02d", 1 + rng.nextInt(12), 1 + rng.nextInt(28)))
                    .append(',').append(income + 5 * rng.nextGaussian() > 32 ? "yes" : "no").append('\n');
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void chunkedOutputEqualsTheRecipeAppliedToTheWholeFileAndTheLineageNamesEveryFile() throws Exception {
        Path data = raw(dir, "churn.csv", 3_000, 1);
        Path out = dir.resolve("data");
        Prepared p = Preparer.run(PrepareSpec.of(data, out, DataFormat.CSV).withTarget("churn").withKeepRaw(true)
                .withChunks(500, 0), ProgressListener.none(), CancelToken.none());
        assertEquals(6, p.chunks(), "3,000 rows in chunks of 500");
        assertEquals(out.resolve("processed_data/churn.csv"), p.processed());
        assertEquals(out.resolve("feature_engineering/churn.recipe.json"), p.recipe());
        assertEquals(out.resolve("raw_data/churn.csv"), p.rawCopy());
        assertEquals(Files.readString(data), Files.readString(p.rawCopy()));

        FittedRecipe fitted = RecipeFile.read(p.recipe()).fitted();
        assertEquals("churn", fitted.target());
        assertFalse(fitted.featureNames().contains("id"), "the ID column is dropped by the automatic recipe");
        Table expected = fitted.apply(CsvLoader.load(data).table());
        Table written = CsvLoader.load(p.processed()).table();
        assertEquals(expected.columnNames(), written.columnNames());
        assertEquals(3_000, written.rowCount());
        for (String f : fitted.featureNames()) {
            for (int r = 0; r < 3_000; r += 37) {
                assertEquals(expected.doubleColumn(f).getDouble(r), written.numberColumn(f).getDouble(r), 0.0, f);
            }
        }
        assertEquals(expected.stringColumn("churn").asList(), written.stringColumn("churn").asList());

        assertEquals(List.of("raw", "recipe_fit", "processed"), List.copyOf(p.lineage().rows().keySet()));
        assertEquals(3_000L, p.lineage().rows().get("raw"));
        assertEquals(3_000L, p.lineage().rows().get("processed"));
        assertEquals(FileHashes.sha256(p.processed()), p.lineage().processed().sha256());
        assertEquals(FileHashes.sha256(p.recipe()), p.lineage().recipe().sha256());
        assertEquals(FileHashes.sha256(data), p.lineage().raw().sha256());
        assertEquals(p.rawCopy().toAbsolutePath().normalize().toString(), p.lineage().raw().path());
        assertTrue(Files.readString(p.lineageFile()).contains(p.lineage().processed().sha256()));
        assertEquals(4, files(out).size(), "no temporary file is left: " + files(out));
    }

    @Test
    void parquetOutputHoldsTheSameValuesAsCsv() throws Exception {
        Path data = raw(dir, "churn.csv", 1_200, 2);
        Prepared csv = Preparer.run(PrepareSpec.of(data, dir.resolve("a"), DataFormat.CSV).withTarget("churn")
                .withChunks(250, 0), ProgressListener.none(), CancelToken.none());
        Prepared parquet = Preparer.run(PrepareSpec.of(data, dir.resolve("b"), DataFormat.PARQUET)
                .withTarget("churn").withChunks(250, 0), ProgressListener.none(), CancelToken.none());
        assertEquals(dir.resolve("b/processed_data/churn.parquet"), parquet.processed());
        Table a = CsvLoader.load(csv.processed()).table();
        LoadedData b = CsvLoader.load(parquet.processed(), org.automlwb.data.CsvOptions.defaults(),
                ProgressListener.none(), CancelToken.none());
        assertNull(b.dialect(), "read as Parquet");
        assertEquals(a.columnNames(), b.table().columnNames());
        for (String c : a.columnNames()) {
            if (c.equals("churn")) {
                assertEquals(a.stringColumn(c).asList(), b.table().stringColumn(c).asList());
            } else {
                for (int r = 0; r < a.rowCount(); r++) {
                    assertEquals(a.numberColumn(c).getDouble(r), b.table().numberColumn(c).getDouble(r), 0.0, c);
                }
            }
        }
    }

    @Test
    void withATargetTheRecipeLearnsOnlyFromTheRunsTrainingRows() throws Exception {
        Path data = raw(dir, "churn.csv", 3_000, 3);
        Prepared p = Preparer.run(PrepareSpec.of(data, dir.resolve("data"), DataFormat.CSV).withTarget("churn")
                .withSplit(7, 1_000), ProgressListener.none(), CancelToken.none());
        long fit = p.lineage().rows().get("recipe_fit");
        assertEquals(2_400, fit, 2, "a 20% holdout is left out of fitting");
        assertTrue(p.fit().contains("holdout split (seed 7"), p.fit());
        assertEquals(3_000L, p.lineage().rows().get("processed"), "every row is prepared");
    }

    @Test
    void rowsBeyondTheFitLimitAreAnEvenlySpreadSample() throws Exception {
        Path data = raw(dir, "churn.csv", 3_000, 4);
        Prepared p = Preparer.run(PrepareSpec.of(data, dir.resolve("data"), DataFormat.CSV).withChunks(400, 500),
                ProgressListener.none(), CancelToken.none());
        assertEquals(500L, p.lineage().rows().get("recipe_fit"));
        assertTrue(p.fit().contains("one row in 6"), p.fit());
        assertEquals(3_000L, p.lineage().rows().get("processed"));
    }

    @Test
    void aFittedRecipeIsReplayedAsItIsOnAnotherFile() throws Exception {
        Path first = raw(dir, "january.csv", 800, 5);
        Prepared a = Preparer.run(PrepareSpec.of(first, dir.resolve("data"), DataFormat.CSV).withTarget("churn"),
                ProgressListener.none(), CancelToken.none());
        Path second = raw(dir, "february.csv", 500, 6);
        Prepared b = Preparer.run(PrepareSpec.of(second, dir.resolve("data"), DataFormat.CSV)
                .withRecipe(a.recipe(), false), ProgressListener.none(), CancelToken.none());
        assertEquals(Files.readString(a.recipe()), Files.readString(b.recipe()), "the same fitted values");
        assertFalse(b.lineage().rows().containsKey("recipe_fit"), "nothing was fitted");
        assertTrue(b.fit().startsWith("replayed"), b.fit());
        assertEquals("churn", CsvLoader.load(b.processed()).table().columnNames().get(
                CsvLoader.load(b.processed()).table().columnCount() - 1), "the fitted recipe's target is kept");
        Prepared c = Preparer.run(PrepareSpec.of(second, dir.resolve("data"), DataFormat.CSV).withName("refit")
                .withRecipe(a.recipe(), true), ProgressListener.none(), CancelToken.none());
        assertEquals(500L, c.lineage().rows().get("recipe_fit"), "refitted on this file");
    }

    @Test
    void aRecipeReadingColumnsTheFileLacksIsOneLineNamingThem() throws Exception {
        Path first = raw(dir, "full.csv", 300, 7);
        Prepared a = Preparer.run(PrepareSpec.of(first, dir.resolve("data"), DataFormat.CSV),
                ProgressListener.none(), CancelToken.none());
        Path narrow = Files.writeString(dir.resolve("narrow.csv"), "id,joined,churn\n1,2024-01-01,yes\n2,2024-01-02,no\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Preparer.run(
                PrepareSpec.of(narrow, dir.resolve("out"), DataFormat.CSV).withRecipe(a.recipe(), false),
                ProgressListener.none(), CancelToken.none()));
        assertEquals("the recipe reads 2 columns the data does not have: 'income', 'city'", e.getMessage());
        assertTrue(e.oneLine().contains("full.recipe.json"), e.oneLine());
        assertEquals(List.of(), files(dir.resolve("out")));
    }

    @Test
    void aRecipeFittedForAnotherTargetIsRefused() throws Exception {
        Path data = raw(dir, "churn.csv", 300, 8);
        Prepared a = Preparer.run(PrepareSpec.of(data, dir.resolve("data"), DataFormat.CSV).withTarget("churn"),
                ProgressListener.none(), CancelToken.none());
        BadInputException e = assertThrows(BadInputException.class, () -> Preparer.run(
                PrepareSpec.of(data, dir.resolve("out"), DataFormat.CSV).withTarget("city")
                        .withRecipe(a.recipe(), false), ProgressListener.none(), CancelToken.none()));
        assertEquals("the recipe was fitted for the target 'churn', not 'city'", e.getMessage());
    }

    @Test
    void anOutputFolderThatIsAFileIsSaidBeforeAnyWork() throws Exception {
        Path data = raw(dir, "churn.csv", 50, 9);
        Path file = Files.writeString(dir.resolve("data"), "not a folder");
        BadInputException e = assertThrows(BadInputException.class, () -> Preparer.run(
                PrepareSpec.of(data, file, DataFormat.CSV), ProgressListener.none(), CancelToken.none()));
        assertEquals("the output folder is a file", e.getMessage());
        assertEquals(file, e.file());
    }

    @Test
    void aFullDiskAtAnyWriteLeavesNoFileBehind() throws Exception {
        Path data = raw(dir, "churn.csv", 1_000, 10);
        for (String failAt : List.of(".churn.parquet.partial", ".churn.recipe.json.partial", ".churn.csv.partial",
                ".churn.lineage.json.partial")) {
            Path out = dir.resolve("data-" + failAt.substring(1, failAt.indexOf('.', 7)) + failAt.length());
            int[] calls = {0};
            BadInputException e = assertThrows(BadInputException.class, () -> Preparer.run(
                    PrepareSpec.of(data, out, DataFormat.PARQUET).withKeepRaw(true).withChunks(300, 0),
                    ProgressListener.none(), CancelToken.none(), path -> {
                        // The second chunk of the data set, or the first write of the other files.
                        if (path.getFileName().toString().startsWith(failAt) && ++calls[0] >= (failAt.contains(
                                "parquet") ? 2 : 1)) {
                            throw new IOException("No space left on device");
                        }
                    }));
            assertTrue(e.getMessage().contains("the disk is full"), e.getMessage());
            assertEquals(List.of(), files(out), failAt + ": nothing is left behind");
        }
    }

    @Test
    void aCancelLeavesNoFileBehind() throws Exception {
        Path data = raw(dir, "churn.csv", 2_000, 11);
        CancelToken cancel = new CancelToken();
        Path out = dir.resolve("data");
        assertThrows(CancelledException.class, () -> Preparer.run(PrepareSpec.of(data, out, DataFormat.CSV)
                .withChunks(200, 0), (done, total, stage) -> {
                    if (stage.equals("writing") && done >= 600) cancel.cancel();
                }, cancel));
        assertEquals(List.of(), files(out));
    }
}
