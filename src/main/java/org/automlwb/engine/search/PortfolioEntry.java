package org.automlwb.engine.search;

import java.util.Objects;
import org.automlwb.engine.space.Config;

/**
 * One configuration of a learned portfolio: an algorithm id and the values it is tried with.
 *
 * @param algorithm the algorithm's id ({@code lightgbm}, {@code xgboost}, ...)
 * @param config    its hyperparameter values
 */
public record PortfolioEntry(String algorithm, Config config) {
    public PortfolioEntry {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(config, "config");
    }
}
