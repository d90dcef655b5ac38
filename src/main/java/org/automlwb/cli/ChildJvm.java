package org.automlwb.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.Json;
import org.automlwb.engine.api.EngineKind;

/**
 * Runs {@code bench} for one data set in a fresh JVM, started as this one was (same java, class path and JVM
 * options), so that every data set's time and peak memory are measured from a clean start, as the peers' are.
 * Without a heap chosen by the user, the child gets the options a {@code run} gets ({@link JvmSizing}); it stops
 * by itself if this process dies ({@link Relaunch#watchParent}).
 */
final class ChildJvm {
    private ChildJvm() { }

    static Map<String, Object> bench(String name, BenchCommand b, Path modelsRoot, int cores, EngineKind engine)
            throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        // Sized as a run is (Relaunch), unless the user chose the heap; bench measures what users get.
        cmd.addAll(JvmSizing.optionsFor(JvmSizing.currentOptions(), JvmSizing.sizeOf(
                b.dataDir.resolve(name + ".train.csv"), b.dataDir.resolve(name + ".test.csv")),
                JvmSizing.physicalMemory()));
        cmd.add("-D" + Relaunch.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.automlwb.Main");
        cmd.addAll(List.of("bench", "--child", "--data-dir", b.dataDir.toString(), "--budget",
                b.budget.toMillis() + "ms", "--threads", String.valueOf(cores), "--seed", String.valueOf(b.seed),
                "--search", b.search, "--engine", engine.key(), "--models", modelsRoot.toString(), "--only", name,
                "--out",
                b.out.toString(), "--executor", b.where.executor));
        if (b.where.master != null) cmd.addAll(List.of("--master", b.where.master));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("{")) last = line;
        }
        try {
            int code = p.waitFor();
            if (last != null) {
                return Json.MAPPER.readValue(last, new TypeReference<LinkedHashMap<String, Object>>() { });
            }
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("tool", "automl-workbench");
            failed.put("dataset", name);
            failed.put("engine", engine.key());
            failed.put("error", "the benchmark process ended with exit code " + code + " and no result");
            return failed;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
