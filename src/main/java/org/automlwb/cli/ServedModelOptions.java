package org.automlwb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.automlwb.common.Json;
import org.automlwb.export.serving.ServingVersions;
import picocli.CommandLine.Option;

/**
 * Which served model a command changes ({@code --deployment}, {@code --name}), and the one JSON line it answers
 * with: shared by {@code promote} and {@code rollback}.
 */
final class ServedModelOptions {
    @Option(names = "--deployment", paramLabel = "DIR", defaultValue = "deployment",
            description = "The deployment/ folder (default: ${DEFAULT-VALUE}).")
    Path deployment;

    @Option(names = "--name", required = true, description = "The served model.")
    String name;

    /** The model's versions. */
    ServingVersions versions() {
        return ServingVersions.of(deployment, name);
    }

    /** Prints {@code {"name":..., "current":..., "previous":...}} after the current version changed. */
    static void printChange(PrintWriter out, String name, String current, String previous) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", name);
        line.put("current", current);
        line.put("previous", previous);
        out.println(Json.line(line));
        out.flush();
    }
}
