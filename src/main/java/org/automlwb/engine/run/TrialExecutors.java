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
