package org.automlwb.ui.dialog;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.automlwb.ui.Css;

/** {@link DialogService} with real JavaFX dialogs, owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    private final java.util.function.Consumer<String> showDocument;

    /** @param showDocument opens a URI with the system's program (the application's HostServices) */
    public FxDialogService(Window owner, java.util.function.Consumer<String> showDocument) {
        this.owner = owner;
        this.showDocument = showDocument;
    }

    public FxDialogService(Window owner) {
        this(owner, uri -> { });
    }

    @Override
    public void showError(ErrorReport report) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle(report.title());
        alert.setHeaderText(report.title());
        Label message = new Label(report.message());
        message.setWrapText(true);
        VBox content = new VBox(8, message);
        if (!report.hint().isBlank()) {
            Label hint = new Label(report.hint());
            hint.setWrapText(true);
            hint.getStyleClass().add(Css.ERROR_HINT);
            content.getChildren().add(hint);
        }
        content.setPrefWidth(520);
        alert.getDialogPane().setContent(content);
        if (!report.details().isBlank()) {
            TextArea details = new TextArea(report.details());
            details.setEditable(false);
            details.setWrapText(false);
            details.setPrefRowCount(12);
            VBox.setVgrow(details, Priority.ALWAYS);
            alert.getDialogPane().setExpandableContent(new VBox(details));
        }
        style(alert);
        alert.showAndWait();
    }

    @Override
    public Optional<Path> chooseCsvFile(Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a data file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("CSV, text and Parquet files", "*.csv", "*.tsv", "*.txt", "*.CSV",
                        "*.parquet"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        File f = chooser.showOpenDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseJsonToOpen(String title, Path initialDirectory) {
        return Optional.ofNullable(jsonChooser(title, initialDirectory).showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseCsvToSave(String title, Path initialDirectory, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseDataToSave(String title, Path initialDirectory, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv"),
                new FileChooser.ExtensionFilter("Parquet files", "*.parquet"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        chooser.setInitialFileName(suggestedName);
        File f = chooser.showSaveDialog(owner);
        if (f == null) return Optional.empty();
        // The chosen filter decides the format when the name has no extension of its own.
        String name = f.getName().toLowerCase(java.util.Locale.ROOT);
        boolean parquet = chooser.getSelectedExtensionFilter() != null
                && chooser.getSelectedExtensionFilter().getDescription().startsWith("Parquet");
        if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
            f = new File(f.getParentFile(), f.getName() + (parquet ? ".parquet" : ".csv"));
        }
        return Optional.of(f.toPath());
    }

    @Override
    public void openExternally(Path file) {
        showDocument.accept(file.toUri().toString());
    }

    @Override
    public void copyToClipboard(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void showInfo(String title, String message) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                message);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.showAndWait();
    }

    @Override
    public Optional<Path> chooseJsonToSave(String title, Path initialDirectory, String suggestedName) {
        FileChooser chooser = jsonChooser(title, initialDirectory);
        chooser.setInitialFileName(suggestedName);
        return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
    }

    private static FileChooser jsonChooser(String title, Path initialDirectory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON files", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialDirectory != null && Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        return chooser;
    }

    @Override
    public boolean editOpenOptions(Path file, OpenOptionsViewModel options) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Open with options");
        dialog.setHeaderText("How to read " + file.getFileName());
        ButtonType open = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(open, ButtonType.CANCEL);
        dialog.getDialogPane().setContent(new OpenOptionsPane(options));
        dialog.getDialogPane().lookupButton(open).getStyleClass().add(Styles.ACCENT);
        dialog.getDialogPane().lookupButton(open).disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !options.isValid(),
                        options.encodingProperty()));
        style(dialog);
        return dialog.showAndWait().filter(b -> b == open).isPresent();
    }

    @Override
    public Optional<org.automlwb.ui.settings.SparkSettings> editSparkSettings(
            org.automlwb.ui.settings.SparkSettings current) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Running on a Spark cluster");
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        SparkSettingsPane pane = new SparkSettingsPane(current, dir -> chooseFolder("Spark home", dir));
        dialog.getDialogPane().setContent(pane);
        dialog.getDialogPane().lookupButton(save).getStyleClass().add(Styles.ACCENT);
        // Wrong settings are not saved: a run would only fail with the same line later.
        dialog.getDialogPane().lookupButton(save).disableProperty().bind(pane.problemBinding().isNotEmpty());
        style(dialog);
        return dialog.showAndWait().filter(b -> b == save).map(b -> pane.value());
    }

    @Override
    public boolean confirm(String title, String message, String okLabel) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        ButtonType ok = new ButtonType(okLabel, ButtonBar.ButtonData.OK_DONE);
        alert.getButtonTypes().setAll(ok, ButtonType.CANCEL);
        style(alert);
        return alert.showAndWait().filter(b -> b == ok).isPresent();
    }

    @Override
    public void showAbout(String version) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("About AutoML Workbench");
        alert.setHeaderText("AutoML Workbench " + version);
        Label text = new Label("Takes a CSV file to a tuned, explained, exported model.\n\n"
                + "Built on Tribuo 4.3, Tablesaw, JavaFX 21, AtlantaFX and Ikonli.\n"
                + "Java " + System.getProperty("java.version") + " · JavaFX "
                + System.getProperty("javafx.runtime.version", "?") + "\n"
                + "Log file: " + ErrorReport.LOG_LOCATION);
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        style(alert);
        alert.showAndWait();
    }

    private static void style(Dialog<?> dialog) {
        dialog.getDialogPane().getStylesheets().add(Css.stylesheet(Css.DIALOGS));
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(message);
        style(d);
        return d.showAndWait();
    }

    @Override
    public boolean trashAvailable() {
        // AWT's Desktop knows the trash on Windows and macOS; most Linux desktops are not supported by it.
        try {
            return java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.MOVE_TO_TRASH);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public boolean moveToTrash(Path path) {
        try {
            return trashAvailable() && java.awt.Desktop.getDesktop().moveToTrash(path.toFile());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDirectory) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        if (initialDirectory != null && java.nio.file.Files.isDirectory(initialDirectory)) {
            chooser.setInitialDirectory(initialDirectory.toFile());
        }
        return Optional.ofNullable(chooser.showDialog(owner)).map(java.io.File::toPath);
    }
}
