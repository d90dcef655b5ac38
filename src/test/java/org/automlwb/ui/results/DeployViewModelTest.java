package org.automlwb.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javafx.beans.property.SimpleObjectProperty;
import org.automlwb.cli.Cli;
import org.automlwb.data.ColumnKind;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.export.ModelExport;
import org.automlwb.export.serving.InputSchema;
import org.automlwb.export.serving.SchemaChangedException;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.dialog.ErrorReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The Results view's Deploy action: off the UI thread, under the chosen name, promoted or not, and where it went. */
class DeployViewModelTest {
    @TempDir
    Path dir;

    /** A real exported model: a two-trial run from the command line. */
    private ExperimentOutcome outcome() throws IOException {
        Random rng = new Random(5);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 100; i++) {
            double a = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", a, rng.nextGaussian(), a > 0 ? "up" : "down"));
        }
        Path data = Files.writeString(dir.resolve("deploy.csv"), sb);
        Path models = dir.resolve("models");
        CommandLine cl = Cli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, cl.execute("run", "--data", data.toString(), "--target", "y", "--max-trials", "2",
                "--threads", "1", "--algorithms", "baseline,liblinear", "--no-ensemble", "--out", models.toString(),
                "--no-deploy"));
        Path trained;
        try (var s = Files.list(models.resolve(ModelExport.TRAINED_MODELS))) {
            trained = s.findFirst().orElseThrow();
        }
        String id = trained.getFileName().toString();
        return new ExperimentOutcome(new ExperimentFolder(id, models.resolve("experiments").resolve(id)), null,
                new ModelExport.ExportedModel(id, trained));
    }

    @Test
    void deploysOffTheUiThreadUnderTheChosenNameAndSaysWhereItWent() throws IOException {
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        FakeDialogService dialogs = new FakeDialogService();
        SimpleObjectProperty<ExperimentOutcome> shown = new SimpleObjectProperty<>();
        DeployViewModel vm = new DeployViewModel(executor, dialogs, shown);
        assertFalse(vm.availableProperty().get(), "nothing to deploy before a run");

        ExperimentOutcome o = outcome();
        shown.set(o);
        assertTrue(vm.availableProperty().get());
        assertEquals(o.trainedModel().id(), vm.nameProperty().get(), "the model's id until the user changes it");
        assertTrue(vm.promoteProperty().get());

        vm.nameProperty().set("churn");
        vm.deploy();
        assertTrue(vm.busyProperty().get());
        assertEquals(1, executor.pending(), "the deployment waits for the background thread");
        Path model = dir.resolve("deployment/model_serving/churn");
        assertFalse(Files.exists(model), "nothing is written on the UI thread");
        vm.deploy();
        assertEquals(1, executor.pending(), "a second press while busy does nothing");
        executor.runNext();
        assertFalse(vm.busyProperty().get());
        assertEquals("Deployed as churn v1 (now the current version): " + model.resolve("v1"),
                vm.statusProperty().get());
        assertEquals("v1", Files.readString(model.resolve("current")).strip());

        vm.promoteProperty().set(false);
        vm.deploy();
        executor.runNext();
        assertEquals("Deployed as churn v2 (v1 stays the current version): " + model.resolve("v2"),
                vm.statusProperty().get());
        assertEquals("v1", Files.readString(model.resolve("current")).strip());
        assertEquals(List.of(), dialogs.errors);

        shown.set(null);
        assertEquals("", vm.statusProperty().get(), "another experiment: the last status is not its own");
        assertFalse(vm.availableProperty().get());
    }

    @Test
    void aRefusedSchemaChangeIsExplainedColumnByColumn() {
        InputSchema served = new InputSchema("y", List.of(new InputSchema.Column("a", ColumnKind.DECIMAL, List.of()),
                new InputSchema.Column("b", ColumnKind.DECIMAL, List.of())));
        InputSchema next = new InputSchema("y", List.of(new InputSchema.Column("a", ColumnKind.DECIMAL, List.of()),
                new InputSchema.Column("b", ColumnKind.TEXT, List.of("hi", "lo"))));
        ErrorReport r = DeployViewModel.report(new RuntimeException(new SchemaChangedException(Path.of("churn"), "v1",
                served, next, next.differencesFrom(served))));
        assertEquals("Not deployed: the inputs changed", r.title());
        assertTrue(r.message().contains("\nb: number in the current version, text in the new one\n"), r.message());
        assertTrue(r.message().endsWith("served (v1): a: number, b: number\nnew: a: number, b: text"), r.message());
        assertTrue(r.hint().contains("another name"), r.hint());
    }
}
