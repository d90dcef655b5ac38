package org.automlwb.engine.algo;

import java.util.List;
import java.util.Optional;

/** Every algorithm the product knows, in a fixed order (cheap first). */
public final class AlgorithmCatalogue {
    private AlgorithmCatalogue() { }

    /** All algorithms. (Filled in by the algorithm catalogue work.) */
    public static List<Algorithm> all() {
        return List.of();
    }

    public static Optional<Algorithm> byId(String id) {
        return all().stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
