package org.automlwb.ui.dialog;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.automlwb.ui.settings.SparkSettings;

/**
 * The Spark part of Settings: the Spark home (with a folder chooser) and the master URL, and under them what is
 * wrong with them, in one line, as they are typed. Both empty is fine: runs then stay on this computer.
 */
final class SparkSettingsPane extends GridPane {
    private final TextField home = new TextField();
    private final TextField master = new TextField();
    private final StringBinding problem;

    /** @param chooseFolder opens a folder chooser at the given folder (or null); empty when cancelled */
    SparkSettingsPane(SparkSettings current, Function<Path, java.util.Optional<Path>> chooseFolder) {
        setHgap(12);
        setVgap(10);
        setPadding(new Insets(12, 20, 8, 20));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Spark master URL" whole, never "Spark m..."
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(380);
        getColumnConstraints().addAll(labels, fields);

        home.setId("settings-spark-home");
        home.setText(current.home());
        home.setPromptText("e.g. /opt/spark-4.2.0-bin-hadoop3");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> chooseFolder.apply(home.getText().isBlank() ? null : Path.of(home.getText().strip()))
                .ifPresent(p -> home.setText(p.toString())));
        HBox homeRow = new HBox(8, home, browse);
        HBox.setHgrow(home, Priority.ALWAYS);
        master.setId("settings-spark-master");
        master.setText(current.master());
        master.setPromptText("e.g. spark://master.example.com:7077 or local[4]");
        Label help = new Label("A run on a Spark cluster is started with this Spark's bin/spark-submit and sent to "
                + "this master. Leave both empty to run on this computer only.");
        help.setWrapText(true);
        help.setMaxWidth(520);
        help.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        Label message = new Label();
        message.setId("settings-spark-problem");
        message.setWrapText(true);
        message.setMaxWidth(520);
        message.getStyleClass().add(Styles.DANGER);
        problem = Bindings.createStringBinding(() -> {
            SparkSettings s = value();
            if (s.home().isEmpty() && s.master().isEmpty()) return "";
            String p = s.problem();
            return p == null ? "" : p;
        }, home.textProperty(), master.textProperty());
        message.textProperty().bind(problem);

        add(new Label("Spark home"), 0, 0);
        add(homeRow, 1, 0);
        add(new Label("Spark master URL"), 0, 1);
        add(master, 1, 1);
        add(help, 1, 2);
        add(message, 1, 3);
    }

    /** The settings as typed. */
    SparkSettings value() {
        return new SparkSettings(home.getText(), master.getText());
    }

    /** What is wrong with them, or empty (also when both are empty). */
    StringBinding problemBinding() { return problem; }
}
