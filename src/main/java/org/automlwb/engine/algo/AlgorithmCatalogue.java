package org.automlwb.engine.algo;

import java.util.List;
import java.util.Optional;

/**
 * Every algorithm the product knows, in a fixed order (cheap first). The catalogue is immutable and its
 * algorithms are stateless, so it is shared freely between threads.
 */
public final class AlgorithmCatalogue {
    private static final List<Algorithm> ALL = List.of(
            new ConstantBaseline(),
            new NaiveBayes(),
            new LibLinear(),
            new ElasticNet(),
            new LarsLasso(),
            new LinearSgd(),
            new Cart(),
            new Knn(),
            new LibSvm(),
            new LightGbm(),
            new XgBoost(),
            Forest.randomForest(),
            Forest.extraTrees());

    private AlgorithmCatalogue() { }

    /** All algorithms, cheapest first; filter with {@link Algorithm#appliesTo} for a given data set. */
    public static List<Algorithm> all() {
        return ALL;
    }

    public static Optional<Algorithm> byId(String id) {
        return all().stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
