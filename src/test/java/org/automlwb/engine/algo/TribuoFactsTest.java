package org.automlwb.engine.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.ONNXExportable;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * The Tribuo 4.3.2 behaviour the catalogue's design rests on, measured: which models report probabilities
 * unless wrapped, and which export to ONNX. If an upgrade changes one of these, this test says so.
 */
class TribuoFactsTest {
    private static final long SEED = 7L;
    private static final MutableDataset<Label> BINARY =
            SyntheticData.generate(TaskType.BINARY, 200, true, false, SEED);

    @Test
    void theseModelsDoNotReportProbabilitiesOnTheirOwn() {
        new LibSvm(); // silences LIBSVM's console output for this test too
        assertFalse(new CARTClassificationTrainer(6).train(BINARY).generatesProbabilities(), "single CART");
        assertFalse(new KNNTrainer<>(5, DistanceType.L2.getDistance(), 1, new VotingCombiner(),
                KNNModel.Backend.THREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE).train(BINARY)
                .generatesProbabilities(), "KNN");
        assertFalse(new LibLinearClassificationTrainer(new LinearClassificationType(
                LinearClassificationType.LinearType.L2R_L2LOSS_SVC), 1.0, 1000, 0.01, SEED).train(BINARY)
                .generatesProbabilities(), "LIBLINEAR SVC");
        SVMParameters<Label> svm = new SVMParameters<>(
                new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
        assertFalse(new LibSVMClassificationTrainer(svm, SEED).train(BINARY).generatesProbabilities(),
                "LIBSVM without setProbability()");

        Model<Label> dummy = DummyClassifierTrainer.createMostFrequentTrainer().train(BINARY);
        assertFalse(dummy.generatesProbabilities(), "most-frequent dummy");
        assertTrue(dummy.predict(BINARY.getExample(0)).getOutputScores().isEmpty(), "dummy has no scores at all");
    }

    @Test
    void theBaselineGivesTheTrainingClassFrequencies() {
        Map<String, Double> frequency = new HashMap<>();
        for (var e : BINARY) frequency.merge(e.getOutput().getLabel(), 1.0 / BINARY.size(), Double::sum);
        @SuppressWarnings("unchecked")
        Trainer<Label> trainer = (Trainer<Label>) new ConstantBaseline().trainer(TaskType.BINARY, Config.empty(),
                SEED, 1);
        Model<Label> model = trainer.train(BINARY);
        assertTrue(model.generatesProbabilities());
        for (Prediction<Label> p : model.predict(BINARY)) {
            for (Map.Entry<String, Label> s : p.getOutputScores().entrySet()) {
                assertEquals(frequency.get(s.getKey()), s.getValue().getScore(), 1e-9);
            }
        }
    }

    @Test
    void onnxExportWorksForTheLinearFamilyOnly() {
        Set<String> exported = new TreeSet<>();
        for (Algorithm a : AlgorithmCatalogue.all()) {
            for (TaskType task : Set.of(TaskType.BINARY, TaskType.REGRESSION)) {
                if (!a.supports(task) || !(a instanceof TribuoAlgorithm t)) continue;
                MutableDataset<?> data = SyntheticData.generate(task, 200,
                        a.encoding() == FeatureEncoding.ONE_HOT_SCALED, false, SEED);
                Config config = a.portfolio(task, new DataShape(task, 200, SyntheticData.FEATURES,
                        task.isClassification() ? 2 : 0, true)).get(0);
                if (exports(train(t.trainer(task, config, SEED, 1), data))) exported.add(a.id() + "/" + task.key());
            }
        }
        assertEquals(new TreeSet<>(Set.of("elastic_net/regression", "lars_lasso/regression", "liblinear/binary",
                "liblinear/regression", "libsvm/binary", "libsvm/regression", "linear_sgd/binary",
                "linear_sgd/regression")), exported);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Model<?> train(Trainer<? extends Output<?>> trainer, MutableDataset<?> data) {
        return ((Trainer) trainer).train(data);
    }

    private static boolean exports(Model<?> model) {
        if (!(model instanceof ONNXExportable onnx)) return false;
        try {
            return onnx.exportONNXModel("org.automlwb.test", 1).getGraph().getNodeCount() > 0;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            // Ensembles implement the interface but refuse when a member cannot export.
            return false;
        }
    }
}
