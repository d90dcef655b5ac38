package org.automlwb.ui;

import static org.automlwb.ui.ScreenshotTour.Tour.fx;
import static org.automlwb.ui.ScreenshotTour.Tour.pause;
import static org.automlwb.ui.ScreenshotTour.Tour.save;
import static org.automlwb.ui.ScreenshotTour.Tour.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.application.Platform;
import org.automlwb.engine.run.RunSpec;

/**
 * Not a test: runs a real experiment in the real window and saves the Run view mid-run and the Results view,
 * recording the UI thread's frame gaps during the run. Run under a display (xvfb-run) with the test classpath:
 * {@code java -cp ... org.automlwb.ui.RunScreenshotTour OUT_DIR FILE.csv TARGET BUDGET_SECONDS [away]}; with
 * {@code away} the Data view shows during the run (to tell the Run view's own cost from the machine's).
 */
public final class RunScreenshotTour {
    private RunScreenshotTour() { }

    public static void main(String[] a) {
        TourApplication.run(Tour.class, a);
    }

    /** The application that takes the pictures. */
    public static final class Tour extends TourApplication {
        @Override
        protected void tour() {
            try {
                Path out = Files.createDirectories(Path.of(args[0]));
                int budget = Integer.parseInt(args[3]);
                openForRun(args[1], args[2]);
                fx(() -> {
                    vm.session().settingsProperty().set(RunSpec.defaults("")
                            .withBudget(Duration.ofSeconds(budget)).withThreads(2));
                    vm.stepProperty().set(Step.RUN);
                });
                FrameGaps idle = new FrameGaps();
                fx(idle::start);
                pause(3000);
                fx(idle::stop);
                System.out.println("Xvfb frame gaps idle on the Run view: " + idle.summary());
                boolean away = args.length > 4 && args[4].equals("away");
                FrameGaps gaps = new FrameGaps();
                java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
                long[] cpu = new long[1];
                long wall0 = System.nanoTime();
                fx(() -> {
                    cpu[0] = mx.getCurrentThreadCpuTime();
                    gaps.start();
                    vm.run().start();
                });
                if (away) fx(() -> vm.stepProperty().set(Step.DATA)); // the run goes on while another view shows
                pause(budget * 600L);
                if (!away) save(fx(() -> stage.getScene()), out.resolve("run.png"));
                waitFor(() -> !vm.run().getPhase().active());
                fx(() -> {
                    gaps.stop();
                    cpu[0] = mx.getCurrentThreadCpuTime() - cpu[0];
                });
                System.out.println("Xvfb frame gaps during the run" + (away ? " (Data view shown)" : "") + ": " + gaps.summary() + "; UI thread CPU "
                        + cpu[0] / 1_000_000 + " ms of " + (System.nanoTime() - wall0) / 1_000_000 + " ms wall; load "
                        + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()
                        + "; longest drain "
                        + vm.run().longestDrainNanos() / 1000 + " µs; " + vm.run().rows().size() + " trials; phase "
                        + vm.run().getPhase());
                pause(500);
                save(fx(() -> stage.getScene()), out.resolve("run-end.png"));
                fx(() -> vm.stepProperty().set(Step.RESULTS));
                waitFor(() -> vm.results().importanceProperty().get() != null);
                pause(1500);
                save(fx(() -> stage.getScene()), out.resolve("results.png"));
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                Platform.runLater(stage::close);
            }
        }
    }
}
