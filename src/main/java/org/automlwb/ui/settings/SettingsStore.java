package org.automlwb.ui.settings;

/** Loads and saves {@link Settings}; injected so tests never touch the user's home. */
public interface SettingsStore {
    /** The saved settings, or defaults when there are none or they cannot be read. */
    Settings load();

    /** Saves; failures are logged, never thrown (losing a recent-files list must not stop the app). */
    void save(Settings settings);
}
