package org.automlwb.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import tech.tablesaw.api.Table;

/**
 * Not a unit test: compares {@link CsvLoader#load(Path)} with plain {@code Table.read().csv(file)} on a generated
 * 1,000,000 x 12 CSV, wall time and retained heap, alternating a few times in one JVM; then times
 * {@link Profiler#profile} on the loaded table. Results go to docs/data-loading.md.
 *
 * <pre>mvn -o -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.automlwb.data.LoadBenchmark</pre>
 *
 * Optional arguments: rows (default 1,000,000), repetitions (default 3).
 */
public final class LoadBenchmark {
    private static final String[] CATEGORIES = {"red", "green", "blue", "cyan", "magenta", "yellow", "black",
        "white", "orange", "purple"};
    private static final String[] SEGMENTS = {"retail", "wholesale", "online", "partner", "internal"};

    private LoadBenchmark() { }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("load-benchmark");
        Path file = dir.resolve("mixed.csv");
        try {
            generate(file, rows, new Random(20240331L));
            long size = Files.size(file);
            System.out.printf(Locale.ROOT, "file: %,d rows x 12 columns, %.1f MB%n", rows, size / 1e6);
            // One untimed round each so that both are measured with warm code.
            CsvLoader.load(file);
            Table.read().csv(file.toFile());
            for (int r = 1; r <= reps; r++) {
                measure("CsvLoader.load", r, size, () -> CsvLoader.load(file).table());
                measure("Table.read().csv", r, size, () -> Table.read().csv(file.toFile()));
            }
            LoadedData loaded = CsvLoader.load(file);
            for (int r = 1; r <= reps; r++) {
                long t0 = System.nanoTime();
                DatasetProfile p = Profiler.profile(loaded);
                System.out.printf(Locale.ROOT, "Profiler.profile  rep %d: %,6d ms, suggested target %s%n", r,
                        (System.nanoTime() - t0) / 1_000_000, p.suggestedTarget());
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private interface Loader {
        Table load() throws Exception;
    }

    private static void measure(String name, int rep, long fileBytes, Loader loader) throws Exception {
        settle();
        long before = used();
        long t0 = System.nanoTime();
        Table t = loader.load();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        settle();
        long retained = used() - before;
        System.out.printf(Locale.ROOT, "%-17s rep %d: %,6d ms, retained heap %,5.0f MB (%.2f x file), %s%n", name,
                rep, ms, retained / 1e6, (double) retained / fileBytes, t.shape());
        // Keeps the table reachable until after the measurement.
        if (t.rowCount() < 0) System.out.println(t);
    }

    private static void settle() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
    }

    private static long used() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Ints, decimals, text categories, ISO dates, booleans; about 2% of some columns missing. */
    static void generate(Path file, int rows, Random rnd) throws IOException {
        LocalDate base = LocalDate.of(2015, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,age,income,score,category,city,signup,active,visits,ratio,segment,churned\n");
            StringBuilder sb = new StringBuilder(160);
            for (int i = 1; i <= rows; i++) {
                sb.setLength(0);
                sb.append(i).append(',');
                if (rnd.nextInt(50) != 0) sb.append(18 + rnd.nextInt(70));
                sb.append(',');
                sb.append(Math.round(rnd.nextGaussian() * 15_000 + 52_000) / 100.0).append(',');
                sb.append(String.format(Locale.ROOT, "%.4f", rnd.nextDouble())).append(',');
                sb.append(CATEGORIES[rnd.nextInt(CATEGORIES.length)]).append(',');
                sb.append("city_").append(rnd.nextInt(200)).append(',');
                sb.append(base.plusDays(rnd.nextInt(3000))).append(',');
                sb.append(rnd.nextBoolean()).append(',');
                sb.append(rnd.nextInt(1000)).append(',');
                if (rnd.nextInt(50) != 0) sb.append(rnd.nextInt(10_000) / 100.0);
                sb.append(',');
                sb.append(SEGMENTS[rnd.nextInt(SEGMENTS.length)]).append(',');
                sb.append(rnd.nextInt(4) == 0 ? "yes" : "no").append('\n');
                w.append(sb);
            }
        }
    }
}
