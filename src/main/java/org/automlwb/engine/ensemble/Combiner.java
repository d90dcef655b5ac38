package org.automlwb.engine.ensemble;

import java.util.List;
import org.automlwb.engine.Predictions;

/**
 * A fitted way of turning several models' predictions of the same rows into one prediction of each row: a
 * weighted average, a stack, or the choice of one member.
 */
@FunctionalInterface
public interface Combiner {
    /**
     * @param members each member model's predictions of the same rows, in the order the combiner was fitted
     *                with (a combiner may accept null for a member it does not use)
     * @return one prediction per row
     */
    Predictions combine(List<Predictions> members);
}
