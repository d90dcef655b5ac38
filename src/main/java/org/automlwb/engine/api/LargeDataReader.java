package org.automlwb.engine.api;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.automlwb.common.BadInputException;

/**
 * Reads training data larger than the driver's heap through a distributed engine: profiles it and decides the
 * task with distributed aggregates, then draws the rows a run works on. Found with {@link ServiceLoader}, since
 * its one implementation (Spark's, {@code org.automlwb.spark.data}) needs Spark on the classpath, which the
 * desktop jar does not carry: Spark users start the product with {@code spark-submit}.
 */
public interface LargeDataReader extends AutoCloseable {
    /**
     * Reads, profiles and draws.
     *
     * @throws BadInputException one line: a location the engine cannot read (named), a target not in the data,
     *                           executors or a driver without memory for the smallest sample (naming the setting)
     */
    DrawnData read(LargeDataRequest request) throws BadInputException;

    /**
     * Ends what {@link #read} started for the run and the run no longer needs (a Spark session this reader
     * created; one that was running before, spark-submit's, stays). Call it when the run is over.
     */
    @Override
    void close();

    /**
     * The reader on the classpath.
     *
     * @throws BadInputException when none is (Spark is not on the classpath)
     */
    static LargeDataReader installed() throws BadInputException {
        try {
            Iterator<LargeDataReader> it = ServiceLoader.load(LargeDataReader.class).iterator();
            if (it.hasNext()) return it.next();
        } catch (ServiceConfigurationError | LinkageError e) {
            // The implementation is listed but Spark's classes are not there (the desktop jar run with java -jar).
            org.slf4j.LoggerFactory.getLogger(LargeDataReader.class).info("no large-data reader: {}", e.toString(), e);
        }
        throw new BadInputException("reading data through Spark needs Spark on the classpath, and it is not there",
                "start the product with your cluster's spark-submit (README, \"Spark\")");
    }

    /**
     * Whether a location needs the distributed reader: anything but a plain file on this machine, that is a
     * folder, a glob ({@code *?[{}) or a URL with a scheme other than {@code file:}.
     */
    static boolean needsDistributedRead(String location) {
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") && !location.startsWith("file:")) return true;
        if (location.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{')) return true;
        try {
            String plain = location.startsWith("file://") ? location.substring("file://".length()) : location;
            return Files.isDirectory(Path.of(plain));
        } catch (InvalidPathException e) {
            return true;
        }
    }
}
