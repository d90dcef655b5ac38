package org.automlwb.spark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkContext$;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.run.ExecutorKind;
import org.automlwb.engine.run.ExecutorSettings;
import org.automlwb.engine.run.ExecutorSetup;
import org.automlwb.engine.run.RunContext;
import org.automlwb.engine.run.TrialExecutor;
import org.automlwb.engine.trial.Pruner;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.TrialTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trials as Spark jobs on a cluster's executors (or {@code local[N]}). The run's {@link RunContext} is broadcast once;
 * each trial is then a job of its own ({@code parallelize(task).map(...).collectAsync()}), so reports come back as
 * each trial ends, in whatever order, exactly as from local threads, and the search, the journal and the
 * leaderboard on the driver do not know the difference.
 *
 * <p>Faults are Spark's to handle where Spark can: a task on a lost worker is retried elsewhere
 * ({@code spark.task.maxFailures}); a job that finally fails is a FAILED trial with one line. What Spark does not
 * know about is the run's clock and its Stop button, so a watchdog on the driver cancels a trial's job a few seconds
 * past the trial's deadline (the trial is TIMEOUT at once, so the budget holds even when an executor hangs), and
 * cancels the run's whole job group when the run is stopped.
 */
public final class SparkTrialExecutor implements TrialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SparkTrialExecutor.class);
    /** How long past its deadline a trial's job may run before the watchdog cancels it: the worker ends it itself. */
    static final Duration DEADLINE_GRACE = Duration.ofSeconds(5);
    /** Spark setting (ours): how long to wait for the first executor before refusing the run. */
    static final String EXECUTOR_WAIT_KEY = "spark.automlwb.executorWaitSeconds";
    private static final int DEFAULT_EXECUTOR_WAIT_SECONDS = 60;
    /** How often the watchdog looks at the cancel token and the deadlines: "promptly" for the Stop button. */
    private static final long WATCH_MILLIS = 200;

    private final JavaSparkContext sc;
    private final boolean ownsContext;
    private final SparkMaster master;
    private final Broadcast<RunContext> context;
    private final Pruner pruner;
    private final CancelToken cancel;
    private final String jobGroup;
    private final int taskCpus;
    private final int defaultExecutorCores;
    private final ExecutorCores executorCores;
    private final Map<Integer, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService watchdog;
    private final ExecutorService waiters;
    private final AtomicBoolean groupCancelled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A trial's job while it runs, and the future the search waits on. */
    private record Running(TrialTask task, JavaFutureAction<List<TrialReport>> job, CompletableFuture<TrialReport> out) { }

    /** The cores of each executor as it registered: Spark's status tracker knows executors but not their cores. */
    private static final class ExecutorCores extends SparkListener {
        private final Map<String, Integer> cores = new ConcurrentHashMap<>();

        @Override
        public void onExecutorAdded(SparkListenerExecutorAdded added) {
            cores.put(added.executorId(), added.executorInfo().totalCores());
        }

        @Override
        public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
            cores.remove(removed.executorId());
            LOG.warn("Spark executor {} is gone ({}): its trials are retried on the others", removed.executorId(),
                    removed.reason());
        }
    }

    private SparkTrialExecutor(JavaSparkContext sc, boolean ownsContext, SparkMaster master, ExecutorSetup setup,
                               ExecutorCores executorCores) {
        this.sc = sc;
        this.ownsContext = ownsContext;
        this.master = master;
        this.pruner = setup.pruner();
        this.cancel = setup.cancel();
        this.jobGroup = "automlwb-" + setup.context().runId();
        this.taskCpus = Math.max(1, sc.getConf().getInt("spark.task.cpus", 1));
        this.defaultExecutorCores = Math.max(1, sc.getConf().getInt("spark.executor.cores", 1));
        this.executorCores = executorCores;
        this.context = sc.broadcast(setup.context());
        AtomicInteger n = new AtomicInteger();
        this.waiters = Executors.newCachedThreadPool(r -> daemon(r, "spark-trial-" + n.incrementAndGet()));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "spark-trial-watchdog"));
        watchdog.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The application name of contexts this product starts: one context serves every run of the process. */
    static final String APP_NAME = "AutoML Workbench";

    /**
     * A context {@link #connect} started and the listener counting its executors' cores, waiting for the run's
     * {@link #open}, which takes it over (and its {@link #close} stops it).
     */
    private record Connection(SparkContext context, ExecutorCores cores, boolean owns) { }

    private static Connection connected;

    /**
     * Connects to the cluster before the run writes anything: creates (or, under spark-submit, takes) the
     * SparkContext, waits a bounded time for an executor and checks the executors' heap against the run's data, so
     * that a cluster that cannot run the run is one line with nothing on disk, and the cluster's start-up is not
     * taken out of the search's budget.
     *
     * @param settings     the master URL (or null for the one spark-submit gave)
     * @param contextBytes about how many bytes the run's context will take on each executor
     * @param foldBytes    about how much memory one prepared fold takes
     * @throws BadInputException one line naming the setting to change
     */
    public static synchronized void connect(ExecutorSettings settings, long contextBytes, long foldBytes)
            throws BadInputException {
        if (connected != null && !connected.context().isStopped()) return;
        SparkConf conf = new SparkConf(true); // spark.* system properties: what spark-submit was given
        if (settings.master() != null) conf.setMaster(settings.master());
        SparkTrialExecutorProvider.checkSettings(conf.getOption("spark.master").getOrElse(() -> null));
        SparkMaster master = SparkMaster.parse(conf.get("spark.master"));
        conf.setAppName(APP_NAME);
        boolean existed = SparkContext$.MODULE$.getActive().isDefined();
        SparkContext created;
        try {
            created = SparkContext.getOrCreate(conf);
        } catch (RuntimeException e) {
            LOG.warn("Spark did not start on {}", master.url(), e);
            throw new BadInputException("Spark could not start on " + master.url() + ": " + oneLine(e),
                    "check the master URL and the spark.* settings given to spark-submit");
        }
        // A context that code under spark-submit made before this run is not ours to stop.
        boolean owns = !existed;
        // Listening from the start: executors register while we wait for the first one.
        ExecutorCores cores = new ExecutorCores();
        created.addSparkListener(cores);
        try {
            if (!master.local()) {
                JavaSparkContext sc = JavaSparkContext.fromSparkContext(created);
                awaitExecutor(sc, master);
                long heap = (long) created.executorMemory() << 20;
                SparkPreflight.checkExecutorMemory(heap, contextBytes, foldBytes);
            }
        } catch (BadInputException | RuntimeException e) {
            created.removeSparkListener(cores);
            if (owns) created.stop();
            throw e;
        }
        connected = new Connection(created, cores, owns);
    }

    /**
     * Opens the executor for one run on the context {@link #connect} started, connecting first if it was not
     * called, and broadcasts the run's context.
     *
     * @param setup the run's executor settings, context, pruner and cancel token
     * @return the executor; close it at the end of the run
     * @throws BadInputException one line when the cluster cannot run this run
     */
    public static SparkTrialExecutor open(ExecutorSetup setup) throws BadInputException {
        Connection c;
        synchronized (SparkTrialExecutor.class) {
            connect(setup.settings(), setup.context().bytes(), setup.foldBytes());
            c = connected;
            connected = null; // this run's executor owns it now
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(c.context());
        SparkMaster master = SparkMaster.parse(c.context().master());
        SparkTrialExecutor executor = new SparkTrialExecutor(sc, c.owns(), master, setup, c.cores());
        LOG.info("trials run as Spark jobs on {} (Spark {}, application {}), {} cores", master.url(),
                c.context().version(), c.context().applicationId(), executor.cores());
        return executor;
    }

    /**
     * The cores trials may use in all: each executor's cores (as it registered) divided by {@code spark.task.cpus},
     * summed; for {@code local[N]}, N. Read anew each time, so a lost worker's cores stop counting.
     */
    @Override
    public int cores() {
        if (master.local()) return localCores(master.url());
        int slots = executorCores.cores.values().stream().mapToInt(c -> Math.max(1, c / taskCpus)).sum();
        // Executors the listener missed (a context spark-submit's code had before this run) count with
        // spark.executor.cores; the status tracker lists the driver too.
        int missed = sc.statusTracker().getExecutorInfos().length - 1 - executorCores.cores.size();
        if (missed > 0) slots += missed * Math.max(1, defaultExecutorCores / taskCpus);
        return Math.max(1, slots);
    }

    /** What one Spark task is given, {@code spark.task.cpus}: a trial runs in one task. */
    @Override
    public int coresPerTrial() {
        return taskCpus;
    }

    @Override
    public String describe() {
        return ExecutorKind.SPARK.key() + " (" + master.url() + ")";
    }

    /**
     * Starts the trial as a Spark job of its own in the run's job group. A trial asks for more cores than a Spark task
     * has ({@code spark.task.cpus}) runs with the task's: Spark reserved no more for it, so more native threads would
     * only crowd the executor's other tasks.
     */
    @Override
    public CompletableFuture<TrialReport> submit(TrialTask task) {
        CompletableFuture<TrialReport> out = new CompletableFuture<>();
        if (closed.get() || cancel.isCancelled()) {
            out.complete(cancelled(task));
            return out;
        }
        TrialTask sent = task.cores() > taskCpus
                ? new TrialTask(task.runId(), task.spec(), task.deadlineEpochMillis(), taskCpus) : task;
        JavaFutureAction<List<TrialReport>> job;
        try {
            // Local properties of this thread, read when the job is submitted: the group lets Stop cancel every
            // trial of the run at once, and interruptOnCancel lets Spark interrupt the tasks it kills.
            sc.setJobGroup(jobGroup, "trial " + task.spec().trialId() + " (" + task.spec().algorithm() + ")", true);
            job = sc.parallelize(List.of(sent), 1).map(new TrialOnExecutor(context, pruner.snapshot())).collectAsync();
        } catch (RuntimeException e) {
            LOG.warn("trial {} could not be submitted to Spark", task.spec().trialId(), e);
            out.complete(failed(task, "could not be submitted to Spark: " + oneLine(e)));
            return out;
        }
        Running r = new Running(task, job, out);
        running.put(task.spec().trialId(), r);
        waiters.execute(() -> await(r));
        return out;
    }

    /** Waits for a trial's job on a thread of its own and completes the trial's future with what came back. */
    private void await(Running r) {
        TrialReport report;
        try {
            List<TrialReport> reports = r.job().get();
            report = reports.get(0);
            // The losses the worker's copy of the pruner saw, recorded in the real one for the trials still to come.
            for (TrialReport.RungLoss loss : report.rungLosses()) {
                pruner.report(r.task().spec().trialId(), loss.rung(), loss.loss());
            }
        } catch (CancellationException e) {
            report = cancelled(r.task());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report = cancelled(r.task());
        } catch (ExecutionException e) {
            if (cancel.isCancelled() || closed.get()) {
                report = cancelled(r.task());
            } else {
                LOG.warn("trial {} failed on Spark", r.task().spec().trialId(), e.getCause());
                report = failed(r.task(), "failed on Spark: " + oneLine(e.getCause()));
            }
        } finally {
            running.remove(r.task().spec().trialId());
        }
        r.out().complete(report); // no effect when the watchdog has already ended the trial
    }

    /** The watchdog: the run's Stop button, and trials whose job runs on past their deadline. */
    private void watch() {
        try {
            if (cancel.isCancelled()) {
                if (groupCancelled.compareAndSet(false, true)) {
                    LOG.info("run stopped: cancelling Spark job group {}", jobGroup);
                    sc.cancelJobGroup(jobGroup);
                }
                running.values().forEach(r -> r.out().complete(cancelled(r.task())));
                return;
            }
            long now = System.currentTimeMillis();
            for (Running r : running.values()) {
                long late = now - r.task().deadlineEpochMillis();
                if (late > DEADLINE_GRACE.toMillis() && !r.out().isDone()) {
                    LOG.warn("trial {} still runs {} s past its deadline: its Spark job is cancelled",
                            r.task().spec().trialId(), late / 1000);
                    r.out().complete(TrialReport.of(TrialResult.unscored(r.task().spec(), TrialStatus.TIMEOUT, 0,
                            String.format(Locale.ROOT, "still running on Spark %d s past its deadline: cancelled",
                                    late / 1000), 0), ExecutorKind.SPARK.key()));
                    r.job().cancel(true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Spark trial watchdog", e); // keep watching: a scheduled task that throws is never run again
        }
    }

    /**
     * Cancels what still runs of this run and stops the SparkContext if this executor created it (under
     * spark-submit with a context of its own, that one is left running).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        watchdog.shutdownNow();
        try {
            if (!running.isEmpty()) sc.cancelJobGroup(jobGroup);
            running.values().forEach(r -> r.out().complete(cancelled(r.task())));
            sc.sc().removeSparkListener(executorCores);
            context.destroy();
        } catch (RuntimeException e) {
            LOG.warn("closing the Spark executor", e);
        } finally {
            waiters.shutdownNow();
            if (ownsContext) sc.stop();
        }
    }

    private static void awaitExecutor(JavaSparkContext sc, SparkMaster master) throws BadInputException {
        int seconds = sc.getConf().getInt(EXECUTOR_WAIT_KEY, DEFAULT_EXECUTOR_WAIT_SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - deadline < 0) {
            if (sc.statusTracker().getExecutorInfos().length > 1) return; // the driver is listed too
            if (sc.sc().isStopped()) break; // the master refused the application
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new BadInputException("no Spark executor joined within " + seconds + " s on " + master.url(),
                "check that the cluster has a free worker with spark.executor.memory ("
                        + sc.getConf().get("spark.executor.memory", "1g") + ") and a core to spare (the master's web "
                        + "UI lists them), or lower spark.executor.memory");
    }

    private static int localCores(String url) {
        int open = url.indexOf('[');
        if (open < 0) return 1;
        String n = url.substring(open + 1, url.length() - 1).split(",")[0];
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }

    private static TrialReport cancelled(TrialTask task) {
        return TrialReport.of(TrialResult.unscored(task.spec(), TrialStatus.CANCELLED, 0, null, 0),
                ExecutorKind.SPARK.key());
    }

    private static TrialReport failed(TrialTask task, String why) {
        return TrialReport.of(TrialResult.unscored(task.spec(), TrialStatus.FAILED, 0, why, 0),
                ExecutorKind.SPARK.key());
    }

    /**
     * The first line of a Spark failure, without the "Job aborted due to stage failure" preamble: e.g. "Task 0 in
     * stage 3.0 failed 4 times, most recent failure: Lost task 0.3 ... (executor 1): ExecutorLostFailure ...".
     */
    static String oneLine(Throwable e) {
        String m = e == null ? null : e.getMessage();
        if (m == null || m.isBlank()) return e == null ? "unknown error" : e.getClass().getSimpleName();
        String line = m.strip().split("\\R", 2)[0].replace("Job aborted due to stage failure: ", "");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
