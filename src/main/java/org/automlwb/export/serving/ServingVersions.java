package org.automlwb.export.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.SafeNames;

/**
 * The versions of one served model, {@code deployment/model_serving/<model>/}: the folders {@code v1/, v2/, ...},
 * the {@value #CURRENT} file that names the promoted one, and the {@value #HISTORY} file of promotions and
 * rollbacks.
 *
 * <p>The shared contract with {@code serve}: {@value #CURRENT} is a one-line plain file holding a version folder's
 * name (e.g. {@code v2}), replaced atomically (a temporary file moved over it), never a symlink, so that Windows
 * works and a server can watch it. Without it, the highest version is the one served.
 *
 * <p>Promotions and rollbacks of one model are serialised through a lock file, so two at once cannot leave the
 * history and {@value #CURRENT} disagreeing.
 */
public final class ServingVersions {
    /** The file naming the promoted version. */
    public static final String CURRENT = "current";
    /** One JSON line per promotion or rollback, oldest first. */
    public static final String HISTORY = "history.jsonl";
    private static final String LOCK = ".promote.lock";
    private static final Pattern VERSION = Pattern.compile("v(\\d{1,9})");

    private final Path dir;

    /** The versions under {@code deployment/model_serving/<model>/}. */
    public ServingVersions(Path modelServingDir) {
        this.dir = modelServingDir;
    }

    /**
     * The versions of {@code name} under a deployment folder ({@code deployment/}). The name is made safe the way
     * {@code deploy} makes it ({@link SafeNames}), so {@code --name Churn} finds what {@code deploy --name Churn}
     * wrote, and no name reaches outside {@code model_serving/}.
     */
    public static ServingVersions of(Path deploymentRoot, String name) {
        return new ServingVersions(deploymentRoot.resolve(org.automlwb.export.Deployment.SERVING)
                .resolve(SafeNames.of(name, "model")));
    }

    /** The model's folder, {@code model_serving/<model>/}. */
    public Path dir() { return dir; }

    /** The model's name: its folder's. */
    public String name() { return dir.getFileName().toString(); }

