package org.automlwb.export.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a version folder needs to be served on its own: the start scripts {@value #SERVE_SH} (Linux, macOS) and
 * {@value #SERVE_CMD} (Windows), which run this product's {@code serve} command on the folder, and a
 * {@value #DOCKERFILE} ({@code eclipse-temurin:17-jre}, the product's jar and the version's files, port 8080).
 *
 * <p>The scripts find the product's jar in {@code AUTOML_WORKBENCH_JAR}, else beside themselves, else in
 * {@code /app} (the Docker image); an installed {@code automl-workbench} launcher on the PATH also works. The
 * jar is not copied into every version: it is 100 MB and the same for all of them.
 */
public final class ServingKit {
    /** The start script for Linux and macOS. */
    public static final String SERVE_SH = "serve";
    /** The start script for Windows. */
    public static final String SERVE_CMD = "serve.cmd";
    /** The container recipe. */
    public static final String DOCKERFILE = "Dockerfile";
    /** The product's jar, as the build names it. */
    public static final String JAR = "automl-workbench.jar";
    /** The port the container serves on. */
    public static final int PORT = 8080;

    private ServingKit() { }

    /**
     * Writes the scripts and the Dockerfile into a version folder that already holds the model's files (the
     * Dockerfile copies exactly those).
     */
    public static void writeInto(Path versionDir, String model) throws IOException {
        Path sh = versionDir.resolve(SERVE_SH);
        Files.writeString(sh, shellScript(model));
        try {
            Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: serve.cmd is the script there, and sh does not need the bit when called as "sh serve".
        }
        // Windows's cmd.exe reads CRLF line ends reliably; a LF-only batch file can misparse labels and blocks.
        Files.writeString(versionDir.resolve(SERVE_CMD), cmdScript(model).replace("\n", "\r\n"));
        List<String> files;
        try (Stream<Path> s = Files.list(versionDir)) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        Files.writeString(versionDir.resolve(DOCKERFILE), dockerfile(model, files));
    }

    static String shellScript(String model) {
        return """
                #!/bin/sh
                # Serves this version of the model '%1$s' over HTTP (POST /predict, GET /health /model /metrics).
                # Usage: ./serve [--port 8080] [--host 127.0.0.1]
                # The product's jar: $AUTOML_WORKBENCH_JAR, else %2$s beside this script, else /app/%2$s;
                # an installed automl-workbench launcher on the PATH is used when there is no jar.
                set -eu
                here=$(cd "$(dirname "$0")" && pwd)
                jar=${AUTOML_WORKBENCH_JAR:-}
                if [ -z "$jar" ] && [ -f "$here/%2$s" ]; then jar="$here/%2$s"; fi
                if [ -z "$jar" ] && [ -f "/app/%2$s" ]; then jar="/app/%2$s"; fi
                if [ -n "$jar" ]; then
                  exec java ${JAVA_OPTS:-} -jar "$jar" serve --model "$here" "$@"
                elif command -v automl-workbench >/dev/null 2>&1; then
                  exec automl-workbench serve --model "$here" "$@"
                else
                  echo "error: AutoML Workbench not found: set AUTOML_WORKBENCH_JAR to the path of %2$s" >&2
                  exit 2
                fi
                """.formatted(model, JAR);
    }

    static String cmdScript(String model) {
        return """
                @echo off
                rem Serves this version of the model '%1$s' over HTTP (POST /predict, GET /health /model /metrics).
                rem Usage: serve.cmd [--port 8080] [--host 127.0.0.1]
                rem The product's jar: %%AUTOML_WORKBENCH_JAR%%, else %2$s beside this script.
                setlocal
                set "HERE=%%~dp0"
                set "HERE=%%HERE:~0,-1%%"
                if "%%AUTOML_WORKBENCH_JAR%%"=="" set "AUTOML_WORKBENCH_JAR=%%HERE%%\\%2$s"
                if not exist "%%AUTOML_WORKBENCH_JAR%%" (
                  echo error: AutoML Workbench not found: set AUTOML_WORKBENCH_JAR to the path of %2$s 1>&2
                  exit /b 2
                )
                java %%JAVA_OPTS%% -jar "%%AUTOML_WORKBENCH_JAR%%" serve --model "%%HERE%%" %%*
                exit /b %%ERRORLEVEL%%
                """.formatted(model, JAR);
    }

    static String dockerfile(String model, List<String> files) {
        StringBuilder copies = new StringBuilder();
        for (String f : files) {
            // Only the model's own files: not a jar someone put here to build, nor the scripts for a host.
            if (f.equals(JAR) || f.equals(DOCKERFILE) || f.equals(SERVE_CMD) || f.startsWith(".")) continue;
            copies.append("COPY [\"").append(f).append("\", \"/app/model/").append(f).append("\"]\n");
        }
        return """
                # One version of the model '%1$s', served on port %3$d.
                # Build from this folder, with the product's jar copied next to this file:
                #   cp target/%4$s . && docker build -t %5$s:$(basename "$PWD") .
                #   docker run -p %3$d:%3$d %5$s:v1
                FROM eclipse-temurin:17-jre
                COPY ["%4$s", "/app/%4$s"]
                %6$s# One command for every step of a pipeline too: automl-workbench <command> ...
                RUN printf '#!/bin/sh\\nexec java $JAVA_OPTS -jar /app/%4$s "$@"\\n' > /usr/local/bin/automl-workbench \\
                 && chmod 755 /usr/local/bin/automl-workbench /app/model/serve
                ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
                EXPOSE %3$d
                CMD ["automl-workbench", "serve", "--model", "/app/model", "--host", "0.0.0.0", "--port", "%3$d"]
                """.formatted(model, "", PORT, JAR, dockerTag(model), copies);
    }

    /** A Docker image name: lower case, letters, digits and {@code . _ -} only. */
    static String dockerTag(String model) {
        String t = model.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[^a-z0-9]+", "");
        return t.isEmpty() ? "model" : t;
    }
}
