package org.automlwb.export.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.cli.Cli;
import picocli.CommandLine;

/**
 * Small experiments made once per test JVM through the real {@code run} command (which writes report.html at the
 * end): a binary one with a test file and a linear winner, and a regression one without a test file.
 */
final class ReportFixture {
    private static Path root;
    private static Path binary;
    private static Path regression;

    private ReportFixture() { }

    static synchronized Path binary() {
        if (binary == null) {
            Path models = root().resolve("models-binary");
            Path train = write("churn.train.csv", binaryRows(new Random(7), 300));
            Path test = write("churn.test.csv", binaryRows(new Random(8), 120));
            // one linear algorithm and no ensemble: the winner is a single model that exports to ONNX
            binary = run("run", "--data", train.toString(), "--test", test.toString(), "--target", "churn",
                    "--algorithms", "linear_sgd", "--no-ensemble", "--max-trials", "4", "--threads", "1",
                    "--seed", "11", "--out", models.toString());
        }
        return binary;
    }

    static synchronized Path regression() {
        if (regression == null) {
            Path models = root().resolve("models-regression");
            Path train = write("price.csv", regressionRows(new Random(3), 300));
            regression = run("run", "--data", train.toString(), "--target", "price", "--algorithms",
                    "cart,lars_lasso", "--max-trials", "4", "--threads", "1", "--seed", "5", "--out",
                    models.toString());
        }
        return regression;
    }

    /** Runs the command line and returns the one experiment folder it wrote. */
    private static Path run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        if (code != 0) throw new IllegalStateException("run failed (" + code + "): " + err);
        Path experiments = Path.of(args[args.length - 1]).resolve("experiments");
        try (Stream<Path> s = Files.list(experiments)) {
            return s.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("report-fixture");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            root.toFile().deleteOnExit();
        }
        return root;
    }

    private static Path write(String name, String text) {
        try {
            return Files.writeString(root().resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** usage and plan carry the signal, noise does not; some ages are missing. */
    private static String binaryRows(Random rng, int n) {
        StringBuilder sb = new StringBuilder("age,plan,usage,noise,churn\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < n; i++) {
            String plan = plans[rng.nextInt(3)];
            double usage = rng.nextGaussian() * 10 + 50;
            double z = 0.12 * (usage - 50) + (plan.equals("basic") ? 0.8 : -0.4) + rng.nextGaussian() * 0.5;
            sb.append(rng.nextInt(10) == 0 ? "" : String.valueOf(18 + rng.nextInt(60))).append(',').append(plan)
                    .append(',').append(String.format(Locale.ROOT, "%.2f", usage)).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", rng.nextDouble())).append(',')
                    .append(z > 0 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    /** price = 3 size − 2 age + noise; colour is noise. */
    private static String regressionRows(Random rng, int n) {
        StringBuilder sb = new StringBuilder("size,age,colour,price\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < n; i++) {
            double size = rng.nextGaussian();
            double age = rng.nextGaussian();
            double price = 3 * size - 2 * age + 0.3 * rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%.4f%n", size, age, colours[rng.nextInt(3)], price));
        }
        return sb.toString();
    }
}
