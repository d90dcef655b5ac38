package org.automlwb.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code run} in a child JVM with options {@link JvmSizing} chose, when the user chose no heap size: the
 * JVM's defaults let G1 commit several times the heap a run keeps alive, and a running JVM cannot change its
 * collector.
 *
 * <p>The child is this program again (same java, class path, JVM options and arguments) plus the sizing options
 * and {@code -Dautomlwb.parent.pid}. It shares the terminal: stdin, stdout and stderr are inherited, and the
 * parent returns the child's exit code. Ctrl+C reaches both (one process group): the child stops as
 * {@link StopOnInterrupt} says (refit the best model, write the experiment) and the parent waits for it, then
 * exits with its code. A SIGTERM to the parent alone is passed on to the child. If the parent dies without a
 * chance to say so (SIGKILL), the child notices within a second ({@link #watchParent}) and stops the same way,
 * so no orphan runs on.
 *
 * <p>The parent loads nothing but this class and {@link JvmSizing}: no logging, no picocli, no data. Under
 * spark-submit nothing is relaunched ({@link #underSparkSubmit}).
 */
public final class Relaunch {
    /** The pid of the parent that launched this JVM, set on the child's command line. */
    public static final String PARENT_PID_PROPERTY = "automlwb.parent.pid";
    /** Longer than {@link StopOnInterrupt}'s grace: the parent outwaits the child's refit. */
    static final long CHILD_GRACE_SECONDS = 75;
    private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

    private Relaunch() { }

    /**
     * When this JVM should hand {@code args} to a sized child, does so and returns the child's exit code; empty
     * when this JVM should run the command itself (not {@code run}, help, the user set the heap, already sized,
     * or the child could not be started).
     */
    public static OptionalInt runInSizedChild(String[] args) {
        if (!wanted(args, JvmSizing.alreadySized(),
                Boolean.getBoolean("automlwb.noRelaunch") || underSparkSubmit(System.getProperties()))) {
            return OptionalInt.empty();
        }
        List<String> jvm = JvmSizing.currentOptions();
        // A debugger's agent would clash over its port in the child: one debugged process stays one process.
        if (jvm.stream().anyMatch(o -> o.startsWith("-agentlib:jdwp") || o.startsWith("-Xrunjdwp"))) {
            return OptionalInt.empty();
        }
        List<String> sizing = JvmSizing.optionsFor(jvm, JvmSizing.sizeOf(dataFiles(args)),
                JvmSizing.physicalMemory());
        if (sizing.isEmpty()) return OptionalInt.empty();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) return OptionalInt.empty(); // a runtime image without a java launcher
        List<String> cmd = command(java.toString(),
                new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments()),
                sizing, ProcessHandle.current().pid(), System.getProperty("java.class.path"), args);
        try {
            return OptionalInt.of(runChild(cmd));
        } catch (IOException e) {
            System.err.println("note: could not start a sized JVM (" + e.getMessage() + "); running in this one");
            return OptionalInt.empty();
        }
    }

    /**
     * Whether this JVM is a driver that spark-submit started (SparkSubmit copies its settings, {@code spark.master}
     * among them, into the system properties before it calls our main). Such a JVM is never relaunched: its heap is
     * Spark's to size ({@code --driver-memory}), and its class path is Spark's jars alone (the application jar sits
     * in a class loader of SparkSubmit's), so a child started with {@code java.class.path} would not even find
     * this program.
     */
    static boolean underSparkSubmit(java.util.Properties system) {
        return system.getProperty("spark.master") != null;
    }

    /** Whether {@code args} is a command to relaunch: {@code run}, not asking for help, in an unsized JVM. */
    static boolean wanted(String[] args, boolean alreadySized, boolean disabled) {
        if (alreadySized || disabled || args.length == 0 || !"run".equals(args[0])) return false;
        for (String a : args) if (HELP.contains(a)) return false;
        return true;
    }

    /** The data files a {@code run} command line names ({@code --data}, {@code --test}, either form). */
    static Path[] dataFiles(String[] args) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            for (String option : List.of("--data", "--test")) {
                if (args[i].equals(option) && i + 1 < args.length) out.add(Path.of(args[i + 1]));
                else if (args[i].startsWith(option + "=")) out.add(Path.of(args[i].substring(option.length() + 1)));
            }
        }
        return out.toArray(Path[]::new);
    }

    /** The child's command line: java, the parent's JVM options, the sizing, the parent pid, class path, args. */
    static List<String> command(String java, List<String> jvmOptions, List<String> sizing, long parentPid,
                                String classPath, String[] args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.addAll(sizing);
        cmd.add("-D" + PARENT_PID_PROPERTY + "=" + parentPid);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add("org.automlwb.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts the command with this process's stdin, stdout and stderr, waits for it and returns its exit code.
     * While it runs, a shutdown of this JVM (Ctrl+C, SIGTERM, SIGHUP) passes SIGTERM on to the child, waits up to
     * {@link #CHILD_GRACE_SECONDS} for it to stop, and halts with the child's exit code.
     */
    static int runChild(List<String> cmd) throws IOException {
        Process child = new ProcessBuilder(cmd).inheritIO().start();
        Thread hook = new Thread(() -> Runtime.getRuntime().halt(stop(child)), "stop-child");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = child.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = stop(child);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it halts with the child's code
        }
        return code;
    }

    /** Asks the child to stop (SIGTERM), waits for it, kills it if it outstays the grace; its exit code. */
    static int stop(Process child) {
        if (child.isAlive()) child.destroy();
        try {
            if (!child.waitFor(CHILD_GRACE_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            child.destroyForcibly();
        }
        return child.isAlive() ? 130 : child.exitValue();
    }

    /**
     * In a child started by a relaunching parent (or by {@code bench}): a daemon thread that checks every second
     * that the parent is alive and, once it is not, exits this JVM (exit code 1), which runs the shutdown hooks
     * ({@link StopOnInterrupt} finishes a run as on Ctrl+C). Does nothing in a JVM that has no parent pid set.
     */
    public static void watchParent() {
        String pid = System.getProperty(PARENT_PID_PROPERTY);
        if (pid == null || pid.isBlank()) return;
        Optional<ProcessHandle> parent;
        try {
            parent = ProcessHandle.of(Long.parseLong(pid.trim()));
        } catch (NumberFormatException e) {
            return;
        }
        if (parent.isEmpty()) {
            System.exit(Cli.INTERNAL_ERROR);
            return;
        }
        ProcessHandle p = parent.get();
        Thread t = new Thread(() -> {
            try {
                while (p.isAlive()) Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("the process that started this run ended; stopping");
            System.exit(Cli.INTERNAL_ERROR);
        }, "parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
