package org.automlwb.data;

/** What to do with a row that has too few or too many fields, or an unterminated quote. */
public enum MalformedRowPolicy {
    /** Stop loading with a message naming the file, line and column (the default). */
    FAIL,
    /** Leave the row out and report it in {@link LoadedData#skipped()}. */
    SKIP
}
