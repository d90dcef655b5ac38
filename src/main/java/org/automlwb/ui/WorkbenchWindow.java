package org.automlwb.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.automlwb.ui.experiments.ExperimentsView;
import org.automlwb.ui.grid.DataGridView;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.load.LoadingView;
import org.automlwb.ui.prepare.PrepareView;
import org.automlwb.ui.profile.ProfilePanel;
import org.automlwb.ui.search.SearchView;
import org.automlwb.ui.target.TargetBar;
import org.automlwb.ui.welcome.WelcomeActions;
import org.automlwb.ui.welcome.WelcomeView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.automlwb.ui.results.ResultsView;
import org.automlwb.ui.run.RunView;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/** The main window's content: menu bar, flow navigation, the current step, the status bar. */
public final class WorkbenchWindow extends BorderPane {
    private final WorkbenchViewModel vm;
    private final StackPane content = new StackPane();
    private final WelcomeView welcome;
    // Built when the first data set is loaded: the first frame shows the welcome screen, and the grid, the
    // profile's charts and the target bar took a tenth of the start-up to build for nothing.
    private BorderPane dataView;
    // The later steps' views are built the first time they show: the window comes up sooner without them.
    private final Map<Step, Supplier<Node>> stepFactories = new EnumMap<>(Step.class);
    private final Map<Step, Node> stepViews = new EnumMap<>(Step.class);
    private final Menu recentMenu = new Menu("Open Recent");
    private final Runnable quit;

    /** @param quit closes the window (File > Quit) */
    public WorkbenchWindow(WorkbenchViewModel vm, Runnable quit) {
        this.vm = vm;
        this.quit = quit;
        setId("workbench");
        getStylesheets().add(Css.stylesheet(Css.SHELL));

        welcome = new WelcomeView(vm.welcome(), vm.recentFiles(),
                new WelcomeActions(vm::open, vm::quickRun, vm::openWithChooser, vm::openWithOptions));
        stepFactories.put(Step.PREPARE, () -> new PrepareView(vm.prepare()));
        stepFactories.put(Step.SEARCH, () -> new SearchView(vm.search()));
        stepFactories.put(Step.RUN, () -> new RunView(vm.run(), () -> vm.stepProperty().set(Step.DATA),
                () -> vm.stepProperty().set(Step.RESULTS)));
        stepFactories.put(Step.RESULTS, () -> {
            ResultsView results = new ResultsView(vm.results());
            results.offerLatest(vm.experiments().latestProperty(), vm.experiments()::open);
            return results;
        });
        stepFactories.put(Step.EXPERIMENTS, () -> new ExperimentsView(vm.experiments()));

        setTop(menuBar());
        setLeft(new NavigationView(vm));
        setCenter(new StackPane(content, new LoadingView(vm.load())));
        setBottom(new StatusBar(vm));

        vm.stepProperty().addListener((obs, o, n) -> showStep());
        vm.load().dataProperty().addListener((obs, o, n) -> showStep());
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();
        showStep();
        installDragAndDrop();
    }

    private void showStep() {
        Step step = vm.stepProperty().get();
        Node node;
        if (step == Step.DATA) node = vm.load().getData() == null ? welcome : dataView();
        else node = stepViews.computeIfAbsent(step, s -> stepFactories.getOrDefault(s, () -> new EmptyStepView(s)).get());
        if (content.getChildren().size() != 1 || content.getChildren().get(0) != node) content.getChildren().setAll(node);
    }

    private BorderPane dataView() {
        if (dataView == null) {
            DataGridView grid = new DataGridView(vm.grid());
            ProfilePanel profile = new ProfilePanel(vm.profile(), vm.load().profilingProperty());
            SplitPane dataSplit = new SplitPane(grid, profile);
            dataSplit.setOrientation(Orientation.HORIZONTAL);
            dataSplit.setDividerPositions(0.70);
            SplitPane.setResizableWithParent(profile, false);
            dataView = new BorderPane(dataSplit);
            dataView.setTop(new TargetBar(vm.target(), vm.grid().selectedColumnProperty()));
        }
        return dataView;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open file…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> vm.openWithChooser());
        MenuItem openOptions = new MenuItem("Open with Options…");
        openOptions.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openOptions.setOnAction(e -> vm.openWithOptions());
        MenuItem openExperiment = new MenuItem("Open Experiment…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openExperiment.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        openExperiment.setOnAction(e -> vm.experiments().openWithChooser());
        MenuItem experiments = new MenuItem("Experiments");
        experiments.setOnAction(e -> vm.stepProperty().set(Step.EXPERIMENTS));
        MenuItem settings = new MenuItem("Settings…");
        settings.setId("menu-settings");
        settings.setOnAction(e -> vm.editSettings());
        MenuItem exit = new MenuItem("Quit", new FontIcon(MaterialDesignE.EXIT_TO_APP));
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(e -> quit.run());
        Menu file = new Menu("File", null, open, openOptions, recentMenu, new SeparatorMenuItem(),
                openExperiment, experiments, new SeparatorMenuItem(), settings, new SeparatorMenuItem(), exit);

        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        RadioMenuItem dark = new RadioMenuItem("Dark Theme");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setSelected(vm.themeProperty().get() == Theme.LIGHT);
        dark.setSelected(vm.themeProperty().get() == Theme.DARK);
        light.setOnAction(e -> vm.themeProperty().set(Theme.LIGHT));
        dark.setOnAction(e -> vm.themeProperty().set(Theme.DARK));
        vm.themeProperty().addListener((obs, o, t) -> (t == Theme.DARK ? dark : light).setSelected(true));
        Menu view = new Menu("View", null, light, dark);

        MenuItem about = new MenuItem("About AutoML Workbench", new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        about.setOnAction(e -> vm.showAbout());
        Menu help = new Menu("Help", null, about);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        bar.setUseSystemMenuBar(true); // the macOS menu bar; ignored elsewhere
        return bar;
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        int n = 1;
        for (Path p : vm.recentFiles()) {
            MenuItem item = new MenuItem((n <= 9 ? "_" + n + "  " : "    ") + p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(true);
            n++;
            item.setOnAction(e -> vm.open(p));
            recentMenu.getItems().add(item);
        }
        if (!recentMenu.getItems().isEmpty()) {
            MenuItem clear = new MenuItem("Clear Recent Files");
            clear.setOnAction(e -> vm.clearRecentFiles());
            recentMenu.getItems().addAll(new SeparatorMenuItem(), clear);
        }
        recentMenu.setDisable(vm.recentFiles().isEmpty());
    }

    private void installDragAndDrop() {
        setOnDragOver(e -> {
            if (droppedCsv(e).isPresent()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!getStyleClass().contains(Css.DROP_TARGET)) getStyleClass().add(Css.DROP_TARGET);
            }
            e.consume();
        });
        setOnDragExited(e -> getStyleClass().remove(Css.DROP_TARGET));
        setOnDragDropped(e -> {
            Optional<Path> file = droppedCsv(e);
            file.ifPresent(vm::open);
            e.setDropCompleted(file.isPresent());
            getStyleClass().remove(Css.DROP_TARGET);
            e.consume();
        });
    }

    private Optional<Path> droppedCsv(DragEvent e) {
        if (!e.getDragboard().hasFiles() || vm.load().getState() == LoadState.LOADING) return Optional.empty();
        return e.getDragboard().getFiles().stream().map(File::toPath)
                .filter(p -> CsvFileNames.isCsvName(p.getFileName().toString())).findFirst();
    }
}
