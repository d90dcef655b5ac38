package org.automlwb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.automlwb.common.BadInputException;
import org.automlwb.common.HeapNeed;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.TaskDetector;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.api.DrawnData;
import org.automlwb.engine.api.LargeDataReader;
import org.automlwb.engine.api.LargeDataRequest;
import org.automlwb.engine.run.ExecutorSettings;
import org.automlwb.engine.run.RunSpec;

/**
 * A run's training data as {@code --data} names it: a file loaded whole, as always, or, with
 * {@code --executor spark}, a location Spark reads (a folder, a glob, {@code hdfs://}, {@code s3a://}, or a file
 * larger than this JVM's heap), profiled on the cluster and drawn into a sample that fits.
 *
 * @param rows   the rows in memory
 * @param source where they were drawn from, or null when they are the whole file
 * @param spec   the run spec, with the task the whole data decided when the drawn rows alone would decide another
 * @param reader the reader that drew the rows, or null for a file loaded whole
 */
record TrainingData(LoadedData rows, SampledSource source, RunSpec spec, LargeDataReader reader)
        implements AutoCloseable {

    /** Ends the reader's Spark session, if it started one, once the run is over. */
    @Override
    public void close() {
        if (reader != null) reader.close();
    }

    /**
     * Loads or draws.
     *
     * @param location {@code --data} as typed (a URL's {@code //} survives only in the text, not in a Path)
     * @param err      where the one line saying what was drawn goes
     * @throws BadInputException one line: a location for Spark without {@code --executor spark}, a location Spark
     *                           cannot read, a target not in the data, executors too small for the sample
     */
    static TrainingData load(String location, RunSpec spec, PrintWriter err) throws BadInputException {
        ExecutorSettings where = spec.executor();
        boolean distributed = LargeDataReader.needsDistributedRead(location);
        if (distributed && where.isLocal()) {
            throw new BadInputException("--data " + location + " is a folder, a glob or a URL, which only Spark reads",
                    "add --executor spark (and --master URL, or run through spark-submit), or give one CSV or "
                            + "Parquet file");
        }
        if (!distributed && (where.isLocal() || fitsTheHeap(location))) {
            return new TrainingData(CsvLoader.load(Path.of(location)), null, spec, null);
        }
        LargeDataReader reader = LargeDataReader.installed();
        DrawnData drawn = reader.read(new LargeDataRequest(location, spec.target(), spec.task(), where.master(),
                spec.seed()));
        SampledSource s = drawn.source();
        err.println(String.format(Locale.ROOT, "read through Spark: %,d rows in %s; drew %,d into memory (%s); the "
                + "search takes at most %,d (%s)", s.totalRows(), s.location(), s.drawnRows(), s.drawnLimit(),
                s.searchRows(), s.searchLimit()));
        err.flush();
        RunSpec decided = spec;
        try {
            if (spec.task() == null && TaskDetector.detect(drawn.rows().table(), spec.target()) != drawn.task()) {
                // An integer target with 25 values whose sample holds 18 of them is still a quantity: the whole
                // data decides, not the sample.
                decided = spec.withTask(drawn.task());
            }
        } catch (BadInputException | RuntimeException e) {
            reader.close();
            throw e;
        }
        return new TrainingData(drawn.rows(), s, decided, reader);
    }

    /** Whether a local file loads whole into this heap with room for its run (the CSV loader's own estimate). */
    private static boolean fitsTheHeap(String location) {
        try {
            Path file = Path.of(location.startsWith("file://") ? location.substring(7) : location);
            return !Files.isRegularFile(file) || HeapNeed.ofRun(Files.size(file)) <= Runtime.getRuntime().maxMemory();
        } catch (IOException | InvalidPathException e) {
            return true; // the loader names what is wrong with it
        }
    }

    /** The task the run will have: forced, or decided by the whole data. */
    TaskType task() { return spec.task(); }
}
