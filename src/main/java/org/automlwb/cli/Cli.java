package org.automlwb.cli;

import org.automlwb.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code profile}, {@code run}, {@code bench}, ... over the same engine as the app.
 * Exit codes: 0 success, 2 bad input (one line on stderr naming file, line and column), 1 internal error.
 */
@Command(name = "automl-workbench", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "AutoML Workbench: CSV to a tuned, explained, exported model.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Cli {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** Runs a command and returns its exit code. */
    public static int execute(String... args) {
        UncaughtOneLine.install();
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; the JVM would print its stack trace and exit 1.
            LOG.error("out of memory", e);
            cl.getErr().println(OutOfMemory.message(args));
            return BAD_INPUT;
        }
    }

    /** The configured command line, with every subcommand and the project's exception handling. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        // Subcommands register here, one line each.
        cl.addSubcommand(new ProfileCommand());
        cl.addSubcommand(new RunCommand());
        cl.addSubcommand(new BenchCommand());
        cl.addSubcommand(new ReportCommand());
        cl.addSubcommand(new PredictCommand());
        cl.addSubcommand(new ExportCommand());
        cl.addSubcommand(new ExperimentsCommand());
        cl.addSubcommand(new PrepareCommand());
        cl.addSubcommand(new PortfolioCandidatesCommand());
        cl.addSubcommand(new PortfolioBuildCommand());
        cl.addSubcommand(new DeployCommand());
        cl.addSubcommand(new DeploymentsCommand());
        cl.addSubcommand(new PromoteCommand());
        cl.addSubcommand(new RollbackCommand());
        cl.addSubcommand(new CompareCommand());
        cl.addSubcommand(new DriftCommand());
        cl.addSubcommand(new PipelineCommand());
        cl.addSubcommand(new ServeCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof BadInputException)) t = t.getCause();
            if (t instanceof BadInputException bad) {
                cmd.getErr().println("error: " + bad.oneLine());
                LOG.info("bad input", bad);
                return BAD_INPUT;
            }
            LOG.error(org.automlwb.logging.ConsoleLogFilter.DETAILS_ONLY, "internal error", ex);
            java.nio.file.Path log = org.automlwb.logging.LogCapture.logFile();
            cmd.getErr().println(("internal error: " + ex).replaceAll("[\\r\\n]+", " ") + " (details in "
                    + (log == null ? "the log" : log.toString()) + ")");
            return INTERNAL_ERROR;
        });
        cl.setParameterExceptionHandler((ex, argsIn) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help");
            return BAD_INPUT;
        });
        return cl;
    }

    /** Reads the version from the jar manifest. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"AutoML Workbench " + (v == null ? "dev" : v)};
        }
    }
}
