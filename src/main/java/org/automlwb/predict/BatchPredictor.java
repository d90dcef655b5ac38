package org.automlwb.predict;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.CsvChunks;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.CsvOptions;
import org.automlwb.engine.FinalModel;
import org.automlwb.engine.Predictions;
import org.automlwb.export.ModelLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Predicts a CSV file of any size with a {@link Predictor}, streaming: the file is read in chunks with the column types
 * the model was trained with, each chunk is predicted and appended to a temporary output file, which is moved into
 * place at the end (so a failed run leaves no half-written output).
 *
 * <p>Output columns: {@code row} (1-based data row) or the {@code --id} column, {@code prediction} (the most probable
 * class, or the value), then {@code prob_<class>} per class. Numbers are written with full precision (they read
 * back as the same doubles). When the model has a monitoring folder, one drift summary line per call is appended to
 * its {@code logs/predictions.jsonl}.
 *
 * <p>The input is read with the loader's rules, so the model sees what it saw in training: infinities and NaN
 * spelled out are missing, numbers beyond &plusmn;{@link org.automlwb.data.NumberLimits#LIMIT} are clipped, and
 * the {@link Summary#warnings()} say where that happened.
 */
public final class BatchPredictor {
    /** Rows per chunk unless told otherwise. */
    public static final int DEFAULT_CHUNK_ROWS = 50_000;
    private static final Logger LOG = LoggerFactory.getLogger(BatchPredictor.class);

    private BatchPredictor() { }

    /**
     * How to predict.
     *
     * @param idColumn   a column of the input to copy to the output instead of the row number, or null
     * @param chunkRows  rows per chunk
     * @param csv        how to read the input
     * @param monitoring the model's monitoring folder, or null for none
     */
    public record Options(String idColumn, int chunkRows, CsvOptions csv, Path monitoring) {
        public static Options defaults() {
            return new Options(null, DEFAULT_CHUNK_ROWS, CsvOptions.defaults(), null);
        }
    }

    /**
     * What a prediction call did.
     *
     * @param rows       rows predicted
     * @param chunks     chunks read
     * @param out        the output file
     * @param monitoring the drift summary appended to the monitoring log, or null
     * @param warnings   what the user should know about how the input was read, one sentence each: columns matched
     *                   ignoring case, infinite or huge numbers per column, lines in two encodings
     */
    public record Summary(long rows, int chunks, Path out, Map<String, Object> monitoring, List<String> warnings) {
        public Summary {
            warnings = List.copyOf(warnings);
        }
    }

    /** Predicts {@code data} into {@code out}. */
    public static Summary predict(ModelLoader.LoadedModel loaded, Path data, Path out, Options options)
            throws BadInputException {
        return predict(new Predictor(loaded), data, out, options);
    }

    /** Predicts {@code data} into {@code out}. */
    public static Summary predict(Predictor predictor, Path data, Path out, Options options)
            throws BadInputException {
        ModelLoader.LoadedModel loaded = predictor.loaded();
        FinalModel model = loaded.model();
        Map<String, ColumnKind> kinds = new LinkedHashMap<>(predictor.inputKinds());
        String id = options.idColumn();
        if (id != null) kinds.putIfAbsent(id, ColumnKind.TEXT);
        DriftMonitor drift = options.monitoring() == null ? null : predictor.monitor(options.monitoring());
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
        long rows = 0;
        int chunks = 0;
        List<String> warnings;
        try (CsvChunks in = CsvLoader.chunks(data, options.csv(), kinds, options.chunkRows())) {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(header(id, model));
                while (in.hasNext()) {
                    Table chunk = in.nextChunk();
                    Predictions p = predictor.predict(chunk);
                    write(w, chunk, p, id, rows, model.classNames());
                    if (drift != null) drift.add(chunk, p);
                    rows += chunk.rowCount();
                    chunks++;
                    LOG.debug("predicted chunk {} ({} rows so far)", chunks, rows);
                }
            }
            AtomicFiles.move(tmp, out);
            warnings = in.warnings();
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        } finally {
            AtomicFiles.deleteQuietly(tmp);
        }
        Map<String, Object> line = null;
        if (drift != null) {
            line = drift.summary(loaded.metadata().modelId(), data.toAbsolutePath().normalize().toString());
            DriftMonitor.append(options.monitoring(), line);
        }
        for (String w : warnings) LOG.warn("{}: {}", data, w);
        return new Summary(rows, chunks, out, line, warnings);
    }

    private static String header(String id, FinalModel model) {
        StringBuilder sb = new StringBuilder(id == null ? "row" : csv(id)).append(",prediction");
        for (String c : model.classNames()) sb.append(',').append(csv("prob_" + c));
        return sb.append('\n').toString();
    }

    private static void write(BufferedWriter w, Table chunk, Predictions p, String id, long before,
                              List<String> classNames) throws IOException {
        Column<?> ids = id == null ? null : chunk.column(id);
        StringBuilder sb = new StringBuilder(256);
        int[] best = p.isClassification() ? p.argmax() : null;
        for (int i = 0; i < chunk.rowCount(); i++) {
            sb.setLength(0);
            if (ids == null) sb.append(before + i + 1);
            else if (!ids.isMissing(i)) sb.append(csv(ids.getString(i)));
            sb.append(',');
            if (p.isClassification()) {
                sb.append(csv(classNames.get(best[i])));
                for (double v : p.probabilities()[i]) sb.append(',').append(v);
            } else {
                sb.append(p.values()[i]);
            }
            w.write(sb.append('\n').toString());
        }
    }

    /** A CSV field, quoted when it holds a delimiter, quote or line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
