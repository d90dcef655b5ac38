package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.automlwb.ChurnCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s bad input: one line on stderr and exit 2, before or instead of listening. */
class ServeCommandTest {
    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void train() throws Exception {
        Path train = dir.resolve("churn.csv");
        Files.writeString(train, ChurnCsv.rows(new Random(4), 200, 0, "basic"));
        CliRun r = CliRun.of("run", "--data", train.toString(), "--target", "churn", "--max-trials", "1",
                "--threads", "1", "--seed", "5", "--out", dir.resolve("models").toString());
        assertEquals(0, r.exit(), r.err());
        model = Path.of(r.summary().get("model").asText());
    }

    private static void oneLineExit2(CliRun r, String says) {
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one line: " + err);
        assertFalse(err.contains("Exception"), err);
        assertTrue(err.contains(says), err);
    }

    @Test
    void aPortInUseIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            oneLineExit2(CliRun.of("serve", "--model", model.toString(), "--port",
                    String.valueOf(taken.getLocalPort())), "the port is in use");
        }
    }

    @Test
    void aFolderThatIsNotAModelIsOneLineAndExit2() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-a-model"));
        oneLineExit2(CliRun.of("serve", "--model", empty.toString(), "--port", "0"), "not a model folder");
        oneLineExit2(CliRun.of("serve", "--models", empty.toString(), "--port", "0"), "no models in this folder");
        oneLineExit2(CliRun.of("serve", "--port", "0"), "no model to serve");
    }

    @Test
    void sizesAreReadWithTheirUnits() throws Exception {
        assertEquals(10L * 1024 * 1024, ServeCommand.bytes("10MB"));
        assertEquals(512L * 1024, ServeCommand.bytes("512k"));
        assertEquals(1000L, ServeCommand.bytes("1000"));
        oneLineExit2(CliRun.of("serve", "--model", model.toString(), "--max-body", "lots"), "is not a size");
    }
}
