package org.automlwb.engine.algo;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.ensemble.WeightedEnsembleModel;
import org.tribuo.provenance.EnsembleModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Makes a classifier whose predictions already carry a class distribution, but whose model is not flagged as
 * probabilistic, usable with AUC and log loss.
 *
 * <p>Tribuo 4.3.2's single CART tree ({@code TreeModel}) and KNN model put normalised leaf counts or neighbour
 * vote fractions into every prediction yet construct their models with {@code generatesProbabilities=false}, so
 * {@code AUCROC} refuses them. This trainer returns the trained model as the only member of a
 * {@link WeightedEnsembleModel} with a {@link FullyWeightedVotingCombiner}: an ensemble always reports
 * probabilities, and averaging one member's scores returns them unchanged. Both classes are Tribuo's own, so
 * the result round-trips through Tribuo's protobuf format with no custom code on the loading side.
 */
public final class ProbabilityWrappingTrainer implements Trainer<Label> {
    private final Trainer<Label> inner;

    /** @param inner a trainer whose predictions hold a class distribution in {@code getOutputScores()} */
    public ProbabilityWrappingTrainer(Trainer<Label> inner) {
        this.inner = inner;
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        Model<Label> member = inner.train(examples, runProvenance, invocationCount);
        List<Model<Label>> members = List.of(member);
        EnsembleModelProvenance provenance = new EnsembleModelProvenance(WeightedEnsembleModel.class.getName(),
                OffsetDateTime.now(), examples.getProvenance(), inner.getProvenance(), runProvenance,
                ListProvenance.createListProvenance(members));
        return new WeightedEnsembleModel<>(member.getName(), provenance, member.getFeatureIDMap(),
                member.getOutputIDInfo(), members, new FullyWeightedVotingCombiner());
    }

    @Override
    public int getInvocationCount() {
        return inner.getInvocationCount();
    }

    @Override
    public void setInvocationCount(int invocationCount) {
        inner.setInvocationCount(invocationCount);
    }

    /** The wrapped trainer's provenance: the wrapper adds nothing that changes what is learned. */
    @Override
    public TrainerProvenance getProvenance() {
        return inner.getProvenance();
    }

    @Override
    public String toString() {
        return "ProbabilityWrappingTrainer(" + inner + ")";
    }
}
