package org.automlwb.spark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import org.automlwb.common.BadInputException;

/**
 * The checks a run on Spark makes before it writes anything, each failing with one line that says what to do.
 * They are plain functions of what they check, so each is tested on its own; {@link SparkTrialExecutor} calls them
 * with what it finds at run time.
 */
public final class SparkPreflight {
    /** The Spark release line the product is compiled and tested against (pom.xml: spark.version 4.2.0). */
    public static final String BUILT_FOR_SPARK = "4.2";
    /** The Scala binary version of the Spark artifacts the product is built with ({@code _2.13}). */
    public static final String BUILT_FOR_SCALA = "2.13";
    /** Spark keeps this much of every executor heap for itself (its "reserved memory"). */
    static final long SPARK_RESERVED_BYTES = 300L << 20;
    /** Heap a trial holds beyond its data: classes, Tribuo's and XGBoost's Java side, buffers. */
    static final long TRIAL_BASE_BYTES = 64L << 20;
    private static final long MB = 1L << 20;

    private SparkPreflight() { }

    /**
     * Checks that the Spark on the classpath is the release line the product was built for: Spark's internal
     * APIs and its Scala binary version change between minor releases, and a mismatch fails later with a
     * {@code NoSuchMethodError} in the middle of a run.
     *
     * @param sparkVersion the running Spark's version, e.g. {@code 4.2.0}
     * @param scalaVersion the running Scala library's version, e.g. {@code 2.13.18}
     * @throws BadInputException when either is another line than {@link #BUILT_FOR_SPARK} / {@link #BUILT_FOR_SCALA}
     */
    public static void checkVersions(String sparkVersion, String scalaVersion) throws BadInputException {
        if (!sameLine(sparkVersion, BUILT_FOR_SPARK) || !sameLine(scalaVersion, BUILT_FOR_SCALA)) {
            throw new BadInputException("this is Spark " + sparkVersion + " with Scala " + scalaVersion
                    + ", but AutoML Workbench is built for Spark " + BUILT_FOR_SPARK + ".x with Scala " + BUILT_FOR_SCALA,
                    "run it with the spark-submit of a Spark " + BUILT_FOR_SPARK + " (Scala " + BUILT_FOR_SCALA
                            + ") installation");
        }
    }

    /**
     * Checks that a standalone master accepts a TCP connection, so that an unreachable cluster is one line at the
     * start and not a SparkContext that retries for minutes. Other kinds of master are not checked here.
     *
     * @param master  the parsed master
     * @param timeout how long one connection attempt may take
     * @throws BadInputException when no host of a standalone master accepts a connection
     */
    public static void checkReachable(SparkMaster master, Duration timeout) throws BadInputException {
        if (master.kind() != SparkMaster.Kind.STANDALONE) return;
        String why = "";
        for (InetSocketAddress host : master.hosts()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host.getHostString(), host.getPort()), (int) timeout.toMillis());
                return;
            } catch (UnknownHostException e) {
                why = "unknown host " + host.getHostString();
            } catch (ConnectException e) {
                why = "connection refused";
            } catch (SocketTimeoutException e) {
                why = "no answer in " + timeout.toSeconds() + " s";
            } catch (IOException e) {
                why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            } catch (IllegalArgumentException e) {
                why = "unknown host " + host.getHostString();
            }
        }
        throw new BadInputException("the Spark master " + master.url() + " is not reachable (" + why + ")",
                "check that the master is running and that host and port are right (standalone default: 7077)");
    }

    /**
     * The heap one executor needs to run a trial: Spark's reserved share, the trial's base, the run's rows twice
     * (the broadcast bytes and the table rebuilt from them) and one prepared fold twice (its matrix and Tribuo's
     * copy of it).
     *
     * @param contextBytes size of the run context's packed rows
     * @param foldBytes    about how much one prepared fold takes
     * @return the executor heap needed, in bytes
     */
    public static long executorHeapNeed(long contextBytes, long foldBytes) {
        return SPARK_RESERVED_BYTES + TRIAL_BASE_BYTES + 2 * Math.max(0, contextBytes) + 2 * Math.max(0, foldBytes);
    }

    /**
     * Checks that executors have the heap one trial needs, so that a run does not start only to have every trial
     * die with an OutOfMemoryError on the workers.
     *
     * @param executorHeapBytes the executors' heap (spark.executor.memory)
     * @param contextBytes      size of the run context's packed rows
     * @param foldBytes         about how much one prepared fold takes
     * @throws BadInputException when the heap is less than {@link #executorHeapNeed}; names the setting to raise
     */
    public static void checkExecutorMemory(long executorHeapBytes, long contextBytes, long foldBytes)
            throws BadInputException {
        long need = executorHeapNeed(contextBytes, foldBytes);
        if (executorHeapBytes >= need) return;
        long suggestMb = (need + 255 * MB) / (256 * MB) * 256; // the next 256 MB step
        throw new BadInputException(String.format(Locale.ROOT,
                "Spark executors have %d MB of heap (spark.executor.memory), but one trial on this data needs about "
                        + "%d MB (%.1f MB of rows, %.1f MB per prepared fold)", executorHeapBytes / MB, need / MB,
                        contextBytes / (double) MB, foldBytes / (double) MB),
                "raise spark.executor.memory to at least " + suggestMb + "m (spark-submit --conf spark.executor.memory="
                        + suggestMb + "m)");
    }

    /** "4.2.0" is on the line "4.2"; "2.13.18" on "2.13"; "4.20.1" is not on "4.2". */
    private static boolean sameLine(String version, String line) {
        return version != null && (version.equals(line) || version.startsWith(line + "."));
    }
}
