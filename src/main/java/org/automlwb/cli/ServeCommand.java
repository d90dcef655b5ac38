package org.automlwb.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.serve.ModelServer;
import org.automlwb.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: a REST server for one model or many (docs/serving.md). Prints one JSON line when it listens (its
 * URL and the versions served), then answers until stopped (Ctrl+C or a TERM signal), when it finishes the requests
 * in flight and writes the open drift windows. A port in use or a folder that is not a model is one line, exit 2.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve models over HTTP: POST /predict, GET /health /model /models /metrics /openapi.json.")
public final class ServeCommand implements Callable<Integer> {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(b|kb|k|mb|m|gb|g)?");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "A model folder: models/trained_models/NAME, "
            + "deployment/model_serving/NAME (its promoted version, watched for new ones) or one version folder. "
            + "Repeat for several.")
    List<Path> model = new ArrayList<>();

    @Option(names = "--models", description = "A folder of models (deployment/model_serving): every model in it, "
            + "and models deployed there later.")
    List<Path> models = new ArrayList<>();

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 = all).")
    String host;

    @Option(names = "--max-body", defaultValue = "10MB",
            description = "Largest request body; larger ones are answered 400 (default: ${DEFAULT-VALUE}).")
    String maxBody;

    @Option(names = "--poll", defaultValue = "2s", converter = Durations.class,
            description = "How often model folders are looked at for new or promoted versions (default: "
                    + "${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--drift-window", defaultValue = "1000",
            description = "Rows per drift summary in the monitoring log (default: ${DEFAULT-VALUE}).")
    int driftWindow;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new BadInputException("--port " + port + " is not a port", "use 1 to 65535, or 0 for any free one");
        }
        if (driftWindow < 1) throw new BadInputException("--drift-window must be at least 1", "use e.g. 1000");
        ServeSettings settings = new ServeSettings(host, port, bytes(maxBody), poll, driftWindow);
        ModelServer server = ModelServer.start(model, models, settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("serving", server.url());
        line.put("models", server.served());
        line.put("openapi", server.url() + "/openapi.json");
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        stopped.await();
        return Cli.OK;
    }

    /** {@code 10MB}, {@code 512k}, {@code 1000000}: bytes (K = 1024). */
    static long bytes(String value) throws BadInputException {
        Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new BadInputException("--max-body '" + value + "' is not a size", "use e.g. 10MB, 512KB or 100000");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        long scale = switch (unit.charAt(0)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        if (n < 1 || n > Long.MAX_VALUE / scale) {
            throw new BadInputException("--max-body '" + value + "' is out of range", "use e.g. 10MB");
        }
        return n * scale;
    }
}
