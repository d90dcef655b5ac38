package org.automlwb.engine.run;

import java.util.Optional;
import java.util.ServiceLoader;
import org.automlwb.common.BadInputException;

/** The executors this build has: local threads always, others through their {@link TrialExecutorProvider}. */
public final class TrialExecutors {
    private TrialExecutors() { }

    /** The provider of a kind other than local, if this build has one. */
    public static Optional<TrialExecutorProvider> provider(ExecutorKind kind) {
        for (TrialExecutorProvider p : ServiceLoader.load(TrialExecutorProvider.class,
                TrialExecutors.class.getClassLoader())) {
            if (p.kind() == kind) return Optional.of(p);
        }
        return Optional.empty();
    }

    /**
     * Checks that trials can run where the settings say, before anything is written. Local threads always can.
     *
     * @throws BadInputException one line: the executor is missing from this build or this JVM, or its settings are
     *                           wrong
     */
    public static void check(ExecutorSettings settings) throws BadInputException {
        if (settings.isLocal()) return;
        available(settings.kind()).check(settings);
    }

    /**
     * Connects to where the trials of a prepared run will go, before anything is written (see
     * {@link TrialExecutorProvider#connect}). Local threads need nothing.
     *
     * @throws BadInputException one line naming the setting to change
     */
    public static void connect(PreparedRun p) throws BadInputException {
        ExecutorSettings settings = p.spec().executor();
        if (settings.isLocal()) return;
        // The packed rows are about a double per cell before compression: an upper bound is what a check wants.
        long contextBytes = (long) p.searched().rows() * p.searched().table().columnCount() * Double.BYTES;
        available(settings.kind()).connect(settings, contextBytes, foldBytes(p));
    }

    /** About how much memory one prepared fold takes: its rows as doubles, in one or two encodings. */
    static long foldBytes(PreparedRun p) {
        return (long) p.searched().rows() * Math.max(1, p.shape().features()) * Double.BYTES * 2;
    }

    /**
     * Opens an executor other than local threads for one run.
     *
     * @throws BadInputException as {@link #check}, or when the cluster cannot run this run
     */
    public static TrialExecutor open(ExecutorSetup setup) throws BadInputException {
        if (setup.settings().isLocal()) throw new IllegalArgumentException("local threads need no provider");
        return available(setup.settings().kind()).open(setup);
    }

    private static TrialExecutorProvider available(ExecutorKind kind) throws BadInputException {
        TrialExecutorProvider p = provider(kind).orElseThrow(() -> new BadInputException(
                "this build has no " + kind.key() + " executor", "use --executor local"));
        String why = p.unavailableReason();
        if (why != null) throw new BadInputException(why, "use --executor local to run on this computer");
        return p;
    }
}
