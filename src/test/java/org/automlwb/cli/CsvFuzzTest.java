package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.automlwb.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Hostile CSV files through {@code profile}, {@code predict} and a tiny {@code run}, in process through the command
 * line's entry point: a seeded generator damages a clean file in the ways files arrive damaged (cut short, stray
 * quotes, NUL bytes, mixed delimiters, huge fields and lines, invalid UTF-8, BOMs, duplicate or missing headers,
 * empty files) and every outcome must be one of two: exit 0 with valid output, or exit 2 with exactly one line on
 * stderr. Never a stack trace, never exit 1.
 */
class CsvFuzzTest {
    private static final long SEED = 15L;
    private static final int PROFILE_CASES = 300;
    private static final int PREDICT_CASES = 80;
    private static final int RUN_CASES = 5;

    @TempDir
    static Path dir;
    private static Path model;

    @BeforeAll
    static void trainOnCleanData() throws Exception {
        Path clean = Files.write(dir.resolve("clean.csv"), clean(new Random(1), 120));
        Outcome o = cli("run", "--data", clean.toString(), "--target", "y", "--algorithms", "liblinear",
                "--max-trials", "2", "--threads", "1", "--no-ensemble", "--no-deploy", "--out",
                dir.resolve("trained").toString());
        assertEquals(0, o.exit, o.err);
        model = Path.of(Json.MAPPER.readTree(o.lastLine()).get("model").asText());
    }

