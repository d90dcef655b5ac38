package org.automlwb.ui.dialog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Every dialog the view models open, behind an interface so that view models are tested with a fake that
 * answers instead of a person.
 */
public interface DialogService {
    /** Shows an error; returns when the user closed it. */
    void showError(ErrorReport report);

    /** Asks for a CSV file to open, starting in {@code initialDirectory} (may be null). */
    Optional<Path> chooseCsvFile(Path initialDirectory);

    /**
     * Lets the user edit how {@code file} is read. Edits go into {@code options}.
     *
     * @return true when the user pressed Open, false on Cancel
     */
    boolean editOpenOptions(Path file, OpenOptionsViewModel options);

    /**
     * Lets the user edit the Spark settings (Spark home, master URL), checked as they type; the new settings, or
     * empty when cancelled. Without a window (tests' fakes): empty.
     */
    default java.util.Optional<org.automlwb.ui.settings.SparkSettings> editSparkSettings(
            org.automlwb.ui.settings.SparkSettings current) {
        return java.util.Optional.empty();
    }

    /**
     * Asks for a JSON file to read (a recipe or a search space).
     *
     * @param title            the chooser's title, e.g. "Open Recipe"
     * @param initialDirectory where to start (may be null)
     */
    Optional<Path> chooseJsonToOpen(String title, Path initialDirectory);

    /**
     * Asks where to write a JSON file.
     *
     * @param title         the chooser's title, e.g. "Save Recipe"
     * @param suggestedName the file name offered, e.g. {@code recipe.json}
     */
    Optional<Path> chooseJsonToSave(String title, Path initialDirectory, String suggestedName);

    /** Asks where to write a CSV file (predictions). */
    Optional<Path> chooseCsvToSave(String title, Path initialDirectory, String suggestedName);

    /**
     * Asks where to write a prepared data set, as CSV or Parquet (by the name's extension). Without its own dialog,
     * the CSV one.
     */
    default Optional<Path> chooseDataToSave(String title, Path initialDirectory, String suggestedName) {
        return chooseCsvToSave(title, initialDirectory, suggestedName);
    }

    /** Opens a file with the system's program for it (the report in a web browser), or a folder in the file manager. */
    void openExternally(Path file);

    /** Puts text on the system clipboard (a path to paste into a file manager, a terminal or an e-mail). */
    void copyToClipboard(String text);

    /** Tells the user something finished, in plain words. */
    void showInfo(String title, String message);

    /** Asks a yes/no question; returns true when the user pressed {@code okLabel}. */
    boolean confirm(String title, String message, String okLabel);

    /** Shows the About box. */
    void showAbout(String version);

    /**
     * Asks for a line of text (a name).
     *
     * @param initial the text the field starts with
     * @return the text when the user pressed OK, empty on Cancel
     */
    Optional<String> askText(String title, String message, String initial);

    /** Whether this desktop has a trash (recycle bin) that {@link #moveToTrash} can use. */
    boolean trashAvailable();

    /**
     * Moves a file or folder to the desktop's trash, where the user can restore it.
     *
     * @return false when the desktop has no trash or refused: the caller then decides whether to delete for good
     */
    boolean moveToTrash(Path path);

    /** Asks for a folder, starting in {@code initialDirectory} when it exists (may be null). */
    Optional<Path> chooseFolder(String title, Path initialDirectory);
}
