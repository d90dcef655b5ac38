package org.automlwb;

/**
 * The one entry point of the jar: no arguments opens the desktop app, a command runs headless.
 *
 * <p>A plain class (not a JavaFX {@code Application}) so that the classpath launch works, and so that
 * headless commands never touch JavaFX. A single argument naming an existing CSV file also opens the app, with
 * that file: this is how a desktop's "Open with AutoML Workbench" starts the installed launcher.
 */
public final class Main {
    private Main() { }

    /** Tribuo and OLCUT log through java.util.logging; send that through SLF4J so one configuration rules. */
    static void routeJavaUtilLogging() {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }

    public static void main(String[] args) {
        if (org.automlwb.ui.DesktopLauncher.opensWindow(args)) {
            // The app logs to a rolling file under the user's home; commands log to the console.
            System.setProperty("logback.configurationFile", "logback-app.xml");
            // set up while the toolkit starts, on a second thread: the window does not wait for it
            org.automlwb.ui.DesktopLauncher.launch(args, Main::routeJavaUtilLogging);
        } else {
            // run: in a child JVM sized for the data when the user chose no heap (docs/memory.md)
            java.util.OptionalInt child = org.automlwb.cli.Relaunch.runInSizedChild(args);
            if (child.isPresent()) System.exit(child.getAsInt());
            org.automlwb.cli.Relaunch.watchParent();
            routeJavaUtilLogging();
            // under spark-submit logging is Spark's log4j 2: the libraries logback.xml quiets get the same levels
            org.automlwb.logging.SparkSubmitLogging.quietLibraries();
            System.exit(org.automlwb.cli.Cli.execute(args));
        }
    }
}
