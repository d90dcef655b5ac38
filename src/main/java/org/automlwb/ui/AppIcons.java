package org.automlwb.ui;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The app's icon at the sizes desktops ask for (from {@code resources/icons/}, packaged into the jar). */
final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() { }

    /**
     * The icons that are in the jar, loaded at once: the window takes its icons when shown, and one still loading
     * in the background then is left out (seven small PNGs take a few milliseconds).
     */
    static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            URL url = AppIcons.class.getResource("icons/automl-workbench-" + size + ".png");
            if (url != null) icons.add(new Image(url.toExternalForm()));
        }
        return icons;
    }
}
