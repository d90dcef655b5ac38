package org.automlwb.export.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;

/**
 * The SHA-256 of what a bundle's metadata says that decides predictions: task, classes, members with their
 * weights and file hashes, the stack's coefficients, the calibration, the target and input columns, and the hash
 * of the training profile that drift alerts compare with. The artifacts' hashes cannot cover these numbers, and one changed digit in a weight changes every probability without a word.
 * It is taken over the parsed values with keys sorted, not over the file's bytes, so indentation, key order and
 * fields for people (creation time, description, the model id that an export renames) may change freely.
 */
final class MetadataDigest {
    /** The field of the metadata document that holds the digest. */
    static final String FIELD = "metadata_sha256";

    /**
     * The top-level fields covered; anything else in the document changes neither what the model predicts nor its
     * drift alerts. The last is {@code MonitoringReference.SHA256_FIELD} of a trained model folder.
     */
    private static final List<String> COVERED = List.of("format", "kind", "task", "classes", "members", "stack",
            "calibration", "target", "input_columns", "training_profile_sha256");

    private MetadataDigest() { }

    /** The digest of a metadata document as parsed from its file (the field itself is ignored). */
    static String of(JsonNode doc) {
        Map<String, Object> covered = new LinkedHashMap<>();
        for (String field : COVERED) {
            if (doc.has(field)) covered.put(field, Json.MAPPER.convertValue(doc.get(field), Object.class));
        }
        try {
            // the mapper orders map keys, so nested objects compare by content whatever order the file has
            byte[] canonical = Json.MAPPER.writeValueAsString(covered).getBytes(StandardCharsets.UTF_8);
            return FileHashes.sha256(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot digest the model's metadata", e);
        }
    }

    /**
     * The digest of a document about to be written: taken over the document as it will read back, so numbers
     * written in a shorter form than the objects that held them compare equal when it is read.
     */
    static String ofWritten(Map<String, Object> doc) {
        try {
            return of(Json.MAPPER.readTree(Json.line(doc)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot digest the model's metadata", e);
        }
    }
}
