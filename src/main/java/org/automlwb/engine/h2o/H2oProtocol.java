package org.automlwb.engine.h2o;

/**
 * How the engine and its H2O worker JVM talk. The engine writes, in a folder of the run's own:
 * <ul>
 *   <li>{@value #TRAIN_CSV}: the preprocessed training rows (features, {@value #TARGET}, and {@value #FOLD}, each
 *   row's validation fold, under cross-validation);</li>
 *   <li>{@value #HOLDOUT_CSV} under a holdout: the validation rows; {@value #TEST_CSV} with a test file;</li>
 *   <li>{@code spec.json}: {@code dir}, {@code classification}, {@code categorical} (columns of category codes),
 *   {@code holdout}, {@code test}, {@code sort_metric}, {@code seed}, {@code threads}, {@code deadline_ms} (wall-clock ms when the search must end, or null),
 *   {@code max_models} (0: no limit).</li>
 * </ul>
 * The worker answers with one JSON line per event on its standard output, {@code {"event": ...}}:
 * {@value #STARTED}; {@value #MODEL} for each model as it appears on H2O's leaderboard ({@code id},
 * {@code algorithm}, {@code hyperparameters}, {@code seconds}, and {@code predictions}: a CSV of its predictions for
 * the validation rows, in their order); {@value #SEARCH_DONE}; then, asked to, {@value #EXPORTED} ({@code mojo},
 * and {@code predictions} of the test rows); or {@value #ERROR} with a {@code message}. The engine sends
 * commands as JSON lines on the worker's standard input: {@code {"command":"stop"}} ends the search early;
 * {@code {"command":"export","model":ID}} asks for a model's MOJO. The worker ends when its input closes.
 */
final class H2oProtocol {
    static final String TRAIN_CSV = "train.csv";
    static final String HOLDOUT_CSV = "holdout.csv";
    static final String TEST_CSV = "test.csv";
    static final String SPEC = "spec.json";
    static final String MOJO = "leader.zip";
    static final String TEST_PREDICTIONS = "test-predictions.csv";
    /** The target column's name in the files (no user column is called that: the names are checked). */
    static final String TARGET = "automlwb__target";
    static final String FOLD = "automlwb__fold";
    /** Classes are written as this prefix and their index, so that H2O's class order maps back by number. */
    static final String CLASS_PREFIX = "k";
    /** Category codes are written as this prefix and the code, so that H2O reads the column as categorical. */
    static final String CODE_PREFIX = "c";

    static final String STARTED = "started";
    static final String MODEL = "model";
    static final String SEARCH_DONE = "search_done";
    static final String EXPORTED = "exported";
    static final String ERROR = "error";
    static final String STOP = "stop";
    static final String EXPORT = "export";

    private H2oProtocol() { }
}
