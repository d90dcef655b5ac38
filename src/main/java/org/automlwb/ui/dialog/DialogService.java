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

    /** Asks a yes/no question; returns true when the user pressed {@code okLabel}. */
    boolean confirm(String title, String message, String okLabel);

    /** Shows the About box. */
    void showAbout(String version);
}
