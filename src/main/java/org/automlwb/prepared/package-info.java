/**
 * The {@code data/} layout and {@code prepare}: a raw file, a recipe fitted on it (or replayed), and the prepared
 * data set written in chunks, each with its lineage.
 *
 * <pre>
 * data/
 *   raw_data/&lt;name&gt;.csv|parquet               the raw file as it arrived (with --keep-raw)
 *   processed_data/&lt;name&gt;.csv|parquet         the prepared data set: one column per feature, then the target
 *   processed_data/&lt;name&gt;.lineage.json        raw, recipe and processed file with their SHA-256, rows per step
 *   feature_engineering/&lt;name&gt;.recipe.json    the fitted recipe: replayable, and reusable by run --recipe
 * </pre>
 *
 * Headless: no JavaFX here (ArchitectureTest). Every file appears whole or not at all.
 */
package org.automlwb.prepared;
