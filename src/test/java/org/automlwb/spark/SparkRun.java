package org.automlwb.spark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.cli.Cli;
import org.automlwb.common.Json;
import picocli.CommandLine;

/**
 * A command run in this JVM as the jar would run it under spark-submit: the cluster's driver settings are
 * {@code spark.*} system properties for the duration of the command (spark-submit passes its {@code --conf}s the
 * same way), restored afterwards so that other tests see none of them.
 *
 * @param exit what the command returned
 * @param out  its stdout
 * @param err  its stderr
 */
record SparkRun(int exit, String out, String err) {

    static SparkRun of(Map<String, String> sparkConf, String... args) {
        Map<String, String> before = new HashMap<>();
        sparkConf.forEach((k, v) -> before.put(k, System.setProperty(k, v)));
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = Cli.commandLine();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            return new SparkRun(code, out.toString(), err.toString());
        } finally {
            before.forEach((k, v) -> {
                if (v == null) System.clearProperty(k);
                else System.setProperty(k, v);
            });
        }
    }

    /** The last stdout line, the command's one-line JSON summary. */
    JsonNode summary() throws IOException {
        String[] lines = out.strip().split("\n");
        return Json.MAPPER.readTree(lines[lines.length - 1]);
    }

    /** The experiment folder the summary names. */
    Path experiment() throws IOException {
        return Path.of(summary().get("path").asText());
    }

    /** The journal's lines, as JSON. */
    static List<JsonNode> journal(Path experiment) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        Path file = experiment.resolve("trials.jsonl");
        if (!Files.exists(file)) return lines;
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) lines.add(Json.MAPPER.readTree(line));
        }
        return lines;
    }
}
