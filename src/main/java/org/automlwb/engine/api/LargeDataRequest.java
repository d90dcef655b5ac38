package org.automlwb.engine.api;

import org.automlwb.engine.TaskType;

/**
 * What a {@link LargeDataReader} is asked to read: a location too large for the driver and what the run will do
 * with it.
 *
 * @param location a file, folder, glob or URL ({@code hdfs://}, {@code s3a://}) as the user gave it
 * @param target   the column to predict
 * @param task     the task the user forced, or null to infer it from the target
 * @param master   the cluster's master URL ({@code spark://host:7077}, {@code local[N]}), or null to take the one
 *                 the launcher set (spark-submit's {@code spark.master})
 * @param seed     seed of the samples drawn
 */
public record LargeDataRequest(String location, String target, TaskType task, String master, long seed) {
    public LargeDataRequest {
        if (location == null || location.isBlank()) throw new IllegalArgumentException("no location");
    }
}
