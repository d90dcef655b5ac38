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

/** {@code rollback}: serves the version promoted before the current one again, as the history records it. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Serve the previously promoted version again (from history.jsonl).")
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--deployment", paramLabel = "DIR", defaultValue = "deployment",
            description = "The deployment/ folder (default: ${DEFAULT-VALUE}).")
    private Path deployment;

    @Option(names = "--name", required = true, description = "The served model.")
    private String name;

    @Override
    public Integer call() throws Exception {
        ServingVersions v = ServingVersions.of(deployment, name);
        String before = v.served().orElse(null);
        String now = v.rollback();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", v.name());
        line.put("current", now);
        line.put("previous", before);
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
