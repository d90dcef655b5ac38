package org.automlwb.cli;

import java.util.concurrent.Callable;
import org.automlwb.export.serving.ServingVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code promote}: makes a version the current one (the {@code current} file, replaced atomically). */
@Command(name = "promote",
        description = "Make a deployed version the current one; a running server picks it up.")
public final class PromoteCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ServedModelOptions model = new ServedModelOptions();

    /**
     * Help alone, not picocli's standard pair: its {@code --version} (the product's version) took the place of the
     * version to promote, and {@code promote --help} then failed on missing options.
     */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--version", required = true, paramLabel = "vN", description = "The version to promote.")
    private String version;

    @Override
    public Integer call() throws Exception {
        ServingVersions v = model.versions();
        String before = v.promote(version);
        ServedModelOptions.printChange(spec.commandLine().getOut(), v.name(), version, before);
        return Cli.OK;
    }
}
