package org.automlwb.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.search.LearnedPortfolio;
import org.automlwb.engine.search.LearnedPortfolio.Family;
import org.automlwb.engine.search.PortfolioBuilder;
import org.automlwb.engine.search.PortfolioEntry;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portfolio-build}: chooses a learned portfolio from candidates evaluated by {@code bench}, and prints
 * how the choice does on each data set when that data set is left out (a developer's tool, hidden from the help).
 */
@Command(name = "portfolio-build", hidden = true, mixinStandardHelpOptions = true,
        description = "Choose a learned portfolio from bench runs of the candidates and score it leaving one data "
                + "set out.")
public final class PortfolioBuildCommand implements Callable<Integer> {
    private static final int[] KS = {1, 3, 5};

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--candidates", required = true, description = "The candidates file that was evaluated.")
    Path candidatesFile;

    @Option(names = "--results", required = true, description = "bench's JSON lines from evaluating them.")
    Path results;

    @Option(names = "--out", required = true, description = "The portfolio file to write.")
    Path out;

    @Option(names = "--size", defaultValue = "6", description = "Most entries per family (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--first-up-to", defaultValue = "400000", description = "Boosting rows (rows, times the classes "
            + "above two) up to which the learned entries lead the defaults (default: ${DEFAULT-VALUE}; 0: always).")
    long firstUpTo;

    @Override
    public Integer call() throws Exception {
        LearnedPortfolio candidates = LearnedPortfolio.read(candidatesFile);
        Map<Family, List<PortfolioEntry>> chosen = new EnumMap<>(Family.class);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("what", "learned portfolio, greedy over scaled validation losses");
        provenance.put("candidates", candidatesFile.getFileName().toString());
        PrintWriter o = spec.commandLine().getOut();
        Map<Family, Map<String, List<Run>>> journals = journals();
        for (Family f : Family.values()) {
            List<PortfolioEntry> cands = candidates.entries().getOrDefault(f, List.of());
            Map<String, List<Run>> sets = journals.getOrDefault(f, Map.of());
            if (cands.isEmpty() || sets.isEmpty()) continue;
            PortfolioBuilder.Matrix m = matrix(cands, sets);
            double[][] scaled = PortfolioBuilder.scaled(m);
            int[] all = java.util.stream.IntStream.range(0, m.datasets().size()).toArray();
            List<Integer> order = PortfolioBuilder.greedy(scaled, m.seconds(), all, size);
            chosen.put(f, order.stream().map(cands::get).toList());
            provenance.put(f.key() + "_datasets", m.datasets());
            o.println("## " + f.key() + ": " + order.size() + " entries from " + cands.size() + " candidates on "
                    + m.datasets());
            for (int c : order) {
                o.printf(Locale.ROOT, "- %s %s (mean fit %.1f s)%n", cands.get(c).algorithm(), cands.get(c).config(),
                        meanSeconds(m, c));
            }
            printLeaveOneOut(o, m, defaults(f));
        }
        new LearnedPortfolio(chosen, true, firstUpTo).write(out, provenance);
        o.flush();
        return Cli.OK;
    }

    /**
     * The hand-written defaults come first in a candidates file, in run order; the file says how many there are
     * ({@link PortfolioCandidatesCommand}).
     */
    private List<Integer> defaults(Family f) throws Exception {
        JsonNode root = Json.MAPPER.readTree(candidatesFile.toFile());
        int n = root.path("provenance").path("defaults_" + f.key()).asInt(0);
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }

    private void printLeaveOneOut(PrintWriter o, PortfolioBuilder.Matrix m, List<Integer> defaults) {
        o.println();
        o.println("| held out | learned first 1 / 3 / 5 (scaled) | defaults first 1 / 3 / 5 (scaled) "
                + "| learned best loss at 5 | defaults best loss at 5 |");
        o.println("|---|---|---|---|---|");
        for (PortfolioBuilder.HeldOut h : PortfolioBuilder.leaveOneOut(m, size, defaults, KS)) {
            o.printf(Locale.ROOT, "| %s | %s | %s | %.4f | %.4f |%n", h.dataset(), triple(h.learnedScaled()),
                    triple(h.defaultsScaled()), h.learnedLoss()[2], h.defaultsLoss()[2]);
        }
        o.println();
    }

    private static String triple(double[] v) {
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", v[0], v[1], v[2]);
    }

    private static double meanSeconds(PortfolioBuilder.Matrix m, int c) {
        return Arrays.stream(m.seconds()).mapToDouble(r -> r[c]).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    /**
     * One data set's evaluation: its task (which fixes the metric bench used), the run's journal, and whether the
     * run tried every candidate it could (then a candidate it did not try does not apply to that data).
     */
    private record Run(TaskType task, Path journal, boolean exhausted) { }

    /**
     * Every bench line of each data set, by family: candidates not reached in a first evaluation may be tried in a
     * second one, and a later result for the same candidate replaces an earlier one.
     */
    private Map<Family, Map<String, List<Run>>> journals() throws Exception {
        Map<Family, Map<String, List<Run>>> out = new EnumMap<>(Family.class);
        int lineNo = 0;
        for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            JsonNode n = Json.MAPPER.readTree(line);
            if (!n.hasNonNull("experiment") || !n.hasNonNull("task")) {
                throw new BadInputException("a bench line without an experiment or task", results, lineNo, null,
                        "evaluate the candidates with bench first; lines with an error cannot be used");
            }
            TaskType task = TaskType.valueOf(n.get("task").asText().toUpperCase(Locale.ROOT));
            out.computeIfAbsent(Family.of(task), k -> new LinkedHashMap<>())
                    .computeIfAbsent(n.get("dataset").asText(), k -> new ArrayList<>())
                    .add(new Run(task, Path.of(n.get("experiment").asText()).resolve("trials.jsonl"),
                            "SEARCH_EXHAUSTED".equals(n.path("outcome").asText())));
        }
        return out;
    }

    /** Each candidate's loss and fit time on each data set, matched by algorithm and values. */
    private static PortfolioBuilder.Matrix matrix(List<PortfolioEntry> cands, Map<String, List<Run>> sets)
            throws Exception {
        Map<PortfolioEntry, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < cands.size(); i++) index.putIfAbsent(cands.get(i), i);
        List<String> names = new ArrayList<>(sets.keySet());
        double[][] loss = new double[names.size()][cands.size()];
        double[][] secs = new double[names.size()][cands.size()];
        for (int d = 0; d < names.size(); d++) {
            Arrays.fill(loss[d], Double.NaN);
            Arrays.fill(secs[d], Double.NaN);
            boolean exhausted = false;
            for (Run run : sets.get(names.get(d))) {
                readInto(run, index, loss[d], secs[d]);
                exhausted |= run.exhausted();
            }
            // Not tried although the search ran out of candidates: the algorithm does not apply to this data
            // (LibSVM and k-NN above their row limits), so a run there never gets the entry's help.
            if (exhausted) {
                for (int c = 0; c < loss[d].length; c++) if (Double.isNaN(loss[d][c])) loss[d][c] = Double.POSITIVE_INFINITY;
            }
        }
        return new PortfolioBuilder.Matrix(names, loss, secs);
    }

    private static void readInto(Run run, Map<PortfolioEntry, Integer> index, double[] loss, double[] secs)
            throws Exception {
        Metric metric = Metric.defaultFor(run.task());
        for (TrialResult r : Journal.read(run.journal())) {
            Integer c = index.get(new PortfolioEntry(r.spec().algorithm(), r.spec().config()));
            // A trial cut by the run's own deadline says nothing about the candidate: it stays unknown.
            if (c == null || r.status() == TrialStatus.CANCELLED
                    || (r.error() != null && r.error().contains("run's time budget"))) {
                continue;
            }
            if (r.status() == TrialStatus.OK && Double.isFinite(r.score())) {
                loss[c] = metric.toLoss(r.score());
                secs[c] = r.fitSeconds();
            } else {
                loss[c] = Double.POSITIVE_INFINITY;
                secs[c] = Double.NaN;
            }
        }
    }
}
