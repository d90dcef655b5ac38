package org.automlwb.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;

/** Records the intervals between UI pulses while started: how smooth the UI thread stayed. */
public final class FrameGaps extends AnimationTimer {
    private final List<Double> gapsMillis = new ArrayList<>();
    private long last;

    @Override
    public void handle(long now) {
        if (last != 0) gapsMillis.add((now - last) / 1e6);
        last = now;
    }

    /** Frames, median, p99 and max gap in milliseconds. */
    public synchronized String summary() {
        List<Double> g = new ArrayList<>(gapsMillis);
        if (g.isEmpty()) return "no frames";
        g.sort(null);
        return String.format(Locale.ROOT, "%d frames, median %.1f ms, p99 %.1f ms, max %.1f ms", g.size(),
                g.get(g.size() / 2), g.get((int) Math.min(g.size() - 1, Math.ceil(g.size() * 0.99) - 1)),
                g.get(g.size() - 1));
    }

    public int frames() { return gapsMillis.size(); }

    /** Appends a measured line to {@code target/measurements.txt}, for the report (tests assert no timings). */
    public static void record(String line) {
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "measurements.txt"), line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
