package org.automlwb.ui.welcome;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.automlwb.ui.Css;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.search.SearchPreset;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * What the Data step shows before any file is open: open buttons, the sample files (each with a one-click quick
 * run), recent files and a drop hint.
 */
public final class WelcomeView extends ScrollPane {
    static final double TILE_WIDTH = 340;
    private final FlowPane samplesBox = new FlowPane(12, 12);
    private final VBox recentBox = new VBox(2);
    private final WelcomeActions actions;

    public WelcomeView(WelcomeViewModel vm, ObservableList<Path> recent, WelcomeActions actions) {
        this.actions = actions;
        setId("welcome");
        getStylesheets().add(Css.stylesheet(Css.WELCOME));
        getStyleClass().addAll(Css.WELCOME_PANE, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        setFitToHeight(true);

        FontIcon icon = new FontIcon(MaterialDesignF.FILE_TABLE_OUTLINE);
        icon.getStyleClass().add(Css.EMPTY_ICON);
        Label title = new Label("Open a data file to begin");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Look at its columns, pick the one to predict, and let the search find a model.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);

        Button openButton = new Button("Open file…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openButton.setId("welcome-open");
        openButton.getStyleClass().add(Styles.ACCENT);
        openButton.setDefaultButton(true);
        openButton.setOnAction(e -> actions.openChooser().run());
        Button optionsButton = new Button("Open with options…");
        optionsButton.setOnAction(e -> actions.openOptions().run());
        HBox buttons = new HBox(8, openButton, optionsButton);
        buttons.setAlignment(Pos.CENTER);

        Label drop = new Label("or drop a CSV or Parquet file anywhere on this window", new FontIcon(MaterialDesignT.TRAY_ARROW_DOWN));
        drop.getStyleClass().add(Css.DROP_HINT);

        samplesBox.setPrefWrapLength(2 * TILE_WIDTH + 12);
        samplesBox.setAlignment(Pos.TOP_CENTER);
        Label samplesHint = new Label("New here? Quick run opens a sample and searches for "
                + SearchPreset.QUICK.budget().toSeconds() + " seconds: watch the leaderboard fill in.");
        samplesHint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        samplesHint.setWrapText(true);
        VBox samples = section("Try a sample", MaterialDesignF.FLASK_OUTLINE, new VBox(8, samplesHint, samplesBox));
        samples.visibleProperty().bind(Bindings.isNotEmpty(vm.samples()));
        samples.managedProperty().bind(samples.visibleProperty());
        VBox recents = section("Recent files", MaterialDesignH.HISTORY, recentBox);
        recents.visibleProperty().bind(Bindings.isNotEmpty(recent));
        recents.managedProperty().bind(recents.visibleProperty());

        VBox card = new VBox(14, icon, title, subtitle, buttons, drop, samples, recents);
        card.setAlignment(Pos.TOP_CENTER);
        card.getStyleClass().add(Css.CARD);
        card.setMaxWidth(2 * TILE_WIDTH + 12 + 80);
        VBox outer = new VBox(card);
        outer.setAlignment(Pos.CENTER);
        outer.getStyleClass().add("welcome-outer");
        setContent(outer);

        vm.samples().addListener((ListChangeListener<SampleFile>) c -> showSamples(vm.samples()));
        recent.addListener((ListChangeListener<Path>) c -> showRecent(recent));
        showSamples(vm.samples());
        showRecent(recent);
    }

    private static VBox section(String name, org.kordamp.ikonli.Ikon ikon, Node content) {
        Label heading = new Label(name, new FontIcon(ikon));
        heading.getStyleClass().add(Css.SECTION_TITLE);
        heading.setMaxWidth(Double.MAX_VALUE);
        VBox box = new VBox(8, heading, content);
        box.setFillWidth(true);
        return box;
    }

    private void showSamples(ObservableList<SampleFile> files) {
        samplesBox.getChildren().setAll(files.stream().map(this::tile).toList());
    }

    /** One sample: its title and size, what it is about, and the two ways in. */
    private Node tile(SampleFile f) {
        Label name = new Label(f.title());
        name.getStyleClass().add(Css.SAMPLE_TITLE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label size = new Label(f.bytes() < 0 ? "" : Fmt.bytes(f.bytes()));
        size.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox head = new HBox(6, name, grow, size);
        head.setAlignment(Pos.BASELINE_LEFT);
        Label about = new Label(f.description().isEmpty() ? f.name() : f.description());
        about.getStyleClass().add(Styles.TEXT_MUTED);
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);

        String id = idOf(f);
        Button run = new Button("Quick run", new FontIcon(MaterialDesignP.PLAY));
        run.setId("sample-run-" + id);
        run.getStyleClass().addAll(Styles.ACCENT, Styles.SMALL);
        run.setTooltip(new Tooltip("Open " + f.name() + " and search for a model for "
                + SearchPreset.QUICK.budget().toSeconds() + " s"
                + (f.target() == null ? "" : ", predicting '" + f.target() + "'")));
        run.setOnAction(e -> actions.quickRun().accept(f));
        Button open = new Button("Open");
        open.setId("sample-open-" + id);
        open.getStyleClass().add(Styles.SMALL);
        open.setTooltip(new Tooltip(f.path().toString()));
        open.setOnAction(e -> actions.open().accept(f.path()));
        HBox buttons = new HBox(6, run, open);

        VBox tile = new VBox(6, head, about, buttons);
        tile.getStyleClass().add(Css.SAMPLE_TILE);
        tile.setPrefWidth(TILE_WIDTH);
        return tile;
    }

    /** A node id from the file name: {@code titanic-survival.csv} gives {@code titanic-survival}. */
    static String idOf(SampleFile f) {
        String n = f.name().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return (dot > 0 ? n.substring(0, dot) : n).replaceAll("[^a-z0-9]+", "-");
    }

    private void showRecent(ObservableList<Path> files) {
        recentBox.getChildren().setAll(files.stream().limit(6).map(this::link).toList());
    }

    private HBox link(Path file) {
        Hyperlink link = new Hyperlink(String.valueOf(file.getFileName()));
        link.getStyleClass().add(Css.FILE_LINK);
        link.setTooltip(new Tooltip(file.toString()));
        link.setOnAction(e -> actions.open().accept(file));
        Label n = new Label(file.getParent() == null ? "" : file.getParent().toString());
        n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox row = new HBox(6, link, n);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }
}
