package org.automlwb.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.CsvChunks;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.CsvOptions;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Turns the file {@link org.automlwb.predict.BatchPredictor} wrote (row, prediction, one probability per class, full precision) into
 * one for people: the input file's own columns first, when asked, then the prediction and the probabilities
 * rounded for reading; and, when the input has the target column, the model's metrics on it. Streams both files
 * side by side (the input in chunks read as text, so its values are copied as they were), and writes the result
 * atomically: nothing half-written is left after a failure.
 */
public final class PredictionsBesideInput {
    private static final Logger LOG = LoggerFactory.getLogger(PredictionsBesideInput.class);
    private static final int CHUNK_ROWS = 50_000;

    private PredictionsBesideInput() { }

    /**
     * What was written.
     *
     * @param rows       rows written
     * @param metrics    the model's metrics on the input's target column by key; empty when it has none
     * @param scoredRows rows the metrics were computed on (those with a target value the model knows)
     * @param note       why the metrics leave rows out or are missing, or empty
     */
    public record Result(long rows, Map<String, Double> metrics, long scoredRows, String note) {
        public Result {
            metrics = Map.copyOf(metrics);
        }
    }

    /**
     * Writes {@code out} from the input and the raw predictions.
     *
     * @param keepColumns whether the input's columns come first (else only row, prediction and probabilities)
     * @param decimals    decimal places of the probabilities (and of regression predictions)
     * @throws BadInputException when either file cannot be read or the output cannot be written
     */
    public static Result write(Path input, CsvOptions csv, Path predictions, Path out, ModelMetadata model,
                               boolean keepColumns, int decimals) throws BadInputException {
        List<String> columns = CsvLoader.preview(input, csv, 1).columns();
        Map<String, ColumnKind> asText = new LinkedHashMap<>();
        for (String c : columns) asText.put(c, ColumnKind.TEXT);
        String target = columns.stream().filter(c -> c.equalsIgnoreCase(model.target())).findFirst().orElse(null);
        boolean classification = model.task().isClassification();
        List<String> classes = model.classes() == null ? List.of() : model.classes();
        Scores scores = target == null ? null : new Scores(classification, classes);
        Path tmp = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".tmp");
        long rows = 0;
        try (CsvChunks chunks = CsvLoader.chunks(input, csv, asText, CHUNK_ROWS);
             Reader predReader = Files.newBufferedReader(predictions, StandardCharsets.UTF_8);
             CSVParser pred = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(predReader);
             BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            List<String> predHeader = pred.getHeaderNames();
            List<String> header = new ArrayList<>();
            if (keepColumns) header.addAll(columns);
            else header.add(predHeader.get(0));
            for (String h : predHeader.subList(1, predHeader.size())) header.add(unique(h, header));
            printer.printRecord(header);
            Iterator<CSVRecord> p = pred.iterator();
            List<String> record = new ArrayList<>(header.size());
            while (chunks.hasNext()) {
                Table chunk = chunks.nextChunk();
                List<Column<?>> cols = new ArrayList<>();
                for (String c : columns) cols.add(chunk.column(c));
                for (int i = 0; i < chunk.rowCount(); i++) {
                    if (!p.hasNext()) throw new IOException("the predictions end before the input does");
                    CSVRecord pr = p.next();
                    record.clear();
                    if (keepColumns) {
                        for (Column<?> c : cols) record.add(c.isMissing(i) ? "" : c.getString(i));
                    } else {
                        record.add(pr.get(0));
                    }
                    record.add(classification ? pr.get(1) : round(pr.get(1), decimals));
                    for (int k = 2; k < pr.size(); k++) record.add(round(pr.get(k), decimals));
                    printer.printRecord(record);
                    if (scores != null) {
                        Column<?> t = chunk.column(target);
                        scores.add(t.isMissing(i) ? null : t.getString(i), pr);
                    }
                    rows++;
                }
            }
            printer.flush();
            w.close();
            AtomicFiles.move(tmp, out);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.deleteQuietly(tmp);
            if (e instanceof CsvChunks.ChunkException c) throw c.getCause();
            throw new BadInputException("cannot write the predictions (" + e.getMessage() + ")", out, 0, null,
                    "check the folder has space and can be written");
        }
        if (scores == null) {
            return new Result(rows, Map.of(), 0, "The file has no column " + model.target()
                    + ", so the predictions cannot be scored.");
        }
        return scores.result(rows);
    }

    /** A header name not yet taken: a file that already has a "prediction" column keeps it. */
    private static String unique(String name, List<String> taken) {
        String n = name;
        for (int k = 2; taken.contains(n); k++) n = name + "_" + k;
        return n;
    }

    /** A number to {@code decimals} places, trailing zeros dropped; anything else unchanged. */
    static String round(String s, int decimals) {
        try {
            double v = Double.parseDouble(s);
            if (Double.isNaN(v) || Double.isInfinite(v)) return s;
            return new java.math.BigDecimal(v).setScale(decimals, java.math.RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /** Truth and predictions of the rows that have a target value, for the metrics. */
    private static final class Scores {
        private final boolean classification;
        private final List<String> classes;
        private final List<Integer> truthClass = new ArrayList<>();
        private final List<double[]> probabilities = new ArrayList<>();
        private final List<double[]> values = new ArrayList<>(); // {truth, prediction}
        private long missing;
        private long unknown;

        Scores(boolean classification, List<String> classes) {
            this.classification = classification;
            this.classes = classes;
        }

        void add(String truth, CSVRecord pred) {
            if (truth == null || truth.isBlank()) {
                missing++;
                return;
            }
            if (classification) {
                int c = classIndex(truth);
                if (c < 0) {
                    unknown++;
                    return;
                }
                double[] prob = new double[classes.size()];
                for (int k = 0; k < prob.length; k++) prob[k] = Double.parseDouble(pred.get(2 + k));
                truthClass.add(c);
                probabilities.add(prob);
            } else {
                try {
                    values.add(new double[] {Double.parseDouble(truth.trim()), Double.parseDouble(pred.get(1))});
                } catch (NumberFormatException e) {
                    unknown++;
                }
            }
        }

        /** The class of a target value; "1" and "1.0" are the same class when the classes are numbers. */
        private int classIndex(String truth) {
            int c = classes.indexOf(truth);
            if (c >= 0) return c;
            String t = truth.trim();
            for (int k = 0; k < classes.size(); k++) {
                if (classes.get(k).equalsIgnoreCase(t) || sameNumber(classes.get(k), t)) return k;
            }
            return -1;
        }

        private static boolean sameNumber(String a, String b) {
            try {
                return Double.parseDouble(a) == Double.parseDouble(b);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        Result result(long rows) {
            int n = classification ? truthClass.size() : values.size();
            List<String> notes = new ArrayList<>();
            if (missing > 0) notes.add(missing + " rows without a target value are not scored");
            if (unknown > 0) notes.add(unknown + " rows whose target value the model never saw are not scored");
            Map<String, Double> metrics = new LinkedHashMap<>();
            if (n > 0) {
                Targets truth;
                Predictions p;
                if (classification) {
                    truth = Targets.classes(truthClass.stream().mapToInt(Integer::intValue).toArray(), classes);
                    p = Predictions.ofProbabilities(probabilities.toArray(new double[0][]));
                } else {
                    truth = Targets.regression(values.stream().mapToDouble(v -> v[0]).toArray());
                    p = Predictions.ofValues(values.stream().mapToDouble(v -> v[1]).toArray());
                }
                TaskType task = !classification ? TaskType.REGRESSION
                        : classes.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
                for (Metric m : Metric.forTask(task)) {
                    try {
                        metrics.put(m.key(), m.compute(truth, p));
                    } catch (RuntimeException e) {
                        // e.g. AUC when the file holds one class only: the other metrics still say something
                        LOG.info("{} not computed on the predicted file: {}", m.key(), e.getMessage());
                    }
                }
            }
            return new Result(rows, metrics, n, notes.isEmpty() ? "" : String.join("; ", notes) + ".");
        }
    }
}
