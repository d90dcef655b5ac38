package org.automlwb.serve;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the server answers with an error: which {@link Kind}, in plain words what is wrong, and where (the
 * field and the record or line) when that is known. Thrown inside a handler, answered as JSON by the server.
 */
final class ApiError extends Exception {
    /** The kinds of error, each with its HTTP status and the code clients see in {@code error}. */
    enum Kind {
        EMPTY_BODY(400, "empty_body"),
        BODY_TOO_LARGE(400, "body_too_large"),
        MALFORMED_JSON(400, "malformed_json"),
        MALFORMED_CSV(400, "malformed_csv"),
        MISSING_COLUMN(400, "missing_column"),
        BAD_VALUE(400, "bad_value"),
        NO_ROWS(400, "no_rows"),
        UNSUPPORTED_CONTENT_TYPE(415, "unsupported_content_type"),
        NOT_FOUND(404, "not_found"),
        /** A version folder on disk that does not load (a server-side problem, not the request's). */
        VERSION_UNAVAILABLE(503, "version_unavailable"),
        /** A request that arrived while the server stops: the ones already running are answered first. */
        STOPPING(503, "stopping"),
        INTERNAL(500, "internal_error");

        final int status;
        final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    private final Kind kind;
    private final String field;
    private final long record;
    private final String hint;
    private final String rowWord;

    /**
     * @param kind    which error
     * @param message what is wrong, in plain words
     * @param field   the field (column) concerned, or null
     * @param record  the 1-based record (JSON) or line (CSV) concerned, or 0
     * @param hint    what to do about it, or null
     */
    ApiError(Kind kind, String message, String field, long record, String hint) {
        this(kind, message, field, record, hint, "record");
    }

    /** As above; {@code rowWord} names the row in the answer: {@code record} (JSON) or {@code line} (CSV). */
    ApiError(Kind kind, String message, String field, long record, String hint, String rowWord) {
        super(message, null, false, false); // answered, never logged with a stack trace
        this.kind = kind;
        this.field = field;
        this.record = record;
        this.hint = hint;
        this.rowWord = rowWord;
    }

    Kind kind() { return kind; }

    /** The JSON body of the answer. */
    Map<String, Object> body() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", kind.code);
        m.put("message", getMessage());
        if (field != null) m.put("field", field);
        if (record > 0) m.put(rowWord, record);
        if (hint != null) m.put("hint", hint);
        return m;
    }
}
