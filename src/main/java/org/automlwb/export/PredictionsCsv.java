package org.automlwb.export;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * {@code validation_predictions.csv}: the chosen model's out-of-fold predictions with the truth, so the report
 * can draw a confusion matrix, ROC curve or residuals after the run has ended. Columns: {@code row} (index
 * among the training rows that have a target), {@code truth} (class name or value), then one {@code p:<class>}
 * column per class (probabilities) or {@code prediction} (regression).
 */
public final class PredictionsCsv {
    /** The file name inside an experiment folder. */
    public static final String VALIDATION_FILE = "validation_predictions.csv";
    private static final String PROBABILITY_PREFIX = "p:";

    private PredictionsCsv() { }

    /**
     * Truth and predictions read back.
     *
     * @param rows        row index of each entry
     * @param truth       the true values
     * @param predictions the predictions
     */
    public record Loaded(int[] rows, Targets truth, Predictions predictions) { }

    /** Formats truth and predictions of the given rows. */
    public static String format(int[] rows, Targets truth, Predictions p) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
            List<String> header = new ArrayList<>(List.of("row", "truth"));
            if (truth.isClassification()) {
                truth.classNames().forEach(c -> header.add(PROBABILITY_PREFIX + c));
            } else {
                header.add("prediction");
            }
            csv.printRecord(header);
            for (int i = 0; i < truth.size(); i++) {
                List<String> rec = new ArrayList<>(header.size());
                rec.add(String.valueOf(rows[i]));
                if (truth.isClassification()) {
                    int c = truth.classIndex()[i];
                    rec.add(c < 0 ? "" : truth.classNames().get(c));
                    for (double v : p.probabilities()[i]) rec.add(number(v));
                } else {
                    rec.add(number(truth.values()[i]));
                    rec.add(number(p.values()[i]));
                }
                csv.printRecord(rec);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    /** Reads a file that {@link #format} wrote. */
    public static Loaded read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<String> header = csv.getHeaderNames();
            List<String> classes = header.stream().filter(h -> h.startsWith(PROBABILITY_PREFIX))
                    .map(h -> h.substring(PROBABILITY_PREFIX.length())).toList();
            List<CSVRecord> records = csv.getRecords();
            int n = records.size();
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) rows[i] = Integer.parseInt(records.get(i).get(0));
            if (classes.isEmpty()) {
                double[] truth = new double[n];
                double[] pred = new double[n];
                for (int i = 0; i < n; i++) {
                    truth[i] = Double.parseDouble(records.get(i).get(1));
                    pred[i] = Double.parseDouble(records.get(i).get(2));
                }
                return new Loaded(rows, Targets.regression(truth), Predictions.ofValues(pred));
            }
            int[] truth = new int[n];
            double[][] prob = new double[n][classes.size()];
            for (int i = 0; i < n; i++) {
                CSVRecord r = records.get(i);
                truth[i] = classes.indexOf(r.get(1));
                for (int c = 0; c < classes.size(); c++) prob[i][c] = Double.parseDouble(r.get(2 + c));
            }
            return new Loaded(rows, Targets.classes(truth, classes), Predictions.ofProbabilities(prob));
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a predictions file this version wrote: " + e.getMessage(), e);
        }
    }

    private static String number(double v) { return String.format(Locale.ROOT, "%.6g", v); }
}
