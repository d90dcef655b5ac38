package org.automlwb.engine.python;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a Python whose {@code import sklearn} works, in this order: the {@code automlwb.python} system property,
 * {@code python3} on the PATH, {@code /usr/bin/python3} (Debian's, where {@code python3-sklearn} installs). Each
 * candidate runs the script's {@code check}; the first with scikit-learn wins. The answer is kept for the life of
 * the program: the check starts an interpreter and imports scikit-learn (about a second).
 */
public final class PythonLocator {
    /** The system property that names the interpreter to use. */
    public static final String PROPERTY = "automlwb.python";
    private static final Logger LOG = LoggerFactory.getLogger(PythonLocator.class);
    private static final long CHECK_TIMEOUT_MILLIS = 60_000;
    private static Lookup cached;

    private PythonLocator() { }

    /**
     * What the search found.
     *
     * @param runtime the Python to use, or null
     * @param problem when none was found: one line saying what was tried and what to install
     */
    public record Lookup(PythonRuntime runtime, String problem) {
        /** Whether a Python with scikit-learn was found. */
        public boolean found() { return runtime != null; }

        /**
         * Why {@code kind} cannot run here, in one line with what to install, or null when it can.
         */
        public String whyNot(PythonEngineKind kind) {
            if (runtime == null) return problem;
            if (runtime.supports(kind)) return null;
            return "the " + kind.key() + " engine is not available: auto-sklearn does not import in "
                    + runtime.executable() + "; " + PythonRuntime.AUTO_SKLEARN_HINT;
        }
    }

    /** The Python to use (looked for once per program). */
    public static synchronized Lookup find() {
        if (cached != null) return cached;
        Lookup found = search(candidates());
        // An answer cut short by an interrupt (a view closed, a run stopped) says nothing about this machine: it is
        // not kept, or every later check in this program would repeat it.
        if (found.found() || !Thread.currentThread().isInterrupted()) cached = found;
        return found;
    }

    /** Forgets the answer, so the next {@link #find} looks again (after the user installed something). */
    public static synchronized void forget() {
        cached = null;
    }

    /** The interpreters to try, in order, without repeats. */
    static List<String> candidates() {
        Set<String> out = new LinkedHashSet<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) out.add(property.trim());
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) continue;
                Path p = Path.of(dir, "python3");
                if (Files.isExecutable(p)) {
                    out.add(p.toString());
                    break;
                }
            }
        }
        out.add("/usr/bin/python3");
        return new ArrayList<>(out);
    }

    /** Tries each candidate in turn. */
    static Lookup search(List<String> candidates) {
        List<String> tried = new ArrayList<>();
        for (String python : candidates) {
            String why = null;
            try {
                PythonRuntime rt = check(python);
                if (rt != null) {
                    LOG.info("Python engine: {}", rt.describe());
                    return new Lookup(rt, null);
                }
                why = "no scikit-learn";
            } catch (IOException | RuntimeException e) {
                why = e.getMessage();
            }
            LOG.info("Python engine: {} is not usable: {}", python, why);
            tried.add(python + " (" + why + ")");
        }
        return new Lookup(null, "no Python with scikit-learn was found (tried " + String.join(", ", tried)
                + "): install python3-sklearn (Debian/Ubuntu: apt-get install python3-sklearn), or name a Python "
                + "that has it with -D" + PROPERTY + "=PATH");
    }

    /** Runs {@code check} in one interpreter: its runtime when scikit-learn imports, else null. */
    static PythonRuntime check(String python) throws IOException {
        if (python.contains(File.separator) && !Files.isExecutable(Path.of(python))) {
            throw new IOException("not found");
        }
        PythonProcess.Finished f = PythonProcess.runToEnd(python, List.of("check"), CHECK_TIMEOUT_MILLIS);
        for (String line : f.lines()) {
            if (EngineMessage.parse(line) instanceof EngineMessage.Check c) {
                JsonNode v = c.versions();
                if (v.path("sklearn").isNull() || v.path("sklearn").isMissingNode()) return null;
                return new PythonRuntime(python, v.path("python").asText(), v.path("sklearn").asText(),
                        v.path("auto_sklearn").isTextual() ? v.get("auto_sklearn").asText() : null,
                        v.path("skl2onnx").isTextual() ? v.get("skl2onnx").asText() : null);
            }
        }
        throw new IOException("its check printed no versions (exit code " + f.exitCode() + ")");
    }
}
