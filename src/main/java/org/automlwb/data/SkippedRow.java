package org.automlwb.data;

/**
 * A row left out under {@link MalformedRowPolicy#SKIP}.
 *
 * @param line   1-based physical line where the record starts
 * @param reason what was wrong, in plain words
 */
public record SkippedRow(long line, String reason) { }
