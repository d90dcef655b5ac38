package org.automlwb.engine.algo.lightgbm;

import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether LightGBM's native library works on this machine: checked once per JVM, thread-safe, never throws.
 * The catalogue skips LightGBM with the one-line {@link #unavailableReason()} and the run goes on.
 *
 * <p>The check loads the library and trains and predicts a 6-row model through the same calls a fit uses, so
 * a missing {@code libgomp} (Linux), Homebrew {@code libomp} (macOS), a glibc older than 2.29, an unsupported
 * CPU, or a library that loads but does not link all end here as a reason, not later as a failed trial.
 *
 * <p>lightgbm4j extracts its two libraries to fixed names in {@code java.io.tmpdir}
 * ({@code /tmp/lib_lightgbm.so}), overwriting them in place on every start. That file is shared by every
 * process and user of the machine: a second JVM truncating it while the first has it mapped can crash the
 * first (SIGBUS), and a file left by another user makes the load fail for everyone else. So the first load
 * points {@code java.io.tmpdir} at a fresh private directory for the moment lightgbm4j extracts and loads,
 * then restores it (the JDK's temp-file helpers have read the property before: they are unaffected), and deletes
 * the extracted files once loaded (not possible on Windows, where they stay in that directory). With the
 * environment variable {@code LIGHTGBM_NATIVE_LIB_PATH} set, lightgbm4j loads from there and nothing is
 * extracted. Code that touches lightgbm4j's classes before this check gets the shared-file behaviour.
 */
public final class LightGbmNative {
    private static final Logger LOG = LoggerFactory.getLogger(LightGbmNative.class);
    private static final Object LOCK = new Object();
    private static volatile Optional<String> status;

    private LightGbmNative() {}

    /** Empty when LightGBM works here; otherwise one line saying why not. The first call does the check. */
    public static Optional<String> unavailableReason() {
        Optional<String> s = status;
        if (s == null) {
            synchronized (LOCK) {
                s = status;
                if (s == null) {
                    s = check(LightGbmNative::loadAndTry, platform());
                    s.ifPresentOrElse(reason -> LOG.info("{}", reason), () -> LOG.debug("LightGBM native library loaded"));
                    status = s;
                }
            }
        }
        return s;
    }

    public static boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    /** @throws LightGbmException with the one-line reason when LightGBM does not work here */
    static void requireAvailable() {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) throw new LightGbmException(reason.get());
    }

    /** What loading does; a seam for tests, which cannot break the real library. */
    @FunctionalInterface
    interface Loader {
        void load() throws Throwable;
    }

    /** Runs {@code loader}; any {@link Throwable} (link errors, I/O, class init) becomes the one-line reason. */
    static Optional<String> check(Loader loader, String platform) {
        try {
            loader.load();
            return Optional.empty();
        } catch (Throwable t) {
            if (t instanceof InterruptedException) Thread.currentThread().interrupt();
            return Optional.of(describe(platform, t));
        }
    }

    static String describe(String platform, Throwable t) {
        Throwable root = t;
        while ((root instanceof ExceptionInInitializerError || root instanceof InvocationTargetException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            message = root.getClass().getSimpleName();
        } else {
            message = message.strip();
            int newline = message.indexOf('\n');
            if (newline >= 0) message = message.substring(0, newline).strip();
            if (!(root instanceof Reason)) message = root.getClass().getSimpleName() + ": " + message;
        }
        if (message.length() > 300) message = message.substring(0, 300) + "...";
        return "LightGBM's native library does not load on this platform (" + platform + "): " + message;
    }

    /** "linux/x86_64", "mac os x/aarch64", "windows 11/amd64". */
    static String platform() {
        String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "unknown").toLowerCase(Locale.ROOT);
        if (arch.equals("amd64")) arch = "x86_64";
        return os + "/" + arch;
    }

    /** A reason found by this class itself (not an exception from the JVM or lightgbm4j): printed as is. */
    static final class Reason extends Exception {
        Reason(String message) { super(message, null, false, false); }
    }

    private static void loadAndTry() throws Exception {
        String override = System.getenv("LIGHTGBM_NATIVE_LIB_PATH");
        Path dir = null;
        if (override == null) {
            // Both JDK temp-file helpers read java.io.tmpdir once, on first use: use them now, before the swap,
            // so no other thread's first temp file can land in (and be deleted with) the private folder.
            Files.deleteIfExists(java.io.File.createTempFile("automlwb-lightgbm-", ".probe").toPath());
            dir = Files.createTempDirectory("automlwb-lightgbm-");
        }
        String tmp = System.getProperty("java.io.tmpdir");
        try {
            if (dir != null) System.setProperty("java.io.tmpdir", dir.toString());
            try {
                LGBMBooster.loadNative(); // initialises the class, which extracts and loads (Linux swallows link errors)
            } finally {
                System.setProperty("java.io.tmpdir", tmp);
            }
            if (!LGBMBooster.isNativeLoaded()) {
                throw new Reason(whyNotLoaded(dir != null ? dir : Path.of(override), dir == null));
            }
        } finally {
            if (dir != null) deleteExtracted(dir);
        }
        tryOnce();
    }

    /** lightgbm4j logs, but does not throw, a failed load on Linux; load the extracted file again to learn why. */
    private static String whyNotLoaded(Path dir, boolean fromEnvironment) {
        String platform = platform();
        boolean known = platform.startsWith("linux/") || platform.startsWith("mac") || platform.startsWith("windows");
        boolean arch = platform.endsWith("/x86_64") || platform.endsWith("/aarch64") || platform.endsWith("/arm64");
        if (!known || !arch || (platform.startsWith("windows") && !platform.endsWith("/x86_64"))) {
            return "lightgbm4j 4.3.0-1 has no native library for " + platform;
        }
        String suffix = platform.startsWith("mac") ? ".dylib" : platform.startsWith("windows") ? ".dll" : ".so";
        for (String name : new String[] {"lib_lightgbm" + suffix, "lib_lightgbm_swig" + suffix}) {
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                return fromEnvironment ? "LIGHTGBM_NATIVE_LIB_PATH is set but " + lib + " does not exist"
                        : "lightgbm4j did not extract " + name + " into " + dir;
            }
            try {
                System.load(lib.toString());
            } catch (UnsatisfiedLinkError e) {
                String m = e.getMessage() == null ? "UnsatisfiedLinkError" : e.getMessage().strip();
                return m + (m.contains("GLIBC") ? " (LightGBM needs glibc 2.29 or newer)" : "")
                        + (m.contains("libgomp") ? " (install libgomp1, the GNU OpenMP runtime)" : "")
                        + (m.contains("libomp") ? " (install Homebrew's libomp: brew install libomp)" : "");
            }
        }
        return "lightgbm4j reports its native library as not loaded";
    }

    private static void deleteExtracted(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Windows keeps loaded DLLs open: they stay in this private directory.
            LOG.debug("could not delete the extracted LightGBM library in {}: {}", dir, e.toString());
            dir.toFile().deleteOnExit();
        }
    }

    /** Trains one round on 6 rows and predicts them: every native entry point a fit needs has linked. */
    private static void tryOnce() throws InterruptedException {
        double[] values = {0, 1, 1, 0, 2, 1, 3, 0, 4, 1, 5, 0};
        DenseRows x = DenseRows.rowMajor(values, 6, 2);
        double[] y = {0, 0, 0, 1, 1, 1};
        String params = "objective=binary num_threads=1 verbosity=-1 min_data_in_leaf=1 min_data_in_bin=1 "
                + "min_sum_hessian_in_leaf=0 deterministic=true force_col_wise=true";
        try (NativeThreads.Permit ignored = NativeThreads.enter(1);
             NativeDataset data = NativeDataset.create(x, params, null)) {
            data.setLabels(y);
            try (NativeBooster booster = NativeBooster.create(data, params)) {
                booster.updateOneIter();
                double[] p = booster.predictAll(x, -1, 1, NativeBooster.predictParameters(1));
                if (p.length != 6 || !(p[5] > p[0])) {
                    throw new LightGbmException("LightGBM loaded but a 6-row test fit predicted nonsense");
                }
            }
        }
    }
}
