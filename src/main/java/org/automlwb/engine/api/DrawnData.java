package org.automlwb.engine.api;

import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.TaskType;

/**
 * Training rows drawn from data larger than the driver, ready for a run: the drawn table (typed as the CSV loader
 * types a file), where it came from with its sizes, the task decided on the whole data, and the whole data's
 * profile.
 *
 * @param rows    the drawn rows; {@code rows.source()} names the location for the experiment's name
 * @param source  the location, its total rows, the rows drawn and the most rows the search may take
 * @param task    the task decided from the whole data's target (forced, or inferred as TaskDetector does)
 * @param profile the whole data's profile from distributed aggregates (no quartiles, histograms or top values)
 */
public record DrawnData(LoadedData rows, SampledSource source, TaskType task, DatasetProfile profile) { }
