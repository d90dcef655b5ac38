package org.automlwb.ui;

import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.settings.SettingsStore;

/** Settings kept in a field, so tests never write to the user's home. */
public final class InMemorySettingsStore implements SettingsStore {
    public Settings saved;
    public int saves;

    public InMemorySettingsStore(Settings initial) { this.saved = initial; }

    /** For the screenshot tours: default settings, dark when run with {@code -Dtour.theme=dark}. */
    public static InMemorySettingsStore forTour() {
        boolean dark = "dark".equalsIgnoreCase(System.getProperty("tour.theme"));
        return new InMemorySettingsStore(dark ? Settings.defaults().withTheme(Theme.DARK) : Settings.defaults());
    }

    @Override public Settings load() { return saved == null ? Settings.defaults() : saved; }

    @Override public void save(Settings settings) {
        saved = settings;
        saves++;
    }
}
