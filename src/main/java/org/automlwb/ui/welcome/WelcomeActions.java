package org.automlwb.ui.welcome;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the welcome panel's buttons and links do.
 *
 * @param open        opens a file
 * @param quickRun    opens a sample and runs a short search on it
 * @param openChooser File > Open file…
 * @param openOptions File > Open with options…
 */
public record WelcomeActions(Consumer<Path> open, Consumer<SampleFile> quickRun, Runnable openChooser,
                             Runnable openOptions) { }
