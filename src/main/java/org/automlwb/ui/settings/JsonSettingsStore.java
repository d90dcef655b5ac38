package org.automlwb.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings as a small JSON file, by default {@code ~/.automl-workbench/settings.json}. */
public final class JsonSettingsStore implements SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsStore.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // newer versions may add fields

    public JsonSettingsStore(Path file) {
        this.file = file;
    }

    /** The store in the user's home directory. */
    public static JsonSettingsStore inUserHome() {
        return new JsonSettingsStore(Path.of(System.getProperty("user.home"), ".automl-workbench", "settings.json"));
    }

    @Override
    public Settings load() {
        if (!Files.isRegularFile(file)) return Settings.defaults();
        try {
            Settings s = json.readValue(file.toFile(), Settings.class);
            return s == null ? Settings.defaults() : s;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable settings file {}: {}", file, e.toString());
            return Settings.defaults();
        }
    }

    @Override
    public synchronized void save(Settings settings) {
        try {
            Files.createDirectories(file.getParent());
            // Write beside, then move: a crash mid-write never leaves a truncated settings file.
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            json.writeValue(tmp.toFile(), settings);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save settings to {}: {}", file, e.toString());
        }
    }
}
