package org.automlwb.engine.algo;

import org.automlwb.engine.TaskType;

/** Guards shared by the algorithms. */
final class Tasks {
    private Tasks() { }

    /** Throws when asked to build a trainer for a task the algorithm does not support. */
    static void requireSupported(Algorithm algorithm, TaskType task) {
        if (!algorithm.supports(task)) {
            throw new IllegalArgumentException(algorithm.id() + " does not support the " + task.key() + " task");
        }
    }

}
