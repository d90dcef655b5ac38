package org.automlwb.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.cli.Cli;
import picocli.CommandLine;

/**
 * The child-JVM half of {@link ModelFileFuzzTest}: for each trained model folder it is given, it predicts once
 * untouched, then flips one byte at seeded offsets of every file the loader reads (artifacts, fitted pipelines,
 * {@code model_metadata.json}, the training profile) in a scratch copy and runs {@code predict} through the real command line again. It
 * prints one line per mutation, {@code FUZZ <outcome> <folder>/<file> <offset> <detail>}, with outcome
 * {@code REFUSED} (exit 2), {@code SAME} (exit 0, predictions byte for byte the untouched ones), {@code CHANGED}
 * (exit 0, other predictions) or {@code OTHER} (any other exit). It runs in its own JVM because a damaged file that
 * reached XGBoost's or LightGBM's native code could end the process with SIGSEGV, which the test must see as an
 * exit code rather than die of.
 *
 * <p>In JSON files every other mutation puts another digit in place of one, which keeps the document valid and
 * so reaches what a flipped byte seldom does: weights, coefficients and hashes.
 *
 * <p>Arguments: {@code <scratch dir> <data csv> <mutations per file> <seed> <model folder>...}.
 */
public final class ModelFileFuzz {
    private ModelFileFuzz() { }

    public static void main(String[] args) throws IOException {
        Path scratch = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int perFile = Integer.parseInt(args[2]);
        Random rng = new Random(Long.parseLong(args[3]));
        for (String folder : Arrays.copyOfRange(args, 4, args.length)) {
            Path model = Path.of(folder);
            Path expectedOut = scratch.resolve(model.getFileName() + "-untouched.csv");
            Outcome untouched = predict(model, data, expectedOut);
            if (untouched.exit != 0) {
                System.out.println("FUZZ BASELINE_FAILED " + model.getFileName() + " - " + untouched.err.strip());
                continue;
            }
            byte[] expected = Files.readAllBytes(expectedOut);
            for (Path file : loadedFiles(model)) {
                byte[] original = Files.readAllBytes(file);
                int[] digits = digitOffsets(file, original);
                for (int i = 0; i < perFile; i++) {
                    byte[] mutated = original.clone();
                    int offset;
                    if (i % 2 == 1 && digits.length > 0) {
                        // another digit in a number: still valid JSON, so only a check of the values can notice
                        offset = digits[rng.nextInt(digits.length)];
                        mutated[offset] = (byte) ('0' + (original[offset] - '0' + 1 + rng.nextInt(9)) % 10);
                    } else {
                        offset = rng.nextInt(original.length);
                        mutated[offset] ^= (byte) (1 + rng.nextInt(255)); // never 0: the byte always changes
                    }
                    Path copy = scratch.resolve("m");
                    deleteTree(copy);
                    copyTree(model, copy);
                    Files.write(copy.resolve(model.relativize(file)), mutated);
                    Path out = scratch.resolve("out.csv");
                    Files.deleteIfExists(out);
                    Outcome o = predict(copy, data, out);
                    String where = model.getFileName() + "/" + model.relativize(file) + " " + offset;
                    String kind = switch (o.exit) {
                        case Cli.BAD_INPUT -> "REFUSED";
                        case Cli.OK -> Arrays.equals(expected, Files.readAllBytes(out)) ? "SAME" : "CHANGED";
                        default -> "OTHER";
                    };
                    // stderr on one output line: its line count and text, newlines shown as \n
                    System.out.println("FUZZ " + kind + " " + where + " " + o.err.strip().lines().count() + " "
                            + o.err.strip().replace("\n", "\\n"));
                }
            }
        }
        System.out.println("FUZZ END");
    }

    /** Where a JSON file has digits; none for artifacts, whose bytes are only flipped. */
    private static int[] digitOffsets(Path file, byte[] bytes) {
        if (!file.getFileName().toString().endsWith(".json")) return new int[0];
        return java.util.stream.IntStream.range(0, bytes.length)
                .filter(i -> bytes[i] >= '0' && bytes[i] <= '9').toArray();
    }

    /** The files {@code predict} reads: all but the ONNX export (other tools load it) and the metrics (for people). */
    private static List<Path> loadedFiles(Path model) throws IOException {
        try (Stream<Path> s = Files.walk(model)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("model_artifact") || name.startsWith("preprocessing_pipeline")
                                || name.equals(ModelExport.METADATA_FILE) || name.equals(MonitoringReference.FILE);
                    })
                    .sorted().toList();
        }
    }

    private record Outcome(int exit, String err) { }

    /**
     * Runs {@code predict} as the jar would; what it printed on stderr includes whatever reached the process's
     * stderr meanwhile (log lines, a library's own stack trace), as a user would see it.
     */
    private static Outcome predict(Path model, Path data, Path out) {
        StringWriter err = new StringWriter();
        PrintStream processErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        int exit;
        try {
            // made after System.err is swapped: one made before loses its writers when the stream changes
            CommandLine cl = Cli.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err, true));
            exit = cl.execute("predict", "--model", model.toString(), "--data", data.toString(), "--out",
                    out.toString(), "--no-monitoring");
        } finally {
            System.setErr(processErr);
        }
        return new Outcome(exit, stray.toString(StandardCharsets.UTF_8) + err);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        AtomicDirs.copyTree(from, to);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) Files.delete(p);
        }
    }
}
