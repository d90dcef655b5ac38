package org.automlwb.ui.run;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceFile;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.SavedExperiment;
import org.automlwb.prep.Recipe;
import org.automlwb.spark.SparkSubmitRun;
import org.automlwb.spark.SparkSubmitTarget;
import org.automlwb.spark.SubmitRequest;
import org.automlwb.ui.settings.SparkSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the run on a Spark cluster through the user's spark-submit ({@link SparkSubmitRun}) with the settings a
 * run on this computer would use: the loaded file, the recipe and search space as files, the same models folder.
 * The events the driver prints reach the Run view like a local run's, and at the end the experiment it wrote is
 * read from its folder for Results. Runs on the caller's (background) thread, never the FX thread.
 */
final class SparkRunLauncher implements RunLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(SparkRunLauncher.class);
    /** The jar to hand spark-submit when the app itself runs from class folders (development, screenshot tours). */
    static final String APP_JAR_PROPERTY = "automlwb.appJar";

    private final Supplier<SparkSettings> settings;
    private final Supplier<List<EngineKind>> engines;
    private final Supplier<Path> testFile;
    private final Supplier<Path> appJar;
    private final Map<String, String> environment;

    /**
     * @param settings    the Spark home and master, read when a run starts
     * @param engines     the engines of the run
     * @param testFile    the test file the Search view names, or null
     * @param appJar      the jar spark-submit runs (this program's)
     * @param environment added to spark-submit's environment
     */
    SparkRunLauncher(Supplier<SparkSettings> settings, Supplier<List<EngineKind>> engines, Supplier<Path> testFile,
                     Supplier<Path> appJar, Map<String, String> environment) {
        this.settings = settings;
        this.engines = engines;
        this.testFile = testFile;
        this.appJar = appJar;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public ExperimentOutcome run(LoadedData train, RunSpec spec, Recipe recipe, Path modelsRoot, CancelToken cancel,
                                 RunListener listener) throws BadInputException, InterruptedException {
        SparkSettings s = settings.get();
        String problem = s.problem();
        if (problem != null) throw new BadInputException(problem, "open File › Settings… to set Spark up");
        SparkSubmitTarget target = s.toTarget();
        Path jar = appJar.get();
        Path work;
        try {
            work = Files.createTempDirectory("automlwb-spark-run");
        } catch (IOException e) {
            throw new BadInputException("cannot write the run's settings for spark-submit (" + e.getMessage() + ")",
                    "free some space in the temporary folder");
        }
        try {
            Path recipeFile = recipe == null ? null : write(work.resolve("recipe.json"), recipe.toJson());
            Path spaceFile = spec.space().equals(SpaceFile.empty()) ? null
                    : write(work.resolve("space.json"), spaceJson(spec.space()));
            SubmitRequest request = new SubmitRequest(target, jar, otherJars(jar), train.source(), testFile.get(),
                    spec, recipeFile, spaceFile, modelsRoot, engines.get().stream().map(EngineKind::key).toList());
            SparkSubmitRun.Ended ended = new SparkSubmitRun(request, environment).run(cancel, listener);
            if (ended.experimentDir() == null) {
                throw new BadInputException("the Spark run was stopped before it started its experiment",
                        "start it again");
            }
            return SavedExperiment.read(ended.experimentDir(), modelsRoot);
        } finally {
            deleteQuietly(work);
        }
    }

    /**
     * The search-space file for a run's space: each algorithm it names, with its replaced ranges and whether it
     * takes part ({@link SpaceFile#write}, which the run's {@code --space} reads back).
     */
    static String spaceJson(SpaceFile space) {
        Map<String, SearchSpace> spaces = new java.util.LinkedHashMap<>();
        java.util.Set<String> disabled = new java.util.HashSet<>();
        space.enabled().forEach((id, on) -> {
            spaces.put(id, new SearchSpace(space.params().getOrDefault(id, List.of())));
            if (!on) disabled.add(id);
        });
        space.params().forEach((id, params) -> spaces.putIfAbsent(id, new SearchSpace(params)));
        return SpaceFile.write(spaces, disabled);
    }

    /**
     * The jar holding this program: the desktop jar when the app was started with {@code java -jar}, the
     * application jar of an installed app image.
     *
     * @throws IllegalStateException when the program runs from class folders (a development run) and
     *                               {@value #APP_JAR_PROPERTY} names no jar: spark-submit needs a jar
     */
    static Path thisJar() {
        String given = System.getProperty(APP_JAR_PROPERTY);
        if (given != null && !given.isBlank()) return Path.of(given).toAbsolutePath();
        try {
            Path p = Path.of(SparkRunLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p) && p.toString().endsWith(".jar")) return p;
            throw new IllegalStateException("the app runs from " + p + ", not from a jar: build it (mvn package) "
                    + "and start target/automl-workbench.jar to run on Spark, or name it with -D" + APP_JAR_PROPERTY);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the app's jar", e);
        }
    }

    /**
     * The other jars of this program's class path: none for the single desktop jar; an installed app image's
     * libraries, which spark-submit must ship too ({@code --jars}).
     */
    private static List<Path> otherJars(Path appJar) {
        List<Path> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (entry.isBlank() || !entry.endsWith(".jar")) continue;
            Path p = Path.of(entry).toAbsolutePath();
            if (!p.equals(appJar.toAbsolutePath()) && Files.isRegularFile(p)) out.add(p);
        }
        return out;
    }

    private static Path write(Path file, String text) throws BadInputException {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new BadInputException("cannot write " + file + " for spark-submit (" + e.getMessage() + ")",
                    "free some space in the temporary folder");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("could not delete {}", dir, e);
        }
    }
}
