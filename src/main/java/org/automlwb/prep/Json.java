package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.automlwb.common.BadInputException;

/** The one JSON mapper for recipes; doubles are written in shortest round-trip form, so reloading is exact. */
final class Json {
    /** The format version written; files with a higher version are refused. */
    static final int VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() { }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write recipe JSON", e);
        }
    }

    static <T> T read(String json, Class<T> type, String what) throws BadInputException {
        if (json == null || json.isBlank()) throw new BadInputException("the " + what + " is empty", null);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new BadInputException("the " + what + " is not valid: " + e.getOriginalMessage(), null,
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    "fix the JSON or write it again from the application");
        }
    }

    static void checkVersion(Integer version, String what) throws BadInputException {
        if (version == null || version < 1 || version > VERSION) {
            throw new BadInputException("the " + what + " has format version " + version + ", this program reads 1 to "
                    + VERSION, "use a newer version of AutoML Workbench");
        }
    }
}
