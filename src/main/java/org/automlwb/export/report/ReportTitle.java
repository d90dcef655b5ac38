package org.automlwb.export.report;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The words at the top of a report: a title a person would give it and the run's date as people write it.
 * A file name such as {@code titanic-survival.csv} reads as "Titanic survival"; the date keeps the run's own
 * time zone, since that is the clock its author saw.
 */
final class ReportTitle {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private ReportTitle() { }

    /**
     * "Titanic survival — predicting survived" from a data file path and the target column.
     *
     * @param dataPath the training file as the run recorded it (any folder part is dropped)
     * @param target   the target column's name
     */
    static String of(String dataPath, String target) {
        String data = dataSetName(dataPath);
        String what = words(target);
        if (data.isEmpty()) return "Predicting " + (what.isEmpty() ? target : what);
        return data + " — predicting " + (what.isEmpty() ? target : what);
    }

    /** The file name without folders, extensions or a train/training part, in words with a capital first. */
    static String dataSetName(String dataPath) {
        String name = dataPath.substring(Math.max(dataPath.lastIndexOf('/'), dataPath.lastIndexOf('\\')) + 1);
        name = name.replaceAll("(?i)(\\.(gz|zip|bz2|xz))$", "").replaceAll("(?i)\\.(csv|tsv|txt|parquet)$", "")
                .replaceAll("(?i)[._-](train|training)$", "");
        String w = words(name);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * "3 Dec 2026, 17:15" from the ISO date-time config.json holds; the text as it is when it is not one, and
     * "an unknown date" when it is empty.
     */
    static String date(String iso) {
        if (iso == null || iso.isBlank()) return "at an unknown date";
        try {
            return "on " + DATE.format(OffsetDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return "on " + iso;
        }
    }

    /** Underscores, dashes and dots as spaces, camelCase split, runs of spaces as one. */
    private static String words(String s) {
        return s.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("[_.\\-]+", " ").replaceAll("\\s+", " ").strip();
    }
}
