package org.automlwb.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.settings.SettingsStore;
import org.automlwb.ui.task.TaskExecutor;

/**
 * Everything the view models need from outside, injected in one place so tests swap any part.
 *
 * @param executor      the one background executor
 * @param dialogs       dialogs (real or a test fake)
 * @param settings      where settings are remembered
 * @param dataSource    CSV loading and profiling
 * @param sampleFolders where to look for {@code sample-data/}, best first
 */
public record WorkbenchServices(TaskExecutor executor, DialogService dialogs, SettingsStore settings,
                                DataSource dataSource, Supplier<List<Path>> sampleFolders) { }
