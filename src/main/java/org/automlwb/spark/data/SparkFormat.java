package org.automlwb.spark.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/** The two formats a large location is read in, told from its name or, for a local folder, from its files. */
enum SparkFormat {
    PARQUET("parquet"),
    CSV("csv");

    private final String key;

    SparkFormat(String key) {
        this.key = key;
    }

    /** {@code parquet} or {@code csv}, as recorded in config.json. */
    String key() { return key; }

    /**
     * The format of a location: by its extension ({@code .parquet .parq .pq}, {@code .csv .csv.gz .txt}); a local
     * folder by the first data file in it; anything else (a remote folder, a glob without an extension) as
     * Parquet, which is what Spark and Hive write unless told otherwise.
     */
    static SparkFormat of(String location) {
        String name = location.toLowerCase(Locale.ROOT);
        if (name.endsWith("/")) name = name.substring(0, name.length() - 1);
        if (name.endsWith(".parquet") || name.endsWith(".parq") || name.endsWith(".pq")) return PARQUET;
        if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".txt")) return CSV;
        try {
            Path folder = Path.of(location.startsWith("file://") ? location.substring(7) : location);
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder, 3)) {
                    return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()
                                    .toLowerCase(Locale.ROOT))
                            .filter(f -> !f.startsWith(".") && !f.startsWith("_"))
                            .map(f -> f.contains(".csv") || f.endsWith(".txt") ? CSV : PARQUET)
                            .findFirst().orElse(PARQUET);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not a readable local folder: Spark says what is wrong with it when it reads.
        }
        return PARQUET;
    }
}
