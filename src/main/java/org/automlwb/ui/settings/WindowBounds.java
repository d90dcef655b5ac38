package org.automlwb.ui.settings;

/**
 * Where the main window was when the app last closed.
 *
 * @param x         left edge in screen coordinates
 * @param y         top edge in screen coordinates
 * @param width     width
 * @param height    height
 * @param maximized whether it was maximised (then the other fields are the size before maximising)
 */
public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    /** The size of a first launch; position left to the window manager (NaN). */
    public static WindowBounds defaults() {
        return new WindowBounds(Double.NaN, Double.NaN, 1280, 800, false);
    }
}
