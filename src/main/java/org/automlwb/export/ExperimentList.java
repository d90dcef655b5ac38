package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;

/**
 * Every experiment under a {@code models/} folder, newest first. A folder that cannot be read in full is still
 * listed, with what could be read and why the rest could not: a list that silently leaves out a damaged
 * experiment would hide it from the person looking for it.
 */
public final class ExperimentList {
    private ExperimentList() { }

    /**
     * Lists {@code modelsRoot/experiments/*}.
     *
     * @throws BadInputException when {@code modelsRoot} is not a folder
     */
    public static List<ExperimentSummary> of(Path modelsRoot) throws BadInputException {
        if (!Files.isDirectory(modelsRoot)) {
            throw new BadInputException("there is no models folder here", modelsRoot, 0, null,
                    "give the folder that runs wrote to (run --out), e.g. --models models");
        }
        Path experiments = modelsRoot.resolve("experiments");
        if (!Files.isDirectory(experiments)) return List.of();
        List<ExperimentSummary> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(experiments)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                // Hidden folders are exports in progress or left by a kill, not experiments.
                if (dir.getFileName().toString().startsWith(".")) continue;
                out.add(read(dir));
            }
        } catch (IOException e) {
            throw new BadInputException("cannot list the experiments (" + e.getMessage() + ")", experiments, 0,
                    null, "check the folder's permissions");
        }
        // Newest first; ids start with the start time, so they break ties and order unreadable ones too.
        out.sort(Comparator.comparing((ExperimentSummary s) -> s.created() == null ? "" : s.created())
                .thenComparing(ExperimentSummary::id).reversed());
        return out;
    }

    /** One experiment folder; never throws: what cannot be read is said in {@link ExperimentSummary#problem()}. */
    static ExperimentSummary read(Path dir) {
        ExperimentFolder folder = new ExperimentFolder(dir.getFileName().toString(), dir);
        String id = folder.id();
        JsonNode config = json(folder.configJson());
        if (config == null) {
            return new ExperimentSummary(id, dir, null, null, null, null, null, null, null, 0, null, null,
                    ExperimentSummary.DEFAULT_ENGINE, "config.json is missing or not valid JSON",
                    ExperimentDisplayName.read(dir));
        }
        JsonNode metrics = json(folder.evaluationMetricsJson());
        JsonNode hyper = json(folder.hyperparametersJson());
        String metric = text(config, "metric");
        Double validation = metrics == null || metric == null ? null : number(metrics.path("validation"), metric);
        Double test = metrics == null || metric == null ? null : number(metrics.path("test"), metric);
        String leader = hyper == null ? null : text(hyper, "algorithm");
        String dataPath = text(config.path("data"), "path");
        String data = dataPath == null ? null : Path.of(dataPath).getFileName().toString();
        Double budget = config.path("budget_s").isNumber() ? config.path("budget_s").asDouble() : null;
        String engine = config.hasNonNull("engine") ? config.path("engine").asText() : ExperimentSummary.DEFAULT_ENGINE;
        String problem = metrics == null && Files.exists(folder.journal())
                ? "no evaluation_metrics.json: the run was stopped or is still running (run --resume continues it)"
                : null;
        return new ExperimentSummary(id, dir, data, text(config, "target"), text(config, "task"), metric, validation,
                test, leader, trials(folder.journal()), text(config, "created"), budget, engine,
                problem, ExperimentDisplayName.read(dir));
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(file.toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.path(field).asText() : null;
    }

    private static Double number(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.path(field).asDouble() : null;
    }

    /** Trials the journal holds, one line each (the ensemble and the stack are not trials). */
    private static int trials(Path journal) {
        if (!Files.isRegularFile(journal)) return 0;
        try (Stream<String> lines = Files.lines(journal)) {
            return (int) lines.filter(l -> !l.isBlank()).count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