    @Test
    void damagedCsvFilesAreProfiledOrRefusedInOneLine() throws Exception {
        Random rng = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < PROFILE_CASES; i++) {
            Case c = damage(rng, clean(rng, 5 + rng.nextInt(40)));
            Path file = Files.write(dir.resolve("profile-" + i + ".csv"), c.bytes);
            List<String> args = new ArrayList<>(List.of("profile", file.toString()));
            boolean json = i % 3 != 0; // most as JSON, which is checked field by field; some as the table
            if (json) args.add("--json");
            if (i % 5 == 0) args.add("--skip-bad-rows");
            Outcome o = cli(args.toArray(String[]::new));
            check(o, c, "profile");
            if (o.exit == 0 && json) {
                JsonNode profile = Json.MAPPER.readTree(o.out);
                assertTrue(profile.path("rows").asLong(-1) >= 0 && profile.path("columns").isArray(),
                        c + ": " + o.out);
            }
            if (o.exit == 0 && !json) assertTrue(!o.out.isBlank(), c + ": nothing printed");
            outcomes.merge("profile exit " + o.exit, 1, Integer::sum);
        }
        System.out.println("csv fuzz, profile: " + outcomes);
        assertTrue(outcomes.getOrDefault("profile exit 0", 0) > 0, "some damaged files are still read");
        assertTrue(outcomes.getOrDefault("profile exit 2", 0) > 0, "some are refused");
    }

    @Test
    void damagedCsvFilesArePredictedOrRefusedInOneLine() throws Exception {
        Random rng = new Random(SEED + 1);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < PREDICT_CASES; i++) {
            Case c = damage(rng, clean(rng, 5 + rng.nextInt(40)));
            Path file = Files.write(dir.resolve("predict-" + i + ".csv"), c.bytes);
            Path out = dir.resolve("predict-" + i + "-out.csv");
            Outcome o = cli("predict", "--model", model.toString(), "--data", file.toString(), "--out",
                    out.toString(), "--no-monitoring");
            check(o, c, "predict");
            if (o.exit == 0) {
                JsonNode summary = Json.MAPPER.readTree(o.lastLine());
                List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
                assertEquals(summary.get("rows").asLong() + 1, lines.size(), c + ": a header and a line a row");
                assertTrue(lines.get(0).startsWith("row,prediction,prob_"), c + ": " + lines.get(0));
            } else {
                assertTrue(!Files.exists(out), c + ": nothing half-written after a refusal");
            }
            outcomes.merge("predict exit " + o.exit, 1, Integer::sum);
        }
        System.out.println("csv fuzz, predict: " + outcomes);
        assertTrue(outcomes.getOrDefault("predict exit 0", 0) > 0, "some damaged files are still predicted");
    }

    @Test
    void damagedCsvFilesTrainOrAreRefusedInOneLine() throws Exception {
        Random rng = new Random(SEED + 2);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < RUN_CASES; i++) {
            // damages a run can survive, so that training on a damaged file is reached, not only refusals
            String kind = RUN_KINDS[i % RUN_KINDS.length];
            Case c = new Case(apply(kind, clean(rng, 60), rng), List.of(kind));
            Path file = Files.write(dir.resolve("run-" + i + ".csv"), c.bytes);
            Outcome o = cli("run", "--data", file.toString(), "--target", "y", "--algorithms", "liblinear",
                    "--max-trials", "1", "--threads", "1", "--no-ensemble", "--no-deploy", "--out",
                    dir.resolve("run-" + i).toString());
            check(o, c, "run");
            if (o.exit == 0) assertTrue(Json.MAPPER.readTree(o.lastLine()).has("experiment"), c + ": " + o.out);
            outcomes.merge("run exit " + o.exit, 1, Integer::sum);
        }
        System.out.println("csv fuzz, run: " + outcomes);
    }

    /** The two outcome classes: exit 0, or exit 2 with one line; and never a stack trace. */
    private static void check(Outcome o, Case c, String command) {
        assertTrue(!o.err.contains("\tat ") && !o.err.contains("Exception"), command + ", " + c
                + ": a stack trace or exception name on stderr:\n" + o.err);
        assertTrue(o.exit == 0 || o.exit == 2, command + ", " + c + ": exit " + o.exit + "\n" + o.err);
        if (o.exit == 2) {
            List<String> lines = o.err.strip().lines().toList();
            assertEquals(1, lines.size(), command + ", " + c + ": one line on stderr:\n" + o.err);
            assertTrue(lines.get(0).startsWith("error: "), command + ", " + c + ": " + lines.get(0));
        }
    }

    /** A damaged file and how it was damaged, for the failure message. */
    private record Case(byte[] bytes, List<String> how) {
        @Override
        public String toString() {
            return "file damaged by " + how;
        }
    }

    /** Numbers (some missing), a category with a quoted comma, a date and a yes/no target. */
    private static byte[] clean(Random rng, int rows) {
        StringBuilder sb = new StringBuilder("num,amount,city,day,y\n");
        String[] cities = {"Lyon", "\"Paris, 75\"", "Besançon", "Zürich"};
        for (int i = 0; i < rows; i++) {
            int n = rng.nextInt(100);
            sb.append(n).append(',')
                    .append(rng.nextInt(10) == 0 ? "" : String.format(Locale.ROOT, "%.2f", rng.nextGaussian() * 50))
                    .append(',').append(cities[rng.nextInt(cities.length)]).append(',')
                    .append(String.format(Locale.ROOT, "2026-%02d-%02d", 1 + rng.nextInt(12), 1 + rng.nextInt(28)))
                    .append(',').append(n + rng.nextInt(30) > 60 ? "yes" : "no").append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] KINDS = {"truncate", "stray quote", "NUL bytes", "mixed delimiters",
        "huge field", "invalid UTF-8", "empty", "header only", "duplicate header", "UTF-8 BOM", "UTF-16 BOM",
        "BOM inside", "very long line", "flip bytes", "ragged rows", "CR line ends", "blank lines",
        "hostile header", "numbers at the edge", "binary junk"};

    private static final String[] RUN_KINDS = {"UTF-8 BOM", "CR line ends", "numbers at the edge", "blank lines",
        "duplicate header"};

    /** One to three damages, chosen and placed by the seeded generator. */
    private static Case damage(Random rng, byte[] clean) {
        byte[] b = clean;
        List<String> how = new ArrayList<>();
        int n = 1 + (rng.nextInt(3) == 0 ? 1 + rng.nextInt(2) : 0);
        for (int k = 0; k < n; k++) {
            String kind = KINDS[rng.nextInt(KINDS.length)];
            how.add(kind);
            b = apply(kind, b, rng);
        }
        return new Case(b, how);
    }

    private static byte[] apply(String kind, byte[] b, Random rng) {
        String text = new String(b, StandardCharsets.ISO_8859_1); // byte for byte, whatever the bytes are
        int at = b.length == 0 ? 0 : rng.nextInt(b.length);
        String out = switch (kind) {
            case "truncate" -> text.substring(0, at);
            case "stray quote" -> insert(text, at, rng.nextBoolean() ? "\"" : "'\"\"");
            case "NUL bytes" -> insert(text, at, "\0".repeat(1 + rng.nextInt(3)));
            case "mixed delimiters" -> mixDelimiters(text, rng);
            case "huge field" -> insert(text, at, "x".repeat(200_000 + rng.nextInt(100_000)));
            case "invalid UTF-8" -> insert(text, at, new String(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF,
                    (byte) 0x80, (byte) 0xE2, (byte) 0x82}, StandardCharsets.ISO_8859_1));
            case "empty" -> "";
            case "header only" -> text.contains("\n") ? text.substring(0, text.indexOf('\n') + 1) : text;
            case "duplicate header" -> text.replaceFirst("amount", rng.nextBoolean() ? "num" : "y");
            case "UTF-8 BOM" -> "\u00EF\u00BB\u00BF" + text;
            case "UTF-16 BOM" -> (rng.nextBoolean() ? "\u00FF\u00FE" : "\u00FE\u00FF") + text;
            case "BOM inside" -> insert(text, at, "\u00EF\u00BB\u00BF");
            case "very long line" -> insert(text, text.indexOf('\n') + 1, "1,".repeat(20_000) + "\n");
            case "flip bytes" -> flip(text, rng);
            case "ragged rows" -> ragged(text, rng);
            case "CR line ends" -> rng.nextBoolean() ? text.replace("\n", "\r") : text.replace("\n", "\r\n");
            case "blank lines" -> insert(text, at, "\n\n   \n");
            case "hostile header" -> text.replaceFirst("city", rng.nextBoolean() ? "\"\"" : "\" \t\"");
            case "numbers at the edge" -> text.replaceFirst("\n\\d+,", "\n" + List.of("1e999", "-1e999",
                    "NaN", "Infinity", "9223372036854775808", "1.7976931348623157E308", "0x1F", "--3")
                    .get(rng.nextInt(8)) + ",");
            case "binary junk" -> junk(rng, 50 + rng.nextInt(500));
            default -> throw new IllegalArgumentException(kind);
        };
        return out.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String insert(String s, int at, String what) {
        int i = Math.min(at, s.length());
        return s.substring(0, i) + what + s.substring(i);
    }

    private static String mixDelimiters(String text, Random rng) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (rng.nextInt(3) == 0) lines[i] = lines[i].replace(",", rng.nextBoolean() ? ";" : "\t");
        }
        return String.join("\n", lines);
    }

    private static String flip(String text, Random rng) {
        if (text.isEmpty()) return text;
        char[] c = text.toCharArray();
        for (int k = 0; k < 1 + rng.nextInt(8); k++) {
            int i = rng.nextInt(c.length);
            c[i] = (char) ((c[i] ^ (1 + rng.nextInt(255))) & 0xFF);
        }
        return new String(c);
    }

    private static String ragged(String text, Random rng) {
        String[] lines = text.split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            if (rng.nextInt(4) != 0) continue;
            lines[i] = rng.nextBoolean() ? lines[i] + ",extra,fields"
                    : lines[i].contains(",") ? lines[i].substring(0, lines[i].lastIndexOf(',')) : lines[i];
        }
        return String.join("\n", lines);
    }

    private static String junk(Random rng, int n) {
        byte[] b = new byte[n];
        rng.nextBytes(b);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** What a command printed; stderr includes anything else that reached the process's stderr meanwhile. */
    private record Outcome(int exit, String out, String err) {
        String lastLine() {
            List<String> lines = out.strip().lines().toList();
            return lines.get(lines.size() - 1);
        }
    }

    private static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream processErr = System.err;
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stray, true, StandardCharsets.UTF_8));
        try {
            // made after System.err is swapped: one made before loses its writers when the stream changes
            CommandLine cl = Cli.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Outcome(exit, out.toString(), stray.toString(StandardCharsets.UTF_8) + err);
        } finally {
            System.setErr(processErr);
        }
    }
}
