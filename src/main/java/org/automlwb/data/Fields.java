package org.automlwb.data;

/**
 * The fields of one record as character ranges in a buffer, so that cells can be classified and parsed without a
 * String per cell. The tokenizer's current record is one; a stored row of a chunk ({@link PackedRows}) is another.
 */
interface Fields {
    /** The characters the ranges point into. */
    char[] buffer();

    /** Start (inclusive) of field {@code i}, trimmed. */
    int start(int i);

    /** End (exclusive) of field {@code i}, trimmed. */
    int end(int i);

    /** Field {@code i} as a trimmed String, with doubled quotes made single. */
    String text(int i);

    /** 1-based physical line where the record starts. */
    long line();
}
