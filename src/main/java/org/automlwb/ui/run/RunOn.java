package org.automlwb.ui.run;

/** Where the Run view starts a run: this computer's cores, or a Spark cluster through the user's spark-submit. */
public enum RunOn {
    /** In the app's own JVM, on this computer's cores. */
    THIS_COMPUTER("This computer"),
    /** Through spark-submit (Settings: Spark home and master URL), trials on the cluster's executors. */
    SPARK_CLUSTER("Spark cluster");

    private final String label;

    RunOn(String label) { this.label = label; }

    /** The words of the Run view's choice. */
    public String label() { return label; }

    @Override
    public String toString() { return label; }
}
