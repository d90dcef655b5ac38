package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code profile} command, run in-process. */
class ProfileCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private Path sample() throws IOException {
        return write("people.csv", "id,age,city,alley,paid\n1,34,Oslo,NA,yes\n2,,Bergen,Grvl,no\n"
                + "3,51,Oslo,Pave,yes\n");
    }

    @Test
    void printsAnAlignedTable() throws Exception {
        assertEquals(Cli.OK, run("profile", sample().toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals("people.csv: 3 rows x 5 columns (delimiter ',', UTF-8, header)", lines.get(0));
        assertTrue(lines.get(1).startsWith("column  kind     "), lines.get(1));
        assertTrue(lines.get(3).startsWith("age     INTEGER  1 (33.3%)"), lines.get(3));
        int kindAt = lines.get(1).indexOf("kind");
        for (int i = 2; i <= 6; i++) assertEquals(' ', lines.get(i).charAt(kindAt - 1), "aligned: " + lines.get(i));
        assertEquals("suggested target: paid", lines.get(lines.size() - 1));
        assertEquals("", err.toString());
    }

    @Test
    void printsOneJsonDocument() throws Exception {
        assertEquals(Cli.OK, run("profile", sample().toString(), "--json", "--keep-na"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals(3, root.get("rows").asInt());
        assertEquals("paid", root.get("suggestedTarget").asText());
        JsonNode cols = root.get("columns");
        assertEquals(5, cols.size());
        JsonNode age = cols.get(1);
        assertEquals("age", age.get("name").asText());
        assertEquals("INTEGER", age.get("kind").asText());
        assertEquals(1, age.get("missing").asInt());
        assertEquals(42.5, age.get("mean").asDouble(), 1e-12);
        JsonNode alley = cols.get(3);
        assertEquals(0, alley.get("missing").asInt(), "--keep-na reads NA as a value");
        assertTrue(alley.get("mean").isNull(), "no NaN in JSON");
        assertEquals("Grvl", alley.get("topValues").get(0).get("value").asText(), "ties in value order");
        assertEquals("NA", alley.get("topValues").get(1).get("value").asText());
        assertTrue(alley.get("flags").isArray());
        assertEquals(",", root.get("dialect").get("delimiter").asText());
    }

    @Test
    void infinitiesAndHugeNumbersAreSaidOutLoud() throws Exception {
        Path p = write("inf.csv", "x,y\n1.5,a\ninf,b\n1e999,c\n1.7976931348623157E308,d\n2,e\n");
        assertEquals(Cli.OK, run("profile", p.toString()));
        String text = out.toString();
        assertTrue(text.contains("x       DECIMAL"), text);
        assertTrue(text.contains("column 'x': 2 infinite or NaN values read as missing, 1 value beyond \u00b11e30 "
                + "clipped"), text);
        out.getBuffer().setLength(0);
        assertEquals(Cli.OK, run("profile", p.toString(), "--json"));
        JsonNode x = new ObjectMapper().readTree(out.toString()).get("columns").get(0);
        assertEquals(2, x.get("nonFinite").asInt());
        assertEquals(1, x.get("clipped").asInt());
        assertEquals(2, x.get("missing").asInt());
        assertEquals(1e30, x.get("max").asDouble());
        assertTrue(x.get("mean").isNumber() && x.get("std").isNumber(), "no null statistics: " + x);
        assertEquals("", err.toString());
    }

    @Test
    void mixedEncodingsAreAWarningInBothForms() throws Exception {
        Path p = dir.resolve("mixed.csv");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("city\nBesan\u00e7on\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.writeBytes("Besan\u00e7on\n".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.write(p, b.toByteArray());
        assertEquals(Cli.OK, run("profile", p.toString()));
        assertTrue(out.toString().contains("warning: the file mixes encodings: line 3 is windows-1252"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(Cli.OK, run("profile", p.toString(), "--json"));
        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertEquals(1, root.get("warnings").size());
        assertEquals(1, root.get("columns").get(0).get("distinct").asInt(), "both lines read as the same name");
    }

    @Test
    void malformedRowIsOneLineOnStderrAndExitTwo() throws Exception {
        Path bad = write("bad.csv", "a,b,c\n1,2,3\n4,5\n");
        assertEquals(Cli.BAD_INPUT, run("profile", bad.toString()));
        assertEquals("error: " + bad + ":3: column 'c': the row has 2 fields where the header has 3. "
                + "fix the row, or skip bad rows (--skip-bad-rows)", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void skipBadRowsListsThem() throws Exception {
        Path bad = write("bad.csv", "a,b,c\n1,2,3\n4,5\n");
        assertEquals(Cli.OK, run("profile", bad.toString(), "--skip-bad-rows"));
        assertTrue(out.toString().contains("1 malformed rows skipped:"), out.toString());
        assertTrue(out.toString().contains("  line 3: column 'c': the row has 2 fields"), out.toString());
    }

    @Test
    void optionsReachTheLoader() throws Exception {
        Path p = write("semi.txt", "1;2,5;x\n2;3,5;y\n");
        assertEquals(Cli.OK, run("profile", p.toString(), "--json", "--delimiter", ";", "--no-header",
                "--type", "column_1=TEXT", "--missing", "x"));
        JsonNode cols = new ObjectMapper().readTree(out.toString()).get("columns");
        assertEquals("TEXT", cols.get(0).get("kind").asText());
        assertEquals("DECIMAL", cols.get(1).get("kind").asText());
        assertEquals(3.0, cols.get(1).get("mean").asDouble(), 1e-12);
        assertEquals(1, cols.get(2).get("missing").asInt());
    }

    @Test
    void unknownTypeIsBadInput() throws Exception {
        assertEquals(Cli.BAD_INPUT, run("profile", sample().toString(), "--type", "age=NUMBER"));
        assertTrue(err.toString().startsWith("error: unknown type 'NUMBER' for column 'age'"), err.toString());
    }

    @Test
    void missingFileIsBadInput() {
        assertEquals(Cli.BAD_INPUT, run("profile", dir.resolve("none.csv").toString()));
        assertTrue(err.toString().contains("none.csv: no such file"), err.toString());
    }
}
