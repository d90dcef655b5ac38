package org.automlwb.ui.welcome;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.automlwb.ui.Css;
import org.automlwb.ui.Fmt;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** What the Data step shows before any file is open: open buttons, sample files, recent files, a drop hint. */
public final class WelcomeView extends ScrollPane {
    private final VBox samplesBox = new VBox(2);
    private final VBox recentBox = new VBox(2);
    private final Consumer<Path> open;

    /**
     * @param open        opens a file
     * @param openChooser File > Open CSV…
     * @param openOptions File > Open with options…
     */
    public WelcomeView(WelcomeViewModel vm, ObservableList<Path> recent, Consumer<Path> open,
                       Runnable openChooser, Runnable openOptions) {
        this.open = open;
        setId("welcome");
        getStylesheets().add(Css.stylesheet(Css.WELCOME));
        getStyleClass().addAll(Css.WELCOME_PANE, atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        setFitToHeight(true);

        FontIcon icon = new FontIcon(MaterialDesignF.FILE_TABLE_OUTLINE);
        icon.getStyleClass().add(Css.EMPTY_ICON);
        Label title = new Label("Open a CSV file to begin");
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Look at its columns, pick the one to predict, and let the search find a model.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);
        subtitle.setWrapText(true);

        Button openButton = new Button("Open CSV…", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        openButton.setId("welcome-open");
        openButton.getStyleClass().add(Styles.ACCENT);
        openButton.setDefaultButton(true);
        openButton.setOnAction(e -> openChooser.run());
        Button optionsButton = new Button("Open with options…");
        optionsButton.setOnAction(e -> openOptions.run());
        HBox buttons = new HBox(8, openButton, optionsButton);
        buttons.setAlignment(Pos.CENTER);

        Label drop = new Label("or drop a .csv file anywhere on this window", new FontIcon(MaterialDesignT.TRAY_ARROW_DOWN));
        drop.getStyleClass().add(Css.DROP_HINT);

        VBox samples = section("Try a sample", MaterialDesignF.FLASK_OUTLINE, samplesBox);
        samples.visibleProperty().bind(Bindings.isNotEmpty(vm.samples()));
        samples.managedProperty().bind(samples.visibleProperty());
        VBox recents = section("Recent files", MaterialDesignH.HISTORY, recentBox);
        recents.visibleProperty().bind(Bindings.isNotEmpty(recent));
        recents.managedProperty().bind(recents.visibleProperty());
        HBox lists = new HBox(32, samples, recents);
        lists.setAlignment(Pos.TOP_CENTER);

        VBox card = new VBox(14, icon, title, subtitle, buttons, drop, lists);
        card.setAlignment(Pos.TOP_CENTER);
        card.getStyleClass().add(Css.CARD);
        card.setMaxWidth(760);
        VBox outer = new VBox(card);
        outer.setAlignment(Pos.CENTER);
        outer.getStyleClass().add("welcome-outer");
        setContent(outer);

        vm.samples().addListener((ListChangeListener<SampleFile>) c -> showSamples(vm.samples()));
        recent.addListener((ListChangeListener<Path>) c -> showRecent(recent));
        showSamples(vm.samples());
        showRecent(recent);
    }

    private static VBox section(String name, org.kordamp.ikonli.Ikon ikon, VBox items) {
        Label heading = new Label(name, new FontIcon(ikon));
        heading.getStyleClass().add(Css.SECTION_TITLE);
        VBox box = new VBox(6, heading, items);
        box.setMinWidth(260);
        return box;
    }

    private void showSamples(ObservableList<SampleFile> files) {
        samplesBox.getChildren().setAll(files.stream()
                .map(f -> link(f.path(), f.name(), f.bytes() < 0 ? "" : Fmt.bytes(f.bytes()))).toList());
    }

    private void showRecent(ObservableList<Path> files) {
        recentBox.getChildren().setAll(files.stream().limit(6)
                .map(p -> link(p, String.valueOf(p.getFileName()), p.getParent() == null ? "" : p.getParent().toString()))
                .toList());
    }

    private HBox link(Path file, String text, String note) {
        Hyperlink link = new Hyperlink(text);
        link.getStyleClass().add(Css.FILE_LINK);
        link.setTooltip(new Tooltip(file.toString()));
        link.setOnAction(e -> open.accept(file));
        Label n = new Label(note);
        n.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        n.setMaxWidth(220);
        HBox row = new HBox(6, link, n);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }
}
