package org.automlwb.predict;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.RecordTable;
import org.automlwb.engine.Predictions;
import org.automlwb.export.Deployment;
import org.automlwb.export.ModelLoader;
import org.automlwb.prep.InputColumn;
import tech.tablesaw.api.Table;

/**
 * The one way rows become predictions, whoever asks: {@code predict} on a file ({@link BatchPredictor}), the
 * Results view, and the {@code serve} REST server. Rows are typed with the column types the model was trained with
 * (files chunk by chunk, records and request bodies through {@link RecordTable}, by the same cell rules), the typed
 * table is predicted by the loaded model (its preprocessing included), and a {@link DriftMonitor} can count them
 * against the training bins. Immutable and thread-safe: one instance serves concurrent requests.
 */
public final class Predictor {
    private final ModelLoader.LoadedModel loaded;
    private final Map<String, ColumnKind> kinds;

    /** A predictor over a model already loaded. */
    public Predictor(ModelLoader.LoadedModel loaded) {
        this.loaded = loaded;
        Map<String, ColumnKind> k = new LinkedHashMap<>();
        for (InputColumn in : loaded.metadata().inputColumns()) {
            // Whole numbers read as decimals: the recipe treats them alike, and a decimal in new data then fits.
            k.put(in.name(), in.kind() == ColumnKind.INTEGER ? ColumnKind.DECIMAL : in.kind());
        }
        this.kinds = Collections.unmodifiableMap(k);
    }

    /**
     * Loads a trained model folder ({@code models/trained_models/<id>} or {@code model_serving/<model>/<version>}).
     *
     * @throws BadInputException when the folder is not a model or its files are broken
     */
    public static Predictor load(Path dir) throws BadInputException {
        return new Predictor(ModelLoader.load(dir));
    }

    /** The model and what its folder says about it. */
    public ModelLoader.LoadedModel loaded() { return loaded; }

    /** The columns rows must have, in the model's input order, with the types they are read as. */
    public Map<String, ColumnKind> inputKinds() { return kinds; }

    /** Class names in probability order; empty for regression. */
    public List<String> classNames() { return loaded.model().classNames(); }

    /**
     * Records whose cells are in the order of {@link #inputKinds()} (null = missing) as a typed table.
     *
     * @throws RecordTable.RecordException naming the record (as its line) and the column when a cell does not fit
     *                                     its type
     */
    public Table table(List<String[]> records) throws RecordTable.RecordException {
        return RecordTable.of(kinds, records, CsvOptions.DEFAULT_MISSING, "record");
    }

    /**
     * Comma-separated text with a header line as a typed table (other columns are ignored).
     *
     * @throws RecordTable.RecordException naming the line and column: a column missing, a malformed line, a cell
     *                                     that does not fit its type
     */
    public Table tableOfCsv(String csv) throws RecordTable.RecordException {
        return RecordTable.ofCsv(csv, kinds, CsvOptions.DEFAULT_MISSING);
    }

    /** Predicts a typed table (as {@link #table}, {@link #tableOfCsv} or a file's chunks make it). */
    public Predictions predict(Table typed) {
        return loaded.model().predict(typed);
    }

    /**
     * A new drift monitor against the monitoring folder's reference and thresholds ({@code monitoring_config.json}).
     *
     * @throws BadInputException when the config cannot be read
     */
    public DriftMonitor monitor(Path monitoringDir) throws BadInputException {
        return new DriftMonitor(Deployment.readConfig(monitoringDir), classNames());
    }

    /** The monitoring folder of this model in the {@code deployment/} layout, or null when it has none. */
    public Path monitoringFolder() {
        return Deployment.monitoringFor(loaded.dir(), loaded.metadata().modelId());
    }
}
