package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The shaded jar keeps only the Hadoop classes that pom.xml's shade filter lists (19.6 MB of Hadoop would ship
 * otherwise). This proves the list is enough: a child JVM whose class path has the Hadoop jar replaced by exactly
 * those classes writes a Parquet file of every column type and reads it back.
 */
class ParquetHadoopFreeTest {
    private static final Pattern INCLUDE = Pattern.compile("<include>(org/apache/hadoop/[^<]+)</include>");

    /** The child: writes and reads every type, prints the row count and the first row's text. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Table t = Table.create("t", tech.tablesaw.api.IntColumn.create("a", new int[] {1, 2}),
                tech.tablesaw.api.LongColumn.create("b", new long[] {3, 4}),
                tech.tablesaw.api.DoubleColumn.create("c", new double[] {0.5, 1.5}),
                tech.tablesaw.api.BooleanColumn.create("d", new boolean[] {true, false}),
                tech.tablesaw.api.StringColumn.create("e", new String[] {"x", "y"}),
                tech.tablesaw.api.DateColumn.create("f", new java.time.LocalDate[] {java.time.LocalDate.of(2020, 1, 1),
                        null}),
                tech.tablesaw.api.DateTimeColumn.create("g", new java.time.LocalDateTime[] {null,
                        java.time.LocalDateTime.of(2020, 1, 1, 12, 0)}));
        try (TableFileWriter w = DataFormat.PARQUET.open(file, t)) {
            w.write(t);
        }
        Table back = ParquetLoader.load(file, ProgressListener.none(), CancelToken.none()).table();
        System.out.println("rows=" + back.rowCount() + " e=" + back.stringColumn("e").get(1)
                + " g=" + back.dateTimeColumn("g").get(1));
    }

    @Test
    void theHadoopClassesTheJarKeepsAreEnoughToWriteAndRead(@TempDir Path dir) throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        List<PathMatcher> kept = new ArrayList<>();
        Matcher m = INCLUDE.matcher(pom);
        while (m.find()) kept.add(FileSystems.getDefault().getPathMatcher("glob:" + m.group(1)));
        assertFalse(kept.isEmpty(), "pom.xml lists the Hadoop classes it keeps");
        List<String> classPath = new ArrayList<>();
        Path hadoopJar = null;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains("hadoop-client-api")) hadoopJar = Path.of(entry);
            else classPath.add(entry);
        }
        assertTrue(hadoopJar != null, "hadoop-client-api is on the test class path");
        Path classes = dir.resolve("hadoop-kept");
        int copied = 0;
        try (ZipFile zip = new ZipFile(hadoopJar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                if (e.isDirectory() || kept.stream().noneMatch(k -> k.matches(Path.of(e.getName())))) continue;
                Path to = classes.resolve(e.getName());
                Files.createDirectories(to.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, to);
                }
                copied++;
            }
        }
        assertTrue(copied >= kept.size(), "every listed pattern names a class: " + copied);
        classPath.add(classes.toString());
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, classPath), ParquetHadoopFreeTest.class.getName(),
                dir.resolve("t.parquet").toString()).redirectErrorStream(true);
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the child ends");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().collect(Collectors.toList()).contains("rows=2 e=y g=2020-01-01T12:00"), out);
    }
}
