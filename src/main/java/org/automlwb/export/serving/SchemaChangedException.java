package org.automlwb.export.serving;

import java.nio.file.Path;
import java.util.List;
import org.automlwb.common.BadInputException;

/**
 * A new version whose input columns a client of the served version could not send as before: refused at deploy
 * time. Besides its one line, it carries one line per differing column and both schemas, for the command line to
 * print under it.
 */
public final class SchemaChangedException extends BadInputException {
    private final List<String> differences;
    private final String servedVersion;
    private final InputSchema served;
    private final InputSchema candidate;

    /**
     * @param modelDir      the served model's folder
     * @param servedVersion the version served now
     * @param served        its schema
     * @param candidate     the new version's schema
     * @param differences   one line per differing column
     */
    public SchemaChangedException(Path modelDir, String servedVersion, InputSchema served, InputSchema candidate,
                                  List<String> differences) {
        super("refused: the new version's input columns differ from those of " + servedVersion + ", which is served ("
                + differences.size() + (differences.size() == 1 ? " column" : " columns") + ")", modelDir, 0, null,
                "deploy it under another --name, or pass --allow-schema-change once clients send the new types");
        this.differences = List.copyOf(differences);
        this.servedVersion = servedVersion;
        this.served = served;
        this.candidate = candidate;
    }

    /** One line per differing column. */
    public List<String> differences() { return differences; }

    /** The lines shown under the one-line message: the differences, then both schemas. */
    public List<String> details() {
        List<String> out = new java.util.ArrayList<>();
        for (String d : differences) out.add("  " + d);
        out.add("  served (" + servedVersion + "): " + served.describe());
        out.add("  new: " + candidate.describe());
        return out;
    }
}
