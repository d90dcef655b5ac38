package org.automlwb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.junit.jupiter.api.Test;
import scala.Function1;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The test cluster is a real one: a job from this JVM runs on both workers' executor JVMs, and our own classes
 * (main and test) load there from the application jar the driver ships, as they would under spark-submit.
 */
class SparkClusterTest {

    /** What one executor saw: which executor it was, and where it loaded our classes from. */
    record Seen(String executorId, String mainClassSource, String testClassSource, String defaultMetric)
            implements Serializable {}

    @Test
    void aJobRunsOnBothWorkersAndLoadsOurClassesFromTheApplicationJar() {
        SparkCluster cluster = SparkCluster.shared();
        assertEquals(SparkCluster.WORKERS, cluster.aliveWorkers());
        SparkConf conf = new SparkConf(false).setMaster(cluster.masterUrl()).setAppName("SparkClusterTest");
        cluster.driverConf().forEach(conf::set);
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            // A barrier stage starts all its tasks at once or not at all: with two one-core executors, one task
            // runs on each, so both workers are proven to run our code (a plain stage may put both on one).
            awaitExecutors(sc, SparkCluster.WORKERS);
            ClassTag<Seen> seenTag = ClassTag$.MODULE$.apply(Seen.class);
            Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<Seen>> probe =
                    (Function1<scala.collection.Iterator<Integer>, scala.collection.Iterator<Seen>> & Serializable)
                            it -> CollectionConverters.asScala(probe(CollectionConverters.asJava(it)));
            List<Seen> seen = JavaRDD.fromRDD(
                    sc.parallelize(List.of(0, 1), 2).rdd().barrier().mapPartitions(probe, false, seenTag), seenTag)
                    .collect();

            assertEquals(2, seen.size());
            Set<String> executors = new TreeSet<>();
            for (Seen s : seen) {
                executors.add(s.executorId());
                assertNotEquals("driver", s.executorId());
                assertTrue(s.mainClassSource().endsWith("automlwb-app.jar"), s.mainClassSource());
                assertTrue(s.testClassSource().endsWith("automlwb-app.jar"), s.testClassSource());
                assertEquals(Metric.defaultFor(TaskType.BINARY).name(), s.defaultMetric());
            }
            assertEquals(2, executors.size(), "one task on each executor: " + seen);
        }
    }

    /** Waits (bounded) until {@code n} executors have registered with the driver: a barrier stage needs them all. */
    static void awaitExecutors(JavaSparkContext sc, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        // getExecutorInfos lists the driver too
        while (sc.statusTracker().getExecutorInfos().length < n + 1) {
            if (System.nanoTime() > deadline) throw new IllegalStateException(n + " executors did not register in 120 s");
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static Iterator<Seen> probe(Iterator<Integer> partition) {
        // Loaded by name through the task's context loader, as the engine's algorithm look-up would be.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> mainClass;
        try {
            mainClass = Class.forName("org.automlwb.engine.Metric", true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("our classes are not on the executor " + SparkEnv.get().executorId(), e);
        }
        List<Seen> out = new ArrayList<>();
        partition.forEachRemaining(i -> out.add(new Seen(SparkEnv.get().executorId(),
                mainClass.getProtectionDomain().getCodeSource().getLocation().getPath(),
                SparkClusterTest.class.getProtectionDomain().getCodeSource().getLocation().getPath(),
                Metric.defaultFor(TaskType.BINARY).name())));
        return out.iterator();
    }
}
