package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.automlwb.ui.settings.JsonSettingsStore;
import org.automlwb.ui.settings.RecentFiles;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.settings.SparkSettings;
import org.automlwb.ui.settings.WindowBounds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recent-files rules and the JSON settings file. */
class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void recentFilesAreMostRecentFirstUniqueAndAtMostTen() {
        List<String> list = List.of();
        for (int i = 0; i < 12; i++) list = RecentFiles.push(list, "f" + i);
        assertEquals(IntStream.rangeClosed(2, 11).map(i -> 13 - i).mapToObj(i -> "f" + i).toList(), list);
        list = RecentFiles.push(list, "f5");
        assertEquals("f5", list.get(0));
        assertEquals(10, list.size());
        assertEquals(1, list.stream().filter("f5"::equals).count());
        assertEquals(9, RecentFiles.remove(list, "f5").size());
    }

    @Test
    void settingsSurviveASaveAndLoad() {
        JsonSettingsStore store = new JsonSettingsStore(dir.resolve("sub/settings.json"));
        assertEquals(Settings.defaults(), store.load(), "no file yet: defaults");
        Settings s = new Settings(Theme.DARK, List.of("/a.csv", "/b.csv"), new WindowBounds(1, 2, 1300, 900, true));
        store.save(s);
        assertEquals(s, new JsonSettingsStore(dir.resolve("sub/settings.json")).load());
    }

    @Test
    void sparkSettingsSurviveASaveAndAnOlderFileHasNone() throws Exception {
        JsonSettingsStore store = new JsonSettingsStore(dir.resolve("settings.json"));
        Settings s = Settings.defaults().withSpark(new SparkSettings("/opt/spark", "spark://master:7077"));
        store.save(s);
        assertEquals(s, store.load());
        Files.writeString(dir.resolve("old.json"), "{\"theme\":\"DARK\",\"recentFiles\":[]}");
        assertEquals(SparkSettings.none(), new JsonSettingsStore(dir.resolve("old.json")).load().spark());
    }

    @Test
    void sparkSettingsSayWhichFieldIsWrong() throws Exception {
        assertTrue(SparkSettings.none().problem().startsWith("no Spark home is set"));
        Path home = Files.createDirectories(dir.resolve("spark"));
        assertTrue(new SparkSettings(home.toString(), "local[2]").problem().contains("has no bin/spark-submit"));
        Path submit = Files.createDirectories(home.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\n");
        submit.toFile().setExecutable(true);
        assertTrue(new SparkSettings(home.toString(), "localhost:7077").problem().contains("Spark master URL"));
        assertEquals(null, new SparkSettings(" " + home + " ", "spark://master:7077").problem());
    }

    @Test
    void anUnreadableFileGivesDefaults() throws Exception {
        Path f = dir.resolve("settings.json");
        Files.writeString(f, "{ not json");
        assertEquals(Settings.defaults(), new JsonSettingsStore(f).load());
        Files.writeString(f, "{\"theme\":\"DARK\",\"futureField\":1}");
        assertEquals(Theme.DARK, new JsonSettingsStore(f).load().theme(), "unknown fields are ignored");
    }
}
