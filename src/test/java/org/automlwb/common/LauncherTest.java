package org.automlwb.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Messages name the command the user started: the installed launcher when there is one, else java -jar. */
class LauncherTest {
    private static final String KEY = "jpackage.app-path";
    private String saved;

    @BeforeEach
    void save() { saved = System.getProperty(KEY); }

    @AfterEach
    void restore() {
        if (saved == null) System.clearProperty(KEY);
        else System.setProperty(KEY, saved);
    }

    @Test
    void withoutAnInstalledLauncherItIsTheJar() {
        System.clearProperty(KEY);
        assertEquals("java -jar automl-workbench.jar", Launcher.command());
        assertEquals("java -Xmx8g -jar automl-workbench.jar", Launcher.withHeap(8));
    }

    @Test
    void theInstalledLauncherIsNamedAndTakesItsHeapFromTheEnvironment() {
        System.setProperty(KEY, "/opt/automl-workbench/bin/automl-workbench");
        assertEquals("/opt/automl-workbench/bin/automl-workbench", Launcher.command());
        if (!System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("windows")) {
            assertEquals("JAVA_TOOL_OPTIONS=-Xmx4g /opt/automl-workbench/bin/automl-workbench", Launcher.withHeap(4));
        }
        System.setProperty(KEY, "/Applications/AutoML Workbench.app/Contents/MacOS/AutoML Workbench");
        assertEquals("\"/Applications/AutoML Workbench.app/Contents/MacOS/AutoML Workbench\"", Launcher.command());
    }
}
