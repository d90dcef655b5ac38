package org.automlwb.prep;

import org.automlwb.data.ColumnKind;

/**
 * An input column a fitted recipe reads, with the type it had in training. At prediction time the column must
 * be present; INTEGER and DECIMAL are interchangeable, other types are converted when every value converts
 * (e.g. text "true" to a boolean, numbers to text).
 *
 * @param name the column name (exact, case-sensitive)
 * @param kind its type in the training data
 */
public record InputColumn(String name, ColumnKind kind) { }
