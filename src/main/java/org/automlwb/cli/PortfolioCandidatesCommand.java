package org.automlwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.search.LearnedPortfolio;
import org.automlwb.engine.search.PortfolioCandidates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portfolio-candidates}: writes the configurations a learned portfolio is chosen from (a developer's
 * tool, hidden from the help: docs/benchmarks.md shows the whole procedure).
 */
@Command(name = "portfolio-candidates", hidden = true, mixinStandardHelpOptions = true,
        description = "Write the candidate configurations of a learned portfolio: every algorithm's defaults and "
                + "random samples of chosen spaces. Evaluate them with: java -Dautomlwb.portfolio=FILE -jar ... "
                + "bench --search portfolio ...")
public final class PortfolioCandidatesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "The candidates file to write.")
    Path out;

    @Option(names = "--samples", split = ",", description = "Random configurations per algorithm id "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "lightgbm=12,xgboost=6,random_forest=3,extra_trees=3")
    Map<String, Integer> samples;

    @Option(names = "--seed", defaultValue = "7", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        LearnedPortfolio candidates = PortfolioCandidates.of(AlgorithmCatalogue.all(), samples, seed);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("what", "candidates");
        provenance.put("samples", samples);
        provenance.put("seed", seed);
        for (LearnedPortfolio.Family f : LearnedPortfolio.Family.values()) {
            // The defaults come first, in run order; portfolio-build compares the learned choice with them.
            provenance.put("defaults_" + f.key(), PortfolioCandidates.defaultsInRunOrder(AlgorithmCatalogue.all(),
                    PortfolioCandidates.representative(f)).size());
        }
        candidates.write(out, provenance);
        for (LearnedPortfolio.Family f : LearnedPortfolio.Family.values()) {
            spec.commandLine().getOut().println(f.key() + ": " + candidates.entries().get(f).size() + " candidates");
        }
        return Cli.OK;
    }
}
