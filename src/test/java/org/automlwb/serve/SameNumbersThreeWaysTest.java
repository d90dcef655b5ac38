package org.automlwb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.automlwb.ChurnCsv;
import org.automlwb.cli.Cli;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.results.ResultsViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same rows scored three ways give the same numbers, to the last bit: {@code predict} on a file, the Results
 * view's "Predict a file", and the server (JSON records and a CSV body). Rows include a missing age and a plan never
 * seen in training.
 */
class SameNumbersThreeWaysTest {
    @TempDir
    static Path dir;
    static ServeFixture model;
    static String csv;
    static Path file;

    @BeforeAll
    static void train() throws Exception {
        model = ServeFixture.train(dir);
        csv = ChurnCsv.rows(new Random(77), 40, 3, "unseen-plan");
        file = dir.resolve("new.csv");
        Files.writeString(file, csv);
    }

    @Test
    void predictResultsViewAndServerAgree() throws Exception {
        Path byCommand = dir.resolve("by-command.csv");
        assertEquals(0, Cli.commandLine().execute("predict", "--model", model.trained.toString(), "--data",
                file.toString(), "--out", byCommand.toString(), "--no-monitoring"));

        Path byView = dir.resolve("by-view.csv");
        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        FakeDialogService dialogs = new FakeDialogService();
        ResultsViewModel view = new ResultsViewModel(executor, dialogs);
        view.outcomeProperty().set(model.outcome);
        executor.runAll();
        dialogs.fileToChoose = file;
        dialogs.csvToSave = byView;
        view.keepColumnsProperty().set(false);
        view.predictFile();
        executor.runAll();
        assertTrue(dialogs.errors.isEmpty(), () -> dialogs.errors.toString());

        List<String> command = Files.readAllLines(byCommand);
        List<String> viewed = Files.readAllLines(byView);
        assertEquals(41, command.size());
        assertEquals(command.size(), viewed.size());
        // The view writes the same predictions with probabilities rounded for reading (3 places): compare the
        // command's full-precision numbers rounded the same way.
        for (int i = 1; i < command.size(); i++) {
            String[] full = command.get(i).split(",");
            String[] shown = viewed.get(i).split(",");
            assertEquals(full.length, shown.length, viewed.get(i));
            assertEquals(full[0], shown[0]);
            assertEquals(full[1], shown[1], "prediction of row " + full[0]);
            for (int k = 2; k < full.length; k++) {
                assertEquals(new java.math.BigDecimal(Double.parseDouble(full[k])).setScale(3,
                        java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(), shown[k],
                        "probability " + k + " of row " + full[0]);
            }
        }
        assertEquals("row,prediction,prob_no,prob_yes", command.get(0));

        try (ModelServer server = ModelServer.start(List.of(model.trained), List.of(), ServeSettings.of("127.0.0.1",
                0))) {
            HttpResponse<String> json = ServeFixture.post(server.url() + "/predict", "application/json",
                    ServeFixture.jsonRecords(csv));
            HttpResponse<String> body = ServeFixture.post(server.url() + "/predict", "text/csv", csv);
            assertEquals(200, json.statusCode(), json.body());
            assertEquals(200, body.statusCode(), body.body());
            for (HttpResponse<String> r : List.of(json, body)) {
                JsonNode p = ServeFixture.json(r).get("predictions");
                assertEquals(40, p.size());
                for (int i = 0; i < 40; i++) {
                    String[] cells = command.get(i + 1).split(",");
                    JsonNode row = p.get(i);
                    assertEquals(cells[1], row.get("prediction").asText(), "row " + (i + 1));
                    // Exact: the CSV's shortest decimal form and JSON's read back as the same double.
                    assertEquals(Double.parseDouble(cells[2]), row.get("probabilities").get("no").doubleValue(),
                            0.0, "row " + (i + 1));
                    assertEquals(Double.parseDouble(cells[3]), row.get("probabilities").get("yes").doubleValue(),
                            0.0, "row " + (i + 1));
                }
            }
        }
    }
}
