/**
 * The engine API: the one seam through which the use case ({@code org.automlwb.experiment}), the command line and
 * the desktop app start an AutoML engine, whichever library does the learning.
 *
 * <p>An engine ({@link org.automlwb.engine.api.AutoMLEngine}) is found by its {@link
 * org.automlwb.engine.api.EngineKind} in the {@link org.automlwb.engine.api.EngineRegistry}, which reads
 * {@code META-INF/services/org.automlwb.engine.api.AutoMLEngine}: a new engine is a class and a line there, and
 * nothing here names it (this package depends on no engine, so the engines' packages stay free of cycles).
 *
 * <p>Every engine works on the same {@link org.automlwb.engine.run.PreparedRun}: the same training rows, target,
 * task, metric, recipe, validation folds or holdout, seed and test file, checked once before anything is written.
 * It reports progress as {@link org.automlwb.engine.run.RunEvent}s to a listener, stops when its
 * {@link org.automlwb.common.CancelToken} is cancelled, appends each finished model to the shared journal, and
 * returns an {@link org.automlwb.engine.api.EngineResult}: engine-neutral {@link
 * org.automlwb.engine.api.LeaderboardRow}s and its chosen model as a model bundle whose members name their
 * artifact format ({@link org.automlwb.engine.ModelFormat}), so that export, predict, the report and deployment
 * handle a model of any engine alike.
 *
 * <p>Which engine made a model is told by its algorithm id: the Tribuo engine's ids are plain ({@code xgboost}),
 * another engine's start with its key and a dot ({@code h2o.gbm}, {@code sklearn.random_forest}); see {@link
 * org.automlwb.engine.api.EngineKind#ofAlgorithm}. The id is what the journal, the leaderboard CSV and the model
 * metadata already keep, so the engine survives a resume and needs no new field in any file.
 *
 * <p>A run's settings are worked out once into a {@link org.automlwb.engine.api.RunPlan} (engines, how they share
 * the budget, and the run spec with its defaults resolved), saved beside the experiment and read back by resume.
 */
package org.automlwb.engine.api;
