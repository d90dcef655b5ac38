package org.automlwb.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.common.BadInputException;

/**
 * Where a run goes through spark-submit: the user's Spark installation and the cluster's master.
 *
 * @param sparkHome the folder of a Spark installation (the one holding {@code bin/spark-submit})
 * @param master    the master URL passed to spark-submit and to the run ({@link SparkMaster})
 */
public record SparkSubmitTarget(Path sparkHome, String master) {
    public SparkSubmitTarget {
        master = master == null ? null : master.strip();
    }

    /** {@code bin/spark-submit} of the Spark home ({@code bin\spark-submit.cmd} on Windows). */
    public Path sparkSubmit() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return sparkHome.resolve("bin").resolve(windows ? "spark-submit.cmd" : "spark-submit");
    }

    /**
     * Why this target cannot be used, in one line (what, where, what to do); null when it can. A Spark home must
     * hold an executable {@code bin/spark-submit}; the master must be a Spark URL.
     */
    public String problem() {
        if (sparkHome == null) {
            return "no Spark home is set: in Settings, choose the folder of your Spark installation (it holds "
                    + "bin/spark-submit)";
        }
        Path submit = sparkSubmit();
        if (!Files.isRegularFile(submit)) {
            return "the Spark home " + sparkHome + " has no bin/" + submit.getFileName()
                    + ": in Settings, choose the folder of your Spark installation";
        }
        if (!Files.isExecutable(submit)) {
            return submit + " cannot be run (not executable): fix its permissions (chmod +x) or choose another "
                    + "Spark home in Settings";
        }
        try {
            SparkMaster.parse(master); // the form only: whether it answers is spark-submit's to find out
            return null;
        } catch (BadInputException e) {
            return "Spark master URL: " + e.oneLine();
        }
    }

    /**
     * Checks the target before a process is started.
     *
     * @throws BadInputException with {@link #problem}
     */
    public void check() throws BadInputException {
        String p = problem();
        if (p != null) throw new BadInputException(p, null);
    }
}
