package org.automlwb.engine.run;

import org.automlwb.common.BadInputException;

/**
 * An executor other than this JVM's threads, found through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services}), so that the engine never names a cluster library: the Spark executor is compiled
 * against a Spark the desktop jar does not carry, and its provider must load without it.
 */
public interface TrialExecutorProvider {
    /** The kind this provider opens. */
    ExecutorKind kind();

    /**
     * Null when the executor can run in this JVM, else one line saying why not and what to do (e.g. "Spark is not
     * on the classpath: run this command through spark-submit (see README)").
     */
    String unavailableReason();

    /**
     * Checks the settings before anything is written: the master URL's form, that the cluster answers, that its
     * version is one this build works with.
     *
     * @throws BadInputException one line, naming the setting to change
     */
    void check(ExecutorSettings settings) throws BadInputException;

    /**
     * Opens an executor for one run; {@link TrialExecutor#close} ends it.
     *
     * @throws BadInputException when the cluster cannot run the run (no executor joins, too little memory for a
     *                           fold), one line naming the setting to change
     */
    TrialExecutor open(ExecutorSetup setup) throws BadInputException;
}
