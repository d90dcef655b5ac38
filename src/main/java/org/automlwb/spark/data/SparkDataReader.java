package org.automlwb.spark.data;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.automlwb.common.BadInputException;
import org.automlwb.common.HeapNeed;
import org.automlwb.data.LoadedData;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.api.DrawnData;
import org.automlwb.engine.api.LargeDataReader;
import org.automlwb.engine.api.LargeDataRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * Data bigger than the driver's memory, read through Spark SQL: open the location, profile it and decide the task
 * with distributed aggregates, size the search's sample to one executor and the drawn rows to the driver's heap,
 * then draw them stratified on the target and collect them into a typed table. Only aggregates, class counts and
 * the drawn rows ever reach the driver.
 */
public final class SparkDataReader implements LargeDataReader {
    private static final Logger LOG = LoggerFactory.getLogger(SparkDataReader.class);

    /** The session {@link #read} created, stopped by {@link #close}; null when it took a running one. */
    private SparkSession created;

    /** For {@link java.util.ServiceLoader}. */
    public SparkDataReader() { }

    @Override
    public DrawnData read(LargeDataRequest request) throws BadInputException {
        boolean running = SparkSession.getDefaultSession().isDefined() || SparkSession.getActiveSession().isDefined();
        SparkSession spark = SparkSessions.open(request.master());
        if (!running) created = spark;
        try {
            return read(spark, request, executorMemory(spark), HeapNeed.free(), Runtime.getRuntime().maxMemory());
        } catch (BadInputException | RuntimeException e) {
            close(); // bad input leaves nothing running either
            throw e;
        }
    }

    /**
     * Stops the session this reader created: a later run in the same JVM (the app, a test) must not find this
     * run's master in {@code getOrCreate}. The Spark trial executor took the same context without owning it.
     */
    @Override
    public void close() {
        if (created != null) {
            created.stop();
            created = null;
        }
    }

    /**
     * As {@link #read(LargeDataRequest)} on a given session and memory sizes (the tests choose them).
     *
     * @param executorBytes one executor's memory, or 0 when the executors run in this JVM (a local master)
     * @param freeDriverBytes heap the driver can still allocate
     * @param maxDriverBytes  the driver's maximum heap
     */
    public static DrawnData read(SparkSession spark, LargeDataRequest request, long executorBytes,
                                 long freeDriverBytes, long maxDriverBytes) throws BadInputException {
        long t0 = System.nanoTime();
        SparkSource source = SparkSource.open(spark, request.location());
        String target = request.target();
        // The schema alone tells: said before a pass over the data.
        if (!source.kinds().containsKey(target)) throw SparkTask.noSuchTarget(source, target);
        SparkProfile profile;
        try {
            profile = SparkProfile.of(source, target);
        } catch (Exception e) { // Spark's checked exceptions are undeclared (Scala)
            // Files that list but do not parse (a corrupt footer, a CSV that is not one) fail at the first pass.
            throw SparkSource.unreadable(request.location(), source.format(), e);
        }
        long t1 = System.nanoTime();
        if (profile.rows() == 0) {
            throw new BadInputException("Spark reads no rows from " + request.location(), "check the location");
        }
        SparkTask task = SparkTask.decide(source, profile, target, request.task());
        SampleSizes sizes = SampleSizes.decide(profile.profile(), target, executorBytes, freeDriverBytes,
                maxDriverBytes);
        long t2 = System.nanoTime();
        Dataset<Row> drawn = StratifiedDraw.plan(source, target, task, profile.rows(), sizes.drawnRows(),
                request.seed());
        Table table = TableCollector.collect(drawn, profile.profile(), tableName(request.location()),
                ZoneId.of(spark.conf().get("spark.sql.session.timeZone")));
        long t3 = System.nanoTime();
        LOG.info("{}: {} rows, {} columns, task {}; profile and task {} s, class counts {} s, drew {} rows in {} s; "
                        + "search at most {} rows ({}); drawn: {}", request.location(), profile.rows(),
                source.kinds().size(), task.task().key(), secs(t1 - t0), secs(t2 - t1), table.rowCount(),
                secs(t3 - t2), sizes.searchRows(), sizes.searchLimit(), sizes.drawnLimit());
        SampledSource sampled = new SampledSource(request.location(), source.format().key(), profile.rows(),
                table.rowCount(), Math.min(sizes.searchRows(), Math.max(1, table.rowCount())), sizes.searchLimit(),
                sizes.drawnLimit());
        List<String> warnings = new ArrayList<>(source.unsupported());
        LoadedData rows = new LoadedData(pathOf(request.location()), table, null, TableCollector.kinds(
                profile.profile()), List.of(), java.util.Map.of(), warnings);
        return new DrawnData(rows, sampled, task.task(), profile.profile());
    }

    /**
     * One executor's memory: spark.executor.memory (Spark's default 1g) on a cluster; 0 with a local master,
     * where the executors are threads of this JVM and share the driver's heap.
     */
    static long executorMemory(SparkSession spark) {
        SparkConf conf = spark.sparkContext().getConf();
        if (spark.sparkContext().isLocal()) return 0;
        return conf.getSizeAsBytes("spark.executor.memory", "1g");
    }

    /** The location as a path for naming the experiment: the path part of a URL, a glob as it is. */
    static Path pathOf(String location) {
        String p = location.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://[^/]*", "");
        try {
            return Path.of(p.isEmpty() ? "data" : p);
        } catch (InvalidPathException e) {
            return Path.of("data");
        }
    }

    private static String tableName(String location) {
        Path p = pathOf(location).getFileName();
        return p == null ? "data" : p.toString();
    }

    private static String secs(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }
}
