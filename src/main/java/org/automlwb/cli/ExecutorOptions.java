package org.automlwb.cli;

import org.automlwb.common.BadInputException;
import org.automlwb.engine.run.ExecutorKind;
import org.automlwb.engine.run.ExecutorSettings;
import picocli.CommandLine.Option;

/** Where a command's trials run: {@code --executor local|spark} and {@code --master URL}, shared by run and bench. */
final class ExecutorOptions {
    @Option(names = "--executor", defaultValue = "local", description = "Where trials run: local (this computer's "
            + "cores) or spark (a Spark cluster's executors; run the command through spark-submit, see README) "
            + "(default: ${DEFAULT-VALUE}).")
    String executor;

    @Option(names = "--master", description = "Spark master URL for --executor spark: spark://host:7077, local[N], "
            + "yarn, k8s://... (default: the one spark-submit was given).")
    String master;

    /**
     * The settings, checked before anything is read or written: the executor exists in this build and this JVM,
     * and for a cluster, the master URL is one and the cluster answers.
     *
     * @throws BadInputException one line naming the option to change
     */
    ExecutorSettings settings() throws BadInputException {
        ExecutorKind kind;
        try {
            kind = ExecutorKind.fromKey(executor);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), "use --executor local or --executor spark");
        }
        if (kind == ExecutorKind.LOCAL && master != null) {
            throw new BadInputException("--master is for --executor spark", "add --executor spark, or drop --master");
        }
        ExecutorSettings s = kind == ExecutorKind.LOCAL ? ExecutorSettings.local() : ExecutorSettings.spark(master);
        org.automlwb.experiment.Experiments.checkExecutor(s);
        return s;
    }
}
