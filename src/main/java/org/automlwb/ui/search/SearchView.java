package org.automlwb.ui.search;

import atlantafx.base.theme.Styles;
import javafx.beans.property.IntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Duration;
import org.automlwb.engine.Metric;
import org.automlwb.ui.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * The Search step: presets, run settings, and per algorithm an on/off check box and its hyperparameter ranges,
 * checked as the user types with the message under the field and the parameter's help in a tooltip.
 */
public final class SearchView extends BorderPane {
    private final SearchViewModel vm;
    private final VBox algorithmBox = new VBox(6);

    public SearchView(SearchViewModel vm) {
        this.vm = vm;
        setId("search-view");
        getStylesheets().add(Css.stylesheet("search.css"));
        getStyleClass().add("search");
        setTop(settings());
        algorithmBox.setId("algorithms");
        algorithmBox.getStyleClass().add("algorithms");
        ScrollPane scroll = new ScrollPane(algorithmBox);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("algorithm-scroll");
        setCenter(scroll);
        vm.algorithms().addListener((ListChangeListener<AlgorithmEditor>) c -> showAlgorithms());
        showAlgorithms();
    }

    private Node settings() {
        ToggleGroup presets = new ToggleGroup();
        HBox presetBox = new HBox(6);
        presetBox.setAlignment(Pos.CENTER_LEFT);
        Label presetLabel = new Label("Preset");
        presetLabel.getStyleClass().add("field-label");
        presetBox.getChildren().add(presetLabel);
        for (SearchPreset p : SearchPreset.values()) {
            ToggleButton b = new ToggleButton(p.title());
            b.setId("preset-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.setTooltip(new Tooltip(p.summary()));
            b.setToggleGroup(presets);
            b.setUserData(p);
            b.setOnAction(e -> vm.applyPreset(p));
            presetBox.getChildren().add(b);
        }
        Runnable showPreset = () -> presets.getToggles().forEach(t -> t.setSelected(t.getUserData() == vm.presetProperty().get()));
        vm.presetProperty().addListener((obs, o, p) -> showPreset.run());
        showPreset.run();
        Label custom = new Label();
        custom.getStyleClass().add(Styles.TEXT_MUTED);
        custom.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.presetProperty().get() == null ? "Custom settings" : vm.presetProperty().get().summary(),
                vm.presetProperty()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Button open = new Button("Open…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setTooltip(new Tooltip("Read a search space (space.json)"));
        open.setOnAction(e -> vm.open());
        Button save = new Button("Save…", new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setTooltip(new Tooltip("Write the search space as space.json, for the command line too"));
        save.setOnAction(e -> vm.save());
        save.disableProperty().bind(vm.problemProperty().isNotEmpty());
        presetBox.getChildren().addAll(custom, grow, open, save);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getStyleClass().add("run-settings");
        Spinner<Integer> budget = spinner(vm.budgetSecondsProperty(), 0, 24 * 3600, 30, "budget");
        budget.setTooltip(new Tooltip("Wall-clock time for the whole run, ensemble and final fit included. 0: no limit (set trials)."));
        Spinner<Integer> trials = spinner(vm.maxTrialsProperty(), 0, 100_000, 10, "max-trials");
        trials.setTooltip(new Tooltip("Most models to try. 0: as many as the time allows."));
        ComboBox<Metric> metric = new ComboBox<>(vm.metrics());
        metric.setId("metric");
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        metric.setConverter(new StringConverter<>() {
            @Override public String toString(Metric m) { return m == null ? "" : metricName(m); }
            @Override public Metric fromString(String s) { return null; }
        });
        Tooltip metricTip = new Tooltip();
        metricTip.setWrapText(true);
        metricTip.setMaxWidth(420);
        // What the chosen metric means and which way is better, not only what a metric is for.
        metricTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                "What the search optimises and the leaderboard ranks by." + (vm.metricProperty().get() == null ? ""
                        : "\n\n" + org.automlwb.engine.PlainNames.meaning(vm.metricProperty().get())),
                vm.metricProperty()));
        metric.setTooltip(metricTip);
        Spinner<Integer> folds = spinner(vm.foldsProperty(), 2, SearchViewModel.MAX_FOLDS, 1, "folds");
        folds.setTooltip(new Tooltip("Cross-validation folds. Large data uses a holdout instead."));
        Spinner<Integer> threads = spinner(vm.threadsProperty(), 1, Runtime.getRuntime().availableProcessors(), 1, "threads");
        threads.setTooltip(new Tooltip("Cores the run may use."));
        Spinner<Integer> seed = spinner(vm.seedProperty(), 0, Integer.MAX_VALUE, 1, "seed");
        seed.setTooltip(new Tooltip("The same seed and trial limit give the same models again."));
        CheckBox ensemble = new CheckBox("Build an ensemble of the best models");
        ensemble.setId("ensemble");
        ensemble.selectedProperty().bindBidirectional(vm.ensembleProperty());
        addField(grid, 0, 0, "Time budget (s)", budget);
        addField(grid, 1, 0, "Max trials (0: any)", trials);
        addField(grid, 2, 0, "Metric", metric);
        addField(grid, 0, 1, "Validation folds", folds);
        addField(grid, 1, 1, "Threads", threads);
        addField(grid, 2, 1, "Seed", seed);
        grid.add(ensemble, 0, 2, 6, 1);
        grid.add(testFileRow(), 0, 4, 6, 1);
        addField(grid, 0, 3, "Engines", engines());
        GridPane.setColumnSpan(grid.getChildren().get(grid.getChildren().size() - 1), 5);

        Label problem = new Label();
        problem.setId("search-problem");
        problem.getStyleClass().addAll(Styles.DANGER, "problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        Label heading = new Label("Algorithms and their search ranges");
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox top = new VBox(10, presetBox, grid, problem, heading);
        top.getStyleClass().add("search-settings");
        return top;
    }

    /** The optional test file: its name (whole path in the tooltip), Choose… and Clear. */
    private Node testFileRow() {
        Label caption = new Label("Test file (optional)");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        Label name = new Label();
        name.setId("search-test-file");
        name.setMinWidth(0);
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            java.nio.file.Path p = vm.testFileProperty().get();
            return p == null ? "none: Results' Test column stays empty" : String.valueOf(p.getFileName());
        }, vm.testFileProperty()));
        Tooltip why = new Tooltip("A separate CSV with the same columns and the target, which the search never "
                + "sees: the chosen model is scored on it once, at the end, and Results shows it in the Test "
                + "column (as run --test does on the command line).");
        name.setTooltip(why);
        Button choose = new Button("Choose…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        choose.setId("search-choose-test");
        choose.setTooltip(why);
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> vm.chooseTestFile());
        Button clear = new Button("Clear");
        clear.setId("search-clear-test");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(e -> vm.clearTestFile());
        clear.disableProperty().bind(vm.testFileProperty().isNull());
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, caption, name, choose, clear);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /**
     * One check box per engine of this build: ticked ones run one after another on the same data, each with an
     * equal share of the budget left, and their models share the leaderboard. An engine that cannot run here is
     * greyed out, with why in its tooltip.
     */
    private Node engines() {
        FlowPane box = new FlowPane(14, 4);
        box.setId("engines");
        for (EngineChoice c : vm.engines()) {
            CheckBox b = new CheckBox(c.kind().label());
            b.setId("engine-" + c.kind().key());
            b.selectedProperty().bindBidirectional(c.selectedProperty());
            Tooltip tip = new Tooltip("Ticked engines run one after another on the same data and validation, each "
                    + "with an equal share of the time left; the leaderboard ranks all their models.");
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            b.setTooltip(tip);
            Runnable show = () -> {
                String why = c.unavailableProperty().get();
                b.setDisable(why != null);
                if (why != null) tip.setText("Not available here: " + why);
            };
            c.unavailableProperty().addListener((obs, o, v) -> show.run());
            show.run();
            box.getChildren().add(b);
        }
        return box;
    }

    private static void addField(GridPane grid, int col, int row, String label, Node field) {
        Label l = new Label(label);
        l.getStyleClass().add("field-label");
        grid.add(l, col * 2, row);
        grid.add(field, col * 2 + 1, row);
    }

    private static Spinner<Integer> spinner(IntegerProperty p, int min, int max, int step, String id) {
        Spinner<Integer> s = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory f =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, Math.max(min, Math.min(max, p.get())), step);
        s.setValueFactory(f);
        s.setEditable(true);
        s.setId(id);
        s.setPrefWidth(130);
        f.valueProperty().addListener((obs, o, v) -> { if (v != null && v != p.get()) p.set(v); });
        p.addListener((obs, o, v) -> { if (!v.equals(f.getValue())) f.setValue(v.intValue()); });
        return s;
    }

    static String metricName(Metric m) {
        return org.automlwb.engine.PlainNames.metric(m);
    }

    private void showAlgorithms() {
        algorithmBox.getChildren().clear();
        if (vm.algorithms().isEmpty()) {
            Label hint = new Label("Pick the column to predict in Data: the algorithms depend on the task.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            algorithmBox.getChildren().add(hint);
            return;
        }
        for (AlgorithmEditor a : vm.algorithms()) algorithmBox.getChildren().add(algorithmPane(a));
    }

    private Node algorithmPane(AlgorithmEditor a) {
        CheckBox on = new CheckBox(a.displayName());
        on.setId("algo-" + a.id());
        on.selectedProperty().bindBidirectional(a.enabledProperty());
        on.getStyleClass().add("algorithm-switch");
        TitledPane pane = new TitledPane();
        pane.setGraphic(on);
        pane.setText(a.params().isEmpty() ? "nothing to tune"
                : a.params().size() + (a.params().size() == 1 ? " setting" : " settings"));
        pane.setExpanded(false);
        pane.getStyleClass().add("algorithm");
        if (a.params().isEmpty()) {
            pane.setCollapsible(false);
            return pane;
        }
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        grid.getStyleClass().add("param-grid");
        int row = 0;
        for (ParamEditor p : a.params()) {
            Label name = new Label(p.name());
            name.getStyleClass().add("param-name");
            Tooltip help = new Tooltip(p.help());
            help.setWrapText(true);
            help.setMaxWidth(380);
            help.setShowDelay(Duration.millis(300));
            name.setTooltip(help);
            grid.add(name, 0, row);
            if (p.isChoice()) {
                FlowPane choices = new FlowPane(10, 4);
                for (ParamEditor.Choice c : p.choices()) {
                    CheckBox box = new CheckBox(c.value());
                    box.selectedProperty().bindBidirectional(c.on());
                    choices.getChildren().add(box);
                }
                grid.add(choices, 1, row, 4, 1);
            } else {
                grid.add(new Label("from"), 1, row);
                grid.add(field(p.lowProperty(), a.id() + "-" + p.name() + "-low", help), 2, row);
                grid.add(new Label("to"), 3, row);
                grid.add(field(p.highProperty(), a.id() + "-" + p.name() + "-high", help), 4, row);
                CheckBox log = new CheckBox("log scale");
                log.selectedProperty().bindBidirectional(p.logProperty());
                log.setTooltip(new Tooltip("Try values spread evenly by order of magnitude (for ranges like 0.001 to 10)."));
                grid.add(log, 5, row);
            }
            row++;
            Label error = new Label();
            error.setId(a.id() + "-" + p.name() + "-error");
            error.getStyleClass().addAll(Styles.DANGER, "field-error");
            error.textProperty().bind(p.errorProperty());
            error.managedProperty().bind(p.errorProperty().isNotEmpty());
            error.visibleProperty().bind(p.errorProperty().isNotEmpty());
            grid.add(error, 1, row, 5, 1);
            row++;
        }
        grid.setPadding(new Insets(4, 8, 8, 8));
        pane.setContent(grid);
        grid.disableProperty().bind(a.enabledProperty().not());
        return pane;
    }

    private static TextField field(javafx.beans.property.StringProperty value, String id, Tooltip help) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(7);
        f.textProperty().bindBidirectional(value);
        f.setTooltip(help);
        return f;
    }
}
