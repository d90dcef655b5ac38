package org.automlwb.ui;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The steps of the flow, in the order the navigation shows them. */
public enum Step {
    DATA("Data", "Open a CSV and look at its columns", MaterialDesignT.TABLE_LARGE, true),
    PREPARE("Prepare", "The preprocessing recipe", MaterialDesignT.TUNE_VARIANT, true),
    SEARCH("Search", "Algorithms and their search space", MaterialDesignM.MAGNIFY, true),
    RUN("Run", "The AutoML run, live", MaterialDesignP.PLAY_CIRCLE_OUTLINE, true),
    RESULTS("Results", "Leaderboard, explanations and export", MaterialDesignC.CHART_BAR, true),
    /** Not a step of the flow: every saved experiment, to open, compare, rename or delete. */
    EXPERIMENTS("Experiments", "Every experiment saved in the models folder: open, compare, rename, delete",
            org.kordamp.ikonli.materialdesign2.MaterialDesignH.HISTORY, true);

    private final String title;
    private final String description;
    private final Ikon icon;
    private final boolean live;

    Step(String title, String description, Ikon icon, boolean live) {
        this.title = title;
        this.description = description;
        this.icon = icon;
        this.live = live;
    }

    public String title() { return title; }
    public String description() { return description; }
    public Ikon icon() { return icon; }
    /** Whether it is one of the numbered steps from data to results (Experiments is not). */
    public boolean inFlow() { return this != EXPERIMENTS; }

    /** Whether the step has a working view yet; the others show an empty state. */
    public boolean live() { return live; }
}
