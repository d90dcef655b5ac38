package org.automlwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.Json;
import org.automlwb.export.serving.ServingVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code promote}: makes a version the current one (the {@code current} file, replaced atomically). */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Make a deployed version the current one; a running server picks it up.")
public final class PromoteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--deployment", paramLabel = "DIR", defaultValue = "deployment",
            description = "The deployment/ folder (default: ${DEFAULT-VALUE}).")
    private Path deployment;

    @Option(names = "--name", required = true, description = "The served model.")
    private String name;

    @Option(names = "--version", required = true, paramLabel = "vN", description = "The version to promote.")
    private String version;

    @Override
    public Integer call() throws Exception {
        ServingVersions v = ServingVersions.of(deployment, name);
        String before = v.promote(version);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", v.name());
        line.put("current", version);
        line.put("previous", before);
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
