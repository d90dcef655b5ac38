package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the window (none, or one CSV file from a desktop's "Open with") and which are commands. */
class DesktopLauncherTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsOrOneExistingCsvFileOpenTheWindow() throws Exception {
        Path csv = Files.writeString(dir.resolve("my data.csv"), "a,b\n1,2\n");
        assertTrue(DesktopLauncher.opensWindow(new String[0]));
        assertTrue(DesktopLauncher.opensWindow(new String[] {csv.toString()}));
    }

    @Test
    void commandsMissingFilesAndOtherFilesAreCommands() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.md"), "x");
        Path csv = Files.writeString(dir.resolve("a.csv"), "a\n1\n");
        assertFalse(DesktopLauncher.opensWindow(new String[] {"profile"}));
        assertFalse(DesktopLauncher.opensWindow(new String[] {"--help"}));
        assertFalse(DesktopLauncher.opensWindow(new String[] {dir.resolve("missing.csv").toString()}),
                "a missing file goes to the command line, which says what is wrong");
        assertFalse(DesktopLauncher.opensWindow(new String[] {text.toString()}));
        assertFalse(DesktopLauncher.opensWindow(new String[] {"profile", csv.toString()}));
        assertFalse(DesktopLauncher.opensWindow(new String[] {dir.toString()}), "a folder is not a file");
    }
}
