package org.automlwb.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.DataFormat;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.prepared.PrepareSpec;
import org.automlwb.prepared.Prepared;
import org.automlwb.prepared.Preparer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prepare}: a raw file to a prepared data set in the {@code data/} layout ({@link Preparer}), streamed in
 * chunks. The last stdout line is a one-line JSON summary (files written, rows per step, how the recipe was fitted);
 * warnings about the raw file are one line each on stderr.
 */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Fit a recipe on a raw CSV or Parquet file (or replay a fitted one) and write "
                + "data/processed_data/NAME.csv|parquet, data/feature_engineering/NAME.recipe.json and the lineage.")
public final class PrepareCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "The raw CSV or Parquet file.")
    Path data;

    @Option(names = "--recipe", description = "A recipe, or a fitted recipe to replay (default: the automatic recipe).")
    Path recipe;

    @Option(names = "--refit",
            description = "Fit a fitted --recipe's steps again on this file instead of replaying it.")
    boolean refit;

    @Option(names = "--target", description = "The column a model will predict: kept as it is, and the recipe is "
            + "fitted on the rows the run trains on (its holdout split, same --seed and --budget).")
    String target;

    @Option(names = "--out", defaultValue = "data", description = "The data/ folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--keep-raw", description = "Copy the raw file to data/raw_data/.")
    boolean keepRaw;

    @Option(names = "--name", description = "The data set's name (default: the raw file's name).")
    String name;

    @Option(names = "--seed", defaultValue = "42",
            description = "The run's seed, for its split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--budget", converter = Durations.class, defaultValue = "60s",
            description = "The run's budget, for its split: holdout above 10,000 rows up to 5 min, else above 50,000"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration budget;

    @Option(names = "--chunk-rows", defaultValue = "50000",
            description = "Rows read at a time (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--fit-rows", defaultValue = "0",
            description = "Most rows to fit the recipe on, an evenly spread sample beyond (default: as many as the"
                    + " heap holds).")
    int fitRows;

    @Override
    public Integer call() throws Exception {
        if (chunkRows < 1) throw new BadInputException("--chunk-rows must be at least 1", "use e.g. 50000");
        if (fitRows < 0) {
            throw new BadInputException("--fit-rows must not be negative", "leave it out, or use e.g. 100000");
        }
        DataFormat f;
        try {
            f = DataFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("unknown format '" + format + "'", "use csv or parquet");
        }
        PrepareSpec s = PrepareSpec.of(data, out, f).withRecipe(recipe, refit).withTarget(target).withKeepRaw(keepRaw)
                .withName(name).withChunks(chunkRows, fitRows).withSplit(seed, RunSpec.holdoutAboveFor(budget));
        Prepared p;
        try (StopOnInterrupt stop = StopOnInterrupt.install(spec.commandLine().getErr())) {
            p = Preparer.run(s, ProgressListener.none(), stop.token());
        }
        for (String w : p.warnings()) spec.commandLine().getErr().println("warning: " + data + ": " + w);
        spec.commandLine().getErr().flush();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("processed", p.processed().toString());
        line.put("recipe", p.recipe().toString());
        line.put("lineage", p.lineageFile().toString());
        if (p.rawCopy() != null) line.put("raw", p.rawCopy().toString());
        line.put("rows", p.lineage().rows());
        line.put("chunks", p.chunks());
        line.put("fit", p.fit());
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
