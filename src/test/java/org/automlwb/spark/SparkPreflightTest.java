package org.automlwb.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;

/** The checks before a Spark run: each bad input is one line that says what to do. */
class SparkPreflightTest {

    @Test
    void masterUrlsOfEveryKindParse() throws BadInputException {
        assertEquals(SparkMaster.Kind.LOCAL, SparkMaster.parse("local").kind());
        assertEquals(SparkMaster.Kind.LOCAL, SparkMaster.parse("local[2]").kind());
        assertEquals(SparkMaster.Kind.LOCAL, SparkMaster.parse("local[*]").kind());
        assertEquals(SparkMaster.Kind.LOCAL, SparkMaster.parse("local[4,3]").kind());
        assertEquals(SparkMaster.Kind.YARN, SparkMaster.parse("yarn").kind());
        assertEquals(SparkMaster.Kind.KUBERNETES, SparkMaster.parse("k8s://https://10.0.0.1:6443").kind());
        SparkMaster ha = SparkMaster.parse("spark://m1.example.org:7077,m2.example.org:7078");
        assertEquals(SparkMaster.Kind.STANDALONE, ha.kind());
        assertEquals(2, ha.hosts().size());
        assertEquals("m2.example.org", ha.hosts().get(1).getHostString());
        assertEquals(7078, ha.hosts().get(1).getPort());
        assertEquals("::1", SparkMaster.parse("spark://[::1]:7077").hosts().get(0).getHostString());
    }

    @Test
    void aUrlThatIsNoSparkMasterIsOneLineNamingTheForms() {
        for (String bad : new String[] {"http://host:7077", "spark://host", "spark://host:0", "spark://host:99999",
                "local[0]", "local[two]", "lokal[2]", "spark://:7077", "spark://a:7077,", ""}) {
            BadInputException e = assertThrows(BadInputException.class, () -> SparkMaster.parse(bad), bad);
            assertTrue(e.oneLine().contains("--master"), e.oneLine());
            assertTrue(!e.oneLine().contains("\n") && e.hint() != null && !e.hint().isBlank(), e.oneLine());
        }
        assertTrue(assertThrows(BadInputException.class, () -> SparkMaster.parse("mesos://h:5050")).oneLine()
                .contains("spark://host:7077"));
    }

    @Test
    void aMasterNobodyListensOnIsUnreachableInOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SparkMaster closed = SparkMaster.parse("spark://127.0.0.1:" + port);
        BadInputException e = assertThrows(BadInputException.class,
                () -> SparkPreflight.checkReachable(closed, Duration.ofSeconds(2)));
        assertTrue(e.oneLine().startsWith("the Spark master spark://127.0.0.1:" + port + " is not reachable"), e.oneLine());

        SparkMaster unknown = SparkMaster.parse("spark://no-such-host.invalid:7077");
        assertTrue(assertThrows(BadInputException.class, () -> SparkPreflight.checkReachable(unknown, Duration.ofSeconds(2)))
                .oneLine().contains("unknown host no-such-host.invalid"));

        try (ServerSocket open = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertDoesNotThrow(() -> SparkPreflight.checkReachable(
                    SparkMaster.parse("spark://127.0.0.1:" + open.getLocalPort()), Duration.ofSeconds(2)));
        }
        assertDoesNotThrow(() -> SparkPreflight.checkReachable(SparkMaster.parse("local[2]"), Duration.ofSeconds(2)));
    }

    @Test
    void theSparkOnTheClasspathIsTheOneTheProductIsBuiltFor() {
        assertDoesNotThrow(() -> SparkPreflight.checkVersions(SparkVersions.spark(), SparkVersions.scala()));
        assertTrue(SparkVersions.spark().startsWith("4.2."), SparkVersions.spark());
        assertTrue(SparkVersions.scala().startsWith("2.13."), SparkVersions.scala());
    }

    @Test
    void anotherSparkOrScalaLineIsRefusedInOneLine() {
        BadInputException spark35 = assertThrows(BadInputException.class,
                () -> SparkPreflight.checkVersions("3.5.3", "2.13.14"));
        assertTrue(spark35.oneLine().contains("Spark 3.5.3") && spark35.oneLine().contains("built for Spark 4.2.x"),
                spark35.oneLine());
        assertThrows(BadInputException.class, () -> SparkPreflight.checkVersions("4.2.1", "2.12.18"));
        assertThrows(BadInputException.class, () -> SparkPreflight.checkVersions("4.20.0", "2.13.18"));
        assertDoesNotThrow(() -> SparkPreflight.checkVersions("4.2.3", "2.13.16"));
    }

    @Test
    void executorsWithoutTheHeapOfOneTrialAreToldToRaiseSparkExecutorMemory() {
        long rows = 20L << 20; // 20 MB of packed rows
        long fold = 200L << 20;
        long need = SparkPreflight.executorHeapNeed(rows, fold);
        assertTrue(need > 2 * fold, "a fold and its copy, and Spark's own share");
        BadInputException e = assertThrows(BadInputException.class,
                () -> SparkPreflight.checkExecutorMemory(512L << 20, rows, fold));
        assertTrue(e.oneLine().startsWith("Spark executors have 512 MB of heap (spark.executor.memory)"), e.oneLine());
        assertTrue(e.oneLine().contains("raise spark.executor.memory to at least 1024m"), e.oneLine());
        assertDoesNotThrow(() -> SparkPreflight.checkExecutorMemory(need, rows, fold));
        assertDoesNotThrow(() -> SparkPreflight.checkExecutorMemory(512L << 20, 100_000, 1_000_000));
    }
}
