package org.automlwb.ui;

import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.settings.SettingsStore;

/** Settings kept in a field, so tests never write to the user's home. */
public final class InMemorySettingsStore implements SettingsStore {
    public Settings saved;
    public int saves;

    public InMemorySettingsStore(Settings initial) { this.saved = initial; }

    @Override public Settings load() { return saved == null ? Settings.defaults() : saved; }

    @Override public void save(Settings settings) {
        saved = settings;
        saves++;
    }
}
