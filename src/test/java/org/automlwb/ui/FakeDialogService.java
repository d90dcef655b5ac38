package org.automlwb.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.dialog.OpenOptionsViewModel;

/** Answers dialogs as a test tells it to and records what was shown. */
public final class FakeDialogService implements DialogService {
    public final List<ErrorReport> errors = new ArrayList<>();
    public Path fileToChoose;
    public Consumer<OpenOptionsViewModel> optionsEdit = o -> { };
    public boolean pressOpen = true;
    public int aboutShown;
    public Path jsonToOpen;
    public Path jsonToSave;
    /** What confirm() answers, and the questions it was asked. */
    public boolean confirmAnswer = true;
    public final List<String> confirmations = new ArrayList<>();

    @Override public void showError(ErrorReport report) { errors.add(report); }

    @Override public Optional<Path> chooseCsvFile(Path initialDirectory) { return Optional.ofNullable(fileToChoose); }

    @Override
    public boolean editOpenOptions(Path file, OpenOptionsViewModel options) {
        optionsEdit.accept(options);
        return pressOpen;
    }

    @Override
    public Optional<Path> chooseJsonToOpen(String title, Path initialDirectory) { return Optional.ofNullable(jsonToOpen); }

    @Override
    public Optional<Path> chooseJsonToSave(String title, Path initialDirectory, String suggestedName) {
        return Optional.ofNullable(jsonToSave);
    }

    public Path csvToSave;
    public final List<Path> opened = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();

    @Override
    public Optional<Path> chooseCsvToSave(String title, Path initialDirectory, String suggestedName) {
        return Optional.ofNullable(csvToSave);
    }

    @Override
    public void openExternally(Path file) { opened.add(file); }

    public final List<String> copied = new ArrayList<>();

    @Override
    public void copyToClipboard(String text) { copied.add(text); }

    @Override
    public void showInfo(String title, String message) { infos.add(message); }

    @Override
    public boolean confirm(String title, String message, String okLabel) {
        confirmations.add(title);
        return confirmAnswer;
    }

    @Override public void showAbout(String version) { aboutShown++; }

    /** The answer to {@link #askText}; null answers Cancel. */
    public String textAnswer;
    /** Whether the fake desktop has a trash; what was moved there. */
    public boolean trash;
    public final List<Path> trashed = new ArrayList<>();

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        return Optional.ofNullable(textAnswer);
    }

    @Override public boolean trashAvailable() { return trash; }

    @Override
    public boolean moveToTrash(Path path) {
        if (!trash) return false;
        trashed.add(path);
        return true;
    }

    /** The answer to {@link #chooseFolder}; null answers Cancel. */
    public Path folderToChoose;

    @Override
    public Optional<Path> chooseFolder(String title, Path initialDirectory) { return Optional.ofNullable(folderToChoose); }
}
