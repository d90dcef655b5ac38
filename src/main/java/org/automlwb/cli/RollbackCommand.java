package org.automlwb.cli;

import java.util.concurrent.Callable;
import org.automlwb.export.serving.ServingVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code rollback}: serves the version promoted before the current one again, as the history records it. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Serve the previously promoted version again (from history.jsonl).")
public final class RollbackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ServedModelOptions model = new ServedModelOptions();

    @Override
    public Integer call() throws Exception {
        ServingVersions v = model.versions();
        String before = v.served().orElse(null);
        String now = v.rollback();
        ServedModelOptions.printChange(spec.commandLine().getOut(), v.name(), now, before);
        return Cli.OK;
    }
}
