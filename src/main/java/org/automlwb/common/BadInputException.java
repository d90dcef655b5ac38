package org.automlwb.common;

import java.nio.file.Path;

/**
 * A problem with what the user gave us (a file, a column name, a setting), as opposed to a bug.
 *
 * <p>The command line turns it into exit code 2 and prints {@link #oneLine()}; the desktop app shows
 * it in a dialog. It always says where (file, line, column when known) and what to do.
 */
public class BadInputException extends Exception {
    private final transient Path file;
    private final long line;
    private final String column;
    private final String hint;

    /**
     * @param message what is wrong, in plain words
     * @param file    the file concerned, or null
     * @param line    1-based physical line number in the file, or 0 when not known
     * @param column  the column name or 1-based column number, or null
     * @param hint    what the user can do about it, or null
     */
    public BadInputException(String message, Path file, long line, String column, String hint) {
        super(message);
        this.file = file;
        this.line = line;
        this.column = column;
        this.hint = hint;
    }

    /** A problem that concerns no particular file. */
    public BadInputException(String message, String hint) {
        this(message, null, 0, null, hint);
    }

    public Path file() { return file; }
    public long line() { return line; }
    public String column() { return column; }
    public String hint() { return hint; }

    /** The single line shown to the user: {@code file:line: column 'x': message. hint}. */
    public String oneLine() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) sb.append(':').append(line);
            sb.append(": ");
        }
        if (column != null) sb.append("column '").append(column).append("': ");
        sb.append(getMessage());
        if (hint != null && !hint.isBlank()) sb.append(". ").append(hint);
        return sb.toString().replace('\n', ' ');
    }
}
