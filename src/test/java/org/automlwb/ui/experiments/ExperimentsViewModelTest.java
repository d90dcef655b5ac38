package org.automlwb.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.export.ExperimentSummary;
import org.automlwb.experiment.Experiments;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Experiments view's actions on a real models folder: list, open, compare, rename, delete. */
class ExperimentsViewModelTest {
    @TempDir
    static Path shared;
    static Path source;

    @TempDir
    Path dir;
    Path models;
    final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    final FakeDialogService dialogs = new FakeDialogService();
    final List<ExperimentOutcome> opened = new ArrayList<>();
    ExperimentsViewModel vm;

    @BeforeAll
    static void runOnce() throws Exception {
        Path f = shared.resolve("houses.csv");
        Random rng = new Random(4);
        StringBuilder sb = new StringBuilder("rooms,area,price\n");
        for (int i = 0; i < 120; i++) {
            double rooms = 1 + rng.nextInt(5);
            double area = 30 + 20 * rooms + 10 * rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.0f,%.1f,%.1f%n", rooms, area, 2 * area + 5 * rng.nextGaussian()));
        }
        Files.writeString(f, sb.toString());
        RunSpec spec = new RunSpec("price", null, null, null, 2, 1, 5L, "auto", List.of("elastic_net"), 3, 10_000, 0,
                false, null);
        source = Experiments.run(CsvLoader.load(f), null, RunPlan.tribuo(spec), null, shared.resolve("models"),
                CancelToken.none())
                .folder().dir();
    }

    @BeforeEach
    void twoExperiments() throws Exception {
        models = dir.resolve("models");
        copy(source, models.resolve("experiments/20261201-100000-houses"));
        copy(source, models.resolve("experiments/20261202-100000-houses"));
        vm = new ExperimentsViewModel(executor, dialogs, new SimpleObjectProperty<>(models), opened::add);
        vm.refresh();
        executor.runAll();
    }

    @Test
    void listsEveryExperimentAndOffersTheNewest() {
        assertEquals(2, vm.experiments().size());
        assertNotNull(vm.latestProperty().get());
        assertEquals("price", vm.experiments().get(0).target());
    }

    @Test
    void opensOneIntoResults() {
        vm.open(vm.experiments().get(0));
        executor.runAll();
        assertEquals(1, opened.size());
        assertEquals("rmse", opened.get(0).summary().metric().key());
        assertFalse(opened.get(0).result().leaderboard().isEmpty());
    }

    @Test
    void comparesTwoOrMore() {
        vm.compare(List.of(vm.experiments().get(0)));
        assertNull(vm.comparisonProperty().get());
        assertTrue(vm.statusProperty().get().contains("two or more"));
        vm.compare(List.copyOf(vm.experiments()));
        executor.runAll();
        Comparison c = vm.comparisonProperty().get();
        assertNotNull(c);
        assertEquals(2, c.experiments().size());
        assertEquals(c.metricsOf(0), c.metricsOf(1), "copies of one run score alike");
        assertEquals(2, c.bestSoFar().size(), "one line each: both optimised RMSE");
        assertFalse(c.bestSoFar().get(0).isEmpty());
    }

    @Test
    void renamesWithoutMovingTheFolder() {
        ExperimentSummary s = vm.experiments().get(1);
        dialogs.textAnswer = "Houses, first try";
        vm.rename(s);
        executor.runAll();
        assertTrue(Files.isDirectory(s.dir()));
        assertTrue(vm.experiments().stream().anyMatch(x -> "Houses, first try".equals(x.displayName())
                && x.id().equals(s.id())));
        dialogs.textAnswer = null; // Cancel changes nothing
        vm.rename(s);
        assertEquals(0, executor.pending());
    }

    @Test
    void deletesOnlyAfterConfirmingToTheTrashWhenThereIsOne() throws Exception {
        ExperimentSummary s = vm.experiments().get(0);
        dialogs.confirmAnswer = false;
        vm.delete(List.of(s));
        assertEquals(0, executor.pending(), "nothing happens without a yes");
        dialogs.confirmAnswer = true;
        dialogs.trash = true;
        vm.delete(List.of(s));
        executor.runAll();
        assertEquals(List.of(s.dir()), dialogs.trashed);
        assertTrue(Files.exists(s.dir()), "the fake trash moves nothing: the desktop's would");

        dialogs.trash = false;
        List<Path> told = new ArrayList<>();
        vm.setOnDeleted(told::addAll);
        vm.delete(List.of(s));
        executor.runAll();
        assertFalse(Files.exists(s.dir()), "no trash: deleted for good after the question said so");
        assertEquals(List.of(s.dir()), told, "Results is told, so that it lets the deleted experiment go");
        assertEquals(1, vm.experiments().size());
        assertTrue(Files.exists(models.resolve("experiments/20261201-100000-houses")));
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path p : files.toList()) if (Files.isRegularFile(p)) Files.copy(p, to.resolve(p.getFileName()));
        }
    }
}
