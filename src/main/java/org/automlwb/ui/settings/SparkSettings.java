package org.automlwb.ui.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.automlwb.spark.SparkSubmitTarget;

/**
 * Where the app sends a run that the user starts on a Spark cluster: the user's own Spark installation (its
 * spark-submit starts the run) and the cluster's master. Saved as typed text so that a half-finished entry
 * survives a restart; {@link #problem()} says whether it can be used.
 *
 * @param home   the Spark home folder (holding {@code bin/spark-submit}), or empty
 * @param master the master URL ({@code spark://host:7077}, {@code local[4]}, ...), or empty
 */
public record SparkSettings(String home, String master) {
    public SparkSettings {
        home = home == null ? "" : home.strip();
        master = master == null ? "" : master.strip();
    }

    /** Nothing set: runs stay on this computer until the user fills these in. */
    public static SparkSettings none() { return new SparkSettings("", ""); }

    /** Whether both fields are filled in (valid or not). */
    public boolean filledIn() { return !home.isEmpty() && !master.isEmpty(); }

    /**
     * Why these settings cannot start a Spark run, in one line naming the field and what to do; null when they
     * can (a Spark home holding an executable {@code bin/spark-submit}, a Spark master URL).
     */
    public String problem() {
        if (home.isEmpty()) {
            return "no Spark home is set: choose the folder of your Spark installation (it holds bin/spark-submit)";
        }
        return toTarget() == null ? "the Spark home '" + home + "' is not a valid path: choose the folder of your "
                + "Spark installation" : toTarget().problem();
    }

    /** These settings as a spark-submit target; null when the home is not a path at all. */
    public SparkSubmitTarget toTarget() {
        try {
            return new SparkSubmitTarget(Path.of(home), master);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
