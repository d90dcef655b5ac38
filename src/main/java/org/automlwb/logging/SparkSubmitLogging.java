package org.automlwb.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.slf4j.LoggerFactory;

/**
 * Logging of a command that spark-submit started. There the cluster's Spark decides: its jars come first on the
 * class path, so SLF4J binds Spark's log4j 2 and its {@code log4j2.properties} (INFO to stderr by default), not
 * the product's {@code logback.xml}. Spark's own lines are what a Spark user expects to see, but the libraries
 * the product quiets in {@code logback.xml} would fill the console around the progress line (a line per native
 * library file lightgbm4j extracts, one per Tribuo fit, the loader's dialect line): the same levels are set
 * here for them, in log4j 2's terms.
 */
public final class SparkSubmitLogging {
    private SparkSubmitLogging() { }

    /**
     * When SLF4J is bound to log4j 2's core (a spark-submit driver), sets the product's levels for the loggers
     * {@code logback.xml} names; otherwise does nothing, and loads no log4j class (the desktop jar has none).
     *
     * @return whether the levels were set
     */
    public static boolean quietLibraries() {
        if (!LoggerFactory.getILoggerFactory().getClass().getName().startsWith("org.apache.logging.slf4j")) {
            return false;
        }
        try {
            Log4j.apply();
            return true;
        } catch (LinkageError noLog4jCore) {
            return false; // log4j's API bound to another back end: its own configuration decides
        }
    }

    /** Kept apart so that log4j's classes load only once the binding is known to be log4j's. */
    private static final class Log4j {
        static void apply() {
            Configurator.setLevel("org.tribuo", Level.WARN);
            Configurator.setLevel("com.oracle.labs.mlrg.olcut", Level.WARN);
            Configurator.setLevel("io.github.metarank.lightgbm4j", Level.OFF);
            Configurator.setLevel("org.automlwb", Level.toLevel(
                    System.getProperty("automlwb.log.level", "WARN"), Level.WARN));
        }
    }
}