    /** The version number of a folder name like {@code v12}, or -1 when it is not one. */
    public static int number(String version) {
        Matcher m = VERSION.matcher(version);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The complete version folders, lowest number first (temporary folders of a deployment under way are not). */
    public List<String> versions() throws BadInputException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> number(n) > 0)
                    .sorted(Comparator.comparingInt(ServingVersions::number)).toList();
        } catch (IOException e) {
            throw new BadInputException("cannot list the versions (" + e.getMessage() + ")", dir, 0, null,
                    "check the folder's permissions");
        }
    }

    /** The version the {@value #CURRENT} file names, if there is one. */
    public Optional<String> promoted() throws BadInputException {
        Path file = dir.resolve(CURRENT);
        if (!Files.isRegularFile(file)) return Optional.empty();
        String v;
        try {
            v = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new BadInputException("cannot read the promoted version (" + e.getMessage() + ")", file, 1, null,
                    "promote a version again: promote --name " + name() + " --version vN");
        }
        if (number(v) < 0 || !Files.isDirectory(dir.resolve(v))) {
            throw new BadInputException("names '" + v + "', which is not a version of " + name(), file, 1, null,
                    "promote an existing version: promote --name " + name() + " --version vN");
        }
        return Optional.of(v);
    }

    /** The version that is served: the promoted one, else the highest; empty when there is none. */
    public Optional<String> served() throws BadInputException {
        Optional<String> p = promoted();
        if (p.isPresent()) return p;
        List<String> all = versions();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** A promotion or rollback, as the history records it. */
    public enum Action {
        PROMOTE, ROLLBACK;

        String key() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * One line of the history.
     *
     * @param time     when
     * @param action   what
     * @param version  the version promoted by it
     * @param previous the version served before, or null
     */
    public record Change(String time, Action action, String version, String previous) { }

    /** The promotions and rollbacks, oldest first. */
    public List<Change> history() throws BadInputException {
        Path file = dir.resolve(HISTORY);
        if (!Files.isRegularFile(file)) return List.of();
        List<Change> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                try {
                    JsonNode n = Json.MAPPER.readTree(lines.get(i));
                    out.add(new Change(n.path("time").asText(), Action.valueOf(n.path("action").asText()
                            .toUpperCase(java.util.Locale.ROOT)), n.path("version").asText(),
                            n.hasNonNull("previous") ? n.get("previous").asText() : null));
                } catch (IOException | IllegalArgumentException bad) {
                    throw new BadInputException("not a history line (" + bad.getMessage() + ")", file, i + 1, null,
                            "remove the line; the history only serves rollback");
                }
            }
        } catch (IOException e) {
            throw new BadInputException("cannot read the history (" + e.getMessage() + ")", file, 0, null,
                    "check the file's permissions");
        }
        return out;
    }

    /**
     * The promoted versions, oldest first, as the history leaves them: a promotion adds one, a rollback takes the
     * last off. The last is the current one; the one before it is where a rollback goes.
     */
    List<String> promotionStack() throws BadInputException {
        List<String> stack = new ArrayList<>();
        for (Change c : history()) {
            if (c.action() == Action.PROMOTE) {
                stack.add(c.version());
            } else if (!stack.isEmpty()) {
                stack.remove(stack.size() - 1);
                // A rollback's target is on the stack already, unless the history started after it was promoted.
                if (stack.isEmpty() || !stack.get(stack.size() - 1).equals(c.version())) stack.add(c.version());
            }
        }
        return stack;
    }

    /**
     * Makes {@code version} the served one and records it.
     *
     * @return the version served before, or null
     * @throws BadInputException when there is no such version, or a file cannot be written
     */
    public String promote(String version) throws BadInputException {
        requireModel();
        if (number(version) < 0 || !Files.isDirectory(dir.resolve(version))) {
            throw new BadInputException("no version '" + version + "' of " + name(), dir, 0, null,
                    "use one of " + versions() + " (see: deployments)");
        }
        return locked(() -> change(Action.PROMOTE, version));
    }

    /**
     * Serves the version promoted before the current one again.
     *
     * @return the version now served
     * @throws BadInputException when nothing was promoted before the current version
     */
    public String rollback() throws BadInputException {
        requireModel();
        return locked(() -> {
            List<String> stack = promotionStack();
            if (stack.size() < 2) {
                throw new BadInputException("there is no earlier promoted version of " + name() + " to roll back to",
                        dir.resolve(HISTORY), 0, null, "promote a version instead: promote --name " + name()
                                + " --version vN");
            }
            String target = stack.get(stack.size() - 2);
            if (!Files.isDirectory(dir.resolve(target))) {
                throw new BadInputException("the previously promoted version " + target + " is gone", dir, 0, null,
                        "promote a version instead: promote --name " + name() + " --version vN");
            }
            change(Action.ROLLBACK, target);
            return target;
        });
    }

    private void requireModel() throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("no deployed model '" + name() + "'", dir.getParent(), 0, null,
                    "see the names the deployments command lists, or give --deployment DIR");
        }
    }

    /** Writes {@value #CURRENT} atomically, then the history; puts {@value #CURRENT} back if the history fails. */
    private String change(Action action, String version) throws BadInputException {
        String before = served().orElse(null);
        Path current = dir.resolve(CURRENT);
        String oldCurrent = promoted().orElse(null);
        AtomicFiles.writeString(current, version + "\n");
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", OffsetDateTime.now().toString());
        line.put("action", action.key());
        line.put("version", version);
        line.put("previous", before);
        Path history = dir.resolve(HISTORY);
        try {
            Files.writeString(history, Json.line(line) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            if (oldCurrent == null) AtomicFiles.deleteQuietly(current);
            else AtomicFiles.writeString(current, oldCurrent + "\n");
            throw AtomicFiles.cannotWrite(history, e);
        }
        MonitoringFollow.follow(this, version);
        return before;
    }

    @FunctionalInterface
    private interface Locked<T> {
        T run() throws BadInputException;
    }

    private <T> T locked(Locked<T> body) throws BadInputException {
        Path lock = dir.resolve(LOCK);
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return body.run();
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(lock, e);
        }
    }
}
