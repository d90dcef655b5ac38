package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaunchTest {
    @Test
    void onlyRunIsRelaunchedAndNotForHelpOrInASizedJvm() {
        assertTrue(Relaunch.wanted(new String[] {"run", "--data", "a.csv", "--target", "y"}, false, false));
        assertFalse(Relaunch.wanted(new String[] {"run", "--help"}, false, false));
        assertFalse(Relaunch.wanted(new String[] {"run", "--data", "a.csv"}, true, false));
        assertFalse(Relaunch.wanted(new String[] {"run", "--data", "a.csv"}, false, true));
        assertFalse(Relaunch.wanted(new String[] {"profile", "a.csv"}, false, false));
        assertFalse(Relaunch.wanted(new String[] {}, false, false));
    }

    @Test
    void aDriverThatSparkSubmitStartedIsNeverRelaunched() {
        java.util.Properties plain = new java.util.Properties();
        assertFalse(Relaunch.underSparkSubmit(plain));
        java.util.Properties driver = new java.util.Properties();
        driver.setProperty("spark.master", "local[2]"); // what SparkSubmit sets before calling the main class
        assertTrue(Relaunch.underSparkSubmit(driver));
    }

    @Test
    void theDataFilesAreReadInBothOptionForms() {
        assertArrayEquals(new Path[] {Path.of("train.csv"), Path.of("t.csv")}, Relaunch.dataFiles(
                new String[] {"run", "--data", "train.csv", "--target", "y", "--test=t.csv"}));
        assertArrayEquals(new Path[0], Relaunch.dataFiles(new String[] {"run", "--resume", "x"}));
    }

    @Test
    void theChildIsThisProgramWithTheSizingAndTheParentPid() {
        List<String> cmd = Relaunch.command("/j/bin/java", List.of("-Dfoo=1"), List.of("-Xmx1g"), 42, "a.jar",
                new String[] {"run", "--data", "x.csv"});
        assertEquals(List.of("/j/bin/java", "-Dfoo=1", "-Xmx1g", "-Dautomlwb.parent.pid=42", "-cp", "a.jar",
                "org.automlwb.Main", "run", "--data", "x.csv"), cmd);
    }

    @Test
    void theParentReturnsTheChildsExitCode() throws Exception {
        assertEquals(3, Relaunch.runChild(java(Child.class, "exit", "3")));
        assertEquals(0, Relaunch.runChild(java(Child.class, "exit", "0")));
    }

    /**
     * SIGTERM to the parent: the parent passes it on, waits until the child's shutdown hook has finished its work
     * (a file written after a pause) and exits with the child's code.
     */
    @Test
    void aStoppedParentWaitsForTheChildToStopAndReturnsItsCode(@TempDir Path dir) throws Exception {
        Path started = dir.resolve("started");
        Path stopped = dir.resolve("stopped");
        List<String> parentCmd = java(Parent.class, started.toString(), stopped.toString());
        Process parent = new ProcessBuilder(parentCmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            for (int i = 0; i < 600 && !Files.exists(started); i++) Thread.sleep(100);
            assertTrue(Files.exists(started), "the child never started");
            parent.destroy();
            assertTrue(parent.waitFor(2, TimeUnit.MINUTES), "the parent did not end");
            assertTrue(Files.exists(stopped), "the parent ended before the child's shutdown hook finished");
            assertEquals(143, parent.exitValue());
        } finally {
            parent.destroyForcibly();
        }
    }

    /** A child whose parent dies (here: a process that is killed) exits by itself, through its shutdown hooks. */
    @Test
    void aChildWhoseParentDiesStops(@TempDir Path dir) throws Exception {
        Process fakeParent = new ProcessBuilder(java(Child.class, "sleep")).start();
        Path stopped = dir.resolve("stopped");
        List<String> cmd = java(Child.class, "watch", stopped.toString());
        cmd.add(1, "-D" + Relaunch.PARENT_PID_PROPERTY + "=" + fakeParent.pid());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            fakeParent.destroyForcibly();
            assertTrue(child.waitFor(2, TimeUnit.MINUTES), "the child kept running without its parent");
            assertEquals(1, child.exitValue());
            assertTrue(Files.exists(stopped), "the child's shutdown hooks did not run");
        } finally {
            child.destroyForcibly();
            fakeParent.destroyForcibly();
        }
    }

    private static List<String> java(Class<?> main, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx64m");
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, location(main), location(Relaunch.class)));
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test child: {@code exit N}, {@code sleep}, {@code watch FILE} or {@code hook STARTED STOPPED}. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            switch (args[0]) {
                case "exit" -> System.exit(Integer.parseInt(args[1]));
                case "sleep" -> Thread.sleep(600_000);
                case "watch" -> {
                    Path stopped = Path.of(args[1]);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> write(stopped)));
                    Relaunch.watchParent();
                    Thread.sleep(600_000);
                }
                case "hook" -> {
                    Path stopped = Path.of(args[2]);
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            Thread.sleep(1500); // a refit that takes a while
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        write(stopped);
                    }));
                    write(Path.of(args[1]));
                    Thread.sleep(600_000);
                }
                default -> System.exit(99);
            }
        }

        private static void write(Path p) {
            try {
                Files.writeString(p, "x");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Test parent: runs {@code Child hook STARTED STOPPED} the way {@link Relaunch} runs a child. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            System.exit(Relaunch.runChild(java(Child.class, "hook", args[0], args[1])));
        }
    }
}
