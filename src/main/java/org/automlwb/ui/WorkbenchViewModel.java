package org.automlwb.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.data.CsvDialect;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.dialog.OpenOptionsViewModel;
import org.automlwb.ui.experiments.ExperimentsViewModel;
import org.automlwb.ui.grid.DataGridViewModel;
import org.automlwb.ui.load.LoadViewModel;
import org.automlwb.ui.prepare.Debouncer;
import org.automlwb.ui.prepare.PrepareViewModel;
import org.automlwb.ui.profile.ProfileViewModel;
import org.automlwb.ui.results.ResultsViewModel;
import org.automlwb.ui.run.RunViewModel;
import org.automlwb.ui.search.SearchViewModel;
import org.automlwb.ui.session.Session;
import org.automlwb.ui.settings.RecentFiles;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.settings.WindowBounds;
import org.automlwb.ui.target.TargetViewModel;
import org.automlwb.ui.welcome.SampleFile;
import org.automlwb.ui.welcome.WelcomeViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: the open file and its views, the flow step, the theme and the recent files.
 * Holds properties only; {@link WorkbenchWindow} turns it into controls.
 */
public final class WorkbenchViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchViewModel.class);

    private final WorkbenchServices services;
    private final LoadViewModel load;
    private final DataGridViewModel grid;
    private final ProfileViewModel profile = new ProfileViewModel();
    private final WelcomeViewModel welcome;
    private final Session session = new Session();
    private final TargetViewModel target;
    private final PrepareViewModel prepare;
    private final SearchViewModel search;
    private final RunViewModel run;
    private final ResultsViewModel results;
    private final QuickRun quickRun;
    private final ExperimentsViewModel experiments;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.DATA);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_NAME);
    private final ReadOnlyStringWrapper dataSummary = new ReadOnlyStringWrapper("");
    // The newest settings; a background save always writes this, so saves finishing out of order are harmless.
    private final AtomicReference<Settings> settings;
    private CsvOptions lastOptions = CsvOptions.defaults();

    /** The application's name as shown in title bars. */
    public static final String APP_NAME = "AutoML Workbench";

    public WorkbenchViewModel(WorkbenchServices services) {
        this(services, Debouncer.fx(300));
    }

    /** @param previewDebouncer how the recipe preview waits for a pause in editing (tests: immediate) */
    public WorkbenchViewModel(WorkbenchServices services, Debouncer previewDebouncer) {
        this.services = services;
        this.load = new LoadViewModel(services.executor(), services.dataSource(), services.dialogs());
        this.grid = new DataGridViewModel(services.executor());
        this.welcome = new WelcomeViewModel(services.executor(), services.sampleFolders());
        Settings s = services.settings().load();
        this.settings = new AtomicReference<>(s);
        theme.set(s.theme());
        recentFiles.setAll(s.recentFiles().stream().map(Path::of).toList());

        grid.selectedColumnProperty().bindBidirectional(profile.selectedColumnProperty());
        session.dataProperty().bind(load.dataProperty());
        session.profileProperty().bind(load.profileProperty());
        target = new TargetViewModel(services.executor(), session, this::reloadWithTypes);
        prepare = new PrepareViewModel(services.executor(), services.dialogs(), session, previewDebouncer);
        search = new SearchViewModel(services.executor(), services.dialogs(), session, target.taskProperty());
        load.dataProperty().addListener((obs, old, data) -> {
            // another file (not the same one read again with other column types): Run and Results were about
            // the previous one, and would show it under the new file's name
            if (data != null && old != null && !data.source().equals(old.source())) forgetPreviousRun();
            onLoaded(data);
            // A test file belongs to its training file: another data set starts without one.
            if (data == null || old == null || !old.source().equals(data.source())) session.testFileProperty().set(null);
        });
        load.profileProperty().addListener((obs, old, p) -> profile.profileProperty().set(p));
        load.setOnMissingFile(p -> updateSettings(settings.get().withRecentFiles(
                RecentFiles.remove(settings.get().recentFiles(), p.toString()))));
        theme.addListener((obs, old, t) -> updateSettings(settings.get().withTheme(t)));
        welcome.refresh();
        run = new RunViewModel(services.executor(), services.dialogs(), session, () -> settings.get().spark());
        results = new ResultsViewModel(services.executor(), services.dialogs());
        results.outcomeProperty().bind(session.lastOutcomeProperty());
        quickRun = new QuickRun(this);
        experiments = new ExperimentsViewModel(services.executor(), services.dialogs(), session.modelsRootProperty(),
                outcome -> {
                    session.lastOutcomeProperty().set(outcome);
                    step.set(Step.RESULTS);
                });
        // Results must not go on showing an experiment whose folder is gone.
        experiments.setOnDeleted(dirs -> {
            var shown = session.lastOutcomeProperty().get();
            if (shown != null && dirs.contains(shown.folder().dir())) session.lastOutcomeProperty().set(null);
        });
        // A finished run is a new experiment: the list and Results' offer of the latest follow.
        session.lastOutcomeProperty().addListener((obs, o, n) -> experiments.refresh());
        experiments.refresh();
    }

    /** The saved experiments (the Experiments view, File › Open experiment…). */
    public ExperimentsViewModel experiments() { return experiments; }

    public LoadViewModel load() { return load; }
    public DataGridViewModel grid() { return grid; }
    public ProfileViewModel profile() { return profile; }
    public WelcomeViewModel welcome() { return welcome; }
    /** What the flow's views share: data, target, recipe, run settings, results. */
    public Session session() { return session; }
    public TargetViewModel target() { return target; }
    public PrepareViewModel prepare() { return prepare; }
    public SearchViewModel search() { return search; }
    public RunViewModel run() { return run; }
    public ResultsViewModel results() { return results; }
    /** Recently opened files, most recent first. */
    public ObservableList<Path> recentFiles() { return recentFiles; }
    public ObjectProperty<Theme> themeProperty() { return theme; }
    public ObjectProperty<Step> stepProperty() { return step; }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    /** Rows, columns and dialect of the open file, for the status bar. */
    public ReadOnlyStringProperty dataSummaryProperty() { return dataSummary.getReadOnlyProperty(); }

    /** Opens {@code file} with sniffed settings. */
    public void open(Path file) {
        lastOptions = CsvOptions.defaults();
        load.load(file.toAbsolutePath().normalize(), lastOptions);
    }

    /**
     * The welcome screen's one click: opens {@code sample}, takes its target and starts a short run as soon as the
     * task is known, so that a new user sees the leaderboard fill in.
     */
    public void quickRun(SampleFile sample) {
        quickRun.start(sample);
    }

    /** File > Open file…: asks for a file, then opens it. */
    public void openWithChooser() {
        services.dialogs().chooseCsvFile(lastDirectory()).ifPresent(this::open);
    }

    /** File > Open with options…: asks for a file, then how to read it, then opens it. */
    public void openWithOptions() {
        services.dialogs().chooseCsvFile(lastDirectory()).ifPresent(file -> {
            // A Parquet file's columns are typed and it has no delimiter or encoding: nothing to ask.
            if (org.automlwb.data.ParquetLoader.isParquet(file)) {
                open(file);
                return;
            }
            OpenOptionsViewModel form = new OpenOptionsViewModel();
            form.setFrom(lastOptions);
            if (services.dialogs().editOpenOptions(file, form)) {
                lastOptions = form.toOptions();
                load.load(file.toAbsolutePath().normalize(), lastOptions);
            }
        });
    }

    /** Re-reads the open file with these column types forced (the Data view's type override). */
    private void reloadWithTypes(java.util.Map<String, org.automlwb.data.ColumnKind> types) {
        LoadedData d = load.getData();
        if (d == null) return;
        lastOptions = lastOptions.withTypeOverrides(types);
        load.load(d.source(), lastOptions);
    }

    /** Forgets the recent files. */
    public void clearRecentFiles() {
        updateSettings(settings.get().withRecentFiles(List.of()));
    }

    /** Help > About. */
    public void showAbout() {
        String v = WorkbenchViewModel.class.getPackage().getImplementationVersion();
        services.dialogs().showAbout(v == null ? "(development build)" : v);
    }

    /** The window bounds remembered from the last launch. */
    public WindowBounds savedWindowBounds() { return settings.get().window(); }

    /** Whether the window may close now: asks first while a run is going. */
    public boolean confirmClose() {
        return !run.getPhase().active() || services.dialogs().confirm("Stop the run and quit?",
                "A run is still going. Quitting stops it; the trials finished so far are kept in its folder.",
                "Stop and quit");
    }

    /** Called once as the window closes: remembers the bounds and stops background work. */
    public void close(WindowBounds bounds) {
        load.cancel();
        run.abandon();
        Settings s = settings.updateAndGet(old -> old.withWindow(bounds));
        services.settings().save(s); // synchronously: the app is about to exit
        services.executor().shutdown();
    }

    private void onLoaded(LoadedData data) {
        grid.setData(data);
        profile.profileProperty().set(null);
        if (data == null) {
            title.set(APP_NAME);
            dataSummary.set("");
            return;
        }
        step.set(Step.DATA);
        title.set(data.source().getFileName() + " — " + APP_NAME);
        dataSummary.set(summary(data));
        updateSettings(settings.get().withRecentFiles(
                RecentFiles.push(settings.get().recentFiles(), data.source().toString())));
    }

    private void forgetPreviousRun() {
        if (run == null || run.getPhase().active()) return;
        run.forgetEnded();
        session.lastOutcomeProperty().set(null);
    }

    static String summary(LoadedData data) {
        String rows = Fmt.count(data.table().rowCount()) + " rows · " + data.table().columnCount() + " columns";
        CsvDialect d = data.dialect();
        if (d == null) return rows;
        return rows + " · " + delimiterName(d.delimiter()) + (d.charset() == null ? "" : " · " + d.charset().name())
                + (d.decimalComma() ? " · decimal comma" : "");
    }

    private static String delimiterName(char c) {
        return switch (c) {
            case ',' -> "comma-separated";
            case ';' -> "semicolon-separated";
            case '\t' -> "tab-separated";
            case '|' -> "pipe-separated";
            default -> String.format(Locale.ROOT, "'%c'-separated", c);
        };
    }

    private Path lastDirectory() {
        return recentFiles.isEmpty() ? null : recentFiles.get(0).getParent();
    }

    /** The Spark home and master URL a run on a Spark cluster goes to (Settings). */
    public org.automlwb.ui.settings.SparkSettings sparkSettings() { return settings.get().spark(); }

    /** File › Settings…: edits the Spark settings in a dialog and keeps them when saved. */
    public void editSettings() {
        services.dialogs().editSparkSettings(sparkSettings()).ifPresent(this::setSparkSettings);
    }

    /** Keeps new Spark settings (saved in the background, used by the next run). */
    public void setSparkSettings(org.automlwb.ui.settings.SparkSettings spark) {
        updateSettings(settings.get().withSpark(spark));
    }

    private void updateSettings(Settings next) {
        settings.set(next);
        recentFiles.setAll(next.recentFiles().stream().map(Path::of).toList());
        services.executor().submit("save settings", () -> {
            services.settings().save(settings.get());
            return null;
        }, ok -> { }, e -> LOG.warn("Saving settings failed", e));
    }
}
