package org.automlwb.engine.algo;

import org.automlwb.engine.TaskType;

/**
 * What an algorithm may need to know about the data to decide whether it applies and how to size itself.
 *
 * @param task              the task
 * @param rows              training rows
 * @param features          feature columns after preprocessing (one-hot columns counted singly)
 * @param classes           number of classes (0 for regression)
 * @param nonNegativeInputs whether every preprocessed feature is >= 0 (naive Bayes needs this)
 */
public record DataShape(TaskType task, int rows, int features, int classes, boolean nonNegativeInputs) { }
