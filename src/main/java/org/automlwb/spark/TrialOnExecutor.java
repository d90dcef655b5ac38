package org.automlwb.spark;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.run.RunContext;
import org.automlwb.engine.run.TrialWork;
import org.automlwb.engine.trial.Pruner;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialTask;

/**
 * What a Spark task does with a {@link TrialTask}, on the executor: reads the run's context from its broadcast
 * (fetched once per executor JVM; {@link TrialWork} keeps the fold data it rebuilds from it for the run's later
 * tasks), runs the trial against the pruner snapshot that came with it, and names the executor in the report.
 *
 * <p>A Spark job cancelled with interruptOnCancel interrupts the task's thread, but a fit inside it does not
 * look at interrupts; the trial stops at its {@link CancelToken} instead, which a watcher sets as soon as Spark
 * marks the task killed.
 */
final class TrialOnExecutor implements Function<TrialTask, TrialReport> {
    private static final long serialVersionUID = 1L;
    /** One watcher thread per executor JVM for every running trial's kill flag: daemon, so it never holds the JVM. */
    private static final ScheduledExecutorService WATCHER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "automlwb-trial-kill-watcher");
        t.setDaemon(true);
        return t;
    });

    private final Broadcast<RunContext> context;
    private final Pruner pruner;

    /**
     * @param context the run's context, broadcast once for the whole run
     * @param pruner  the driver's pruner as it was when the trial was sent ({@link Pruner#snapshot})
     */
    TrialOnExecutor(Broadcast<RunContext> context, Pruner pruner) {
        this.context = context;
        this.pruner = pruner;
    }

    @Override
    public TrialReport call(TrialTask task) {
        CancelToken cancel = new CancelToken();
        TaskContext spark = TaskContext.get();
        ScheduledFuture<?> watch = spark == null ? null : WATCHER.scheduleWithFixedDelay(() -> {
            if (spark.isInterrupted() || spark.isCompleted()) cancel.cancel();
        }, 100, 100, TimeUnit.MILLISECONDS);
        try {
            return TrialWork.runSent(context.value(), task, pruner, cancel, executorName());
        } finally {
            if (watch != null) watch.cancel(false);
        }
    }

    /** {@code executor 1 @ 10.0.0.5}: Spark's executor id and the host it runs on, as the journal records it. */
    static String executorName() {
        SparkEnv env = SparkEnv.get();
        if (env == null) return "spark";
        return "executor " + env.executorId() + " @ " + env.blockManager().blockManagerId().host();
    }
}
