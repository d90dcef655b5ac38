package org.automlwb.engine.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The Python script that ships inside the jar ({@code automl_engine.py}), copied once per program start into a
 * temporary folder, since an interpreter cannot run a file inside a jar. The copy is removed when the JVM exits.
 */
final class EngineScript {
    static final String RESOURCE = "/org/automlwb/engine/python/automl_engine.py";
    private static Path extracted;

    private EngineScript() { }

    /** The script on disk, extracted on first use. */
    static synchronized Path path() {
        if (extracted != null && Files.isRegularFile(extracted)) return extracted;
        try (InputStream in = EngineScript.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the program's jar");
            Path dir = Files.createTempDirectory("automlwb-python-");
            Path file = dir.resolve("automl_engine.py");
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            // deleteOnExit runs in reverse order of registration: the file goes before its folder
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            extracted = file;
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the Python engine's script", e);
        }
    }
}
