package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.model.ModelBundle;

/**
 * The one writer of model bundles: every member's artifact (by its format's {@link ModelCodec}) and fitted
 * pipeline, a single Tribuo model's ONNX export where Tribuo can make one, and the metadata file that ties them
 * together with each file's SHA-256 and the digest of its own values ({@link MetadataDigest}). Used for experiment folders and trained model folders alike
 * ({@link BundleLayout}). Every file is written under a temporary name and moved into place.
 */
public final class BundleWriter {
    /** The version of the metadata documents this writer makes. */
    public static final int FORMAT = 2;

    private BundleWriter() { }

    /**
     * Writes the bundle into {@code dir}.
     *
     * @param extra fields of the metadata document that come before the bundle's own (model id, target, ...)
     * @return the metadata document as written
     * @throws BadInputException when a file cannot be written (disk full, no permission)
     */
    public static Map<String, Object> write(ModelBundle bundle, Path dir, BundleLayout layout,
                                            Map<String, Object> extra) throws BadInputException {
        List<ModelBundle.Member> members = bundle.members();
        List<Map<String, Object>> described = new ArrayList<>();
        boolean onnx = false;
        for (int i = 0; i < members.size(); i++) {
            int n = i + 1;
            SingleModel m = members.get(i).model();
            ModelFormat format = m.model().format();
            String path = layout.memberPath(n, members.size());
            Path where = dir.resolve(path).normalize();
            mkdirs(where);
            Path artifact = where.resolve(layout.artifact(n, members.size(), format));
            Path pipeline = where.resolve(layout.pipeline(n, members.size()));
            ModelCodec codec = ModelCodecs.of(format);
            AtomicFiles.write(artifact, tmp -> codec.write(m.model(), tmp));
            AtomicFiles.writeString(pipeline, m.features().toJson());
            // ONNX for a single model only: an ensemble's members would need combining outside ONNX
            if (members.size() == 1 && format == ModelFormat.TRIBUO) onnx = OnnxExport.tryWrite(m, where);
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("path", path);
            member.put("artifact", artifact.getFileName().toString());
            member.put("artifact_format", format.key());
            member.put("pipeline", pipeline.getFileName().toString());
            member.put("algorithm", m.algorithmId());
            member.put("hyperparameters", m.config().values());
            member.put("weight", members.get(i).weight());
            member.put("features", m.features().featureNames().size());
            member.put("sha256", Map.of("artifact", FileHashes.sha256(artifact),
                    "pipeline", FileHashes.sha256(pipeline)));
            member.put("provenance", m.model().provenance());
            described.add(member);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.putAll(extra);
        doc.put("kind", bundle.kind().key());
        doc.put("description", bundle.describe());
        doc.put("task", bundle.task().key());
        doc.put("classes", bundle.classNames());
        doc.put("members", described);
        if (bundle.stack() != null) doc.put("stack", bundle.stack());
        if (bundle.calibration().kind() != Calibration.Kind.IDENTITY) doc.put("calibration", bundle.calibration());
        if (onnx) doc.put("onnx", OnnxExport.MODEL_FILE);
        doc.put(MetadataDigest.FIELD, MetadataDigest.ofWritten(doc));
        AtomicFiles.writeString(dir.resolve(layout.metadataFile()), Json.pretty(doc));
        return doc;
    }

    private static void mkdirs(Path dir) throws BadInputException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        }
    }
}
