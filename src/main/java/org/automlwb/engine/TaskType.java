package org.automlwb.engine;

/** What kind of prediction a run makes. */
public enum TaskType {
    BINARY, MULTICLASS, REGRESSION;

    public boolean isClassification() { return this != REGRESSION; }

    /** The lower-case name used on the command line and in JSON. */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
}
