package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AshaPrunerTest {
    @Test
    void keepsTheBestThirdAndPrunesTheRest() {
        AshaPruner p = new AshaPruner();
        assertTrue(p.report(1, 0, 0.5), "fewer than eta losses: never pruned");
        assertTrue(p.report(2, 0, 0.9), "fewer than eta losses: never pruned");
        assertFalse(p.report(3, 0, 0.7), "3rd of 3 is not in the best third");
        assertTrue(p.report(4, 0, 0.1), "the best is never pruned");
        assertFalse(p.report(5, 0, 0.6), "rank 3 of 5, best floor(5/3)=1 kept");
        assertTrue(p.report(6, 0, 0.3), "rank 2 of 6, best 2 kept");
        assertEquals(6, p.recorded(0));
        assertEquals(0, p.recorded(1));
    }

    @Test
    void comparesOnlyAgainstTrialsWithSmallerIds() {
        AshaPruner p = new AshaPruner(3);
        // Trials 5..9 finish first with good losses; trial 2 must not be judged against them.
        for (int id = 5; id <= 9; id++) p.report(id, 0, 0.01 * id);
        assertTrue(p.report(2, 0, 0.9), "only trial 2 itself precedes it");
        assertTrue(p.report(1, 0, 0.95));
        assertFalse(p.report(3, 0, 0.99), "now 1, 2, 3 are compared and 3 is the worst");
    }

    @Test
    void rungsAreIndependentAndNaNIsWorst() {
        AshaPruner p = new AshaPruner(2);
        p.report(1, 0, 0.1);
        assertFalse(p.report(2, 0, Double.NaN));
        assertTrue(p.report(2, 1, 0.5), "a different rung starts empty");
        assertTrue(p.report(3, 1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new AshaPruner(1));
    }

    @Test
    void tiesAreKept() {
        AshaPruner p = new AshaPruner();
        p.report(1, 0, 0.5);
        p.report(2, 0, 0.5);
        assertTrue(p.report(3, 0, 0.5));
    }

    @Test
    void threadSafeUnderConcurrentReports() throws Exception {
        AshaPruner p = new AshaPruner();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> kept = new ArrayList<>();
            for (int id = 1; id <= 400; id++) {
                int trial = id;
                kept.add(pool.submit(() -> p.report(trial, 0, (trial * 7919) % 400 / 400.0)));
            }
            for (Future<Boolean> f : kept) f.get();
        } finally {
            pool.shutdown();
        }
        assertEquals(400, p.recorded(0));
        // With every smaller id recorded, verdicts are exact: re-reporting gives the deterministic answer.
        int survivors = 0;
        for (int id = 1; id <= 400; id++) if (p.report(id, 0, (id * 7919) % 400 / 400.0)) survivors++;
        assertTrue(survivors > 0 && survivors < 400 / 2, "survivors " + survivors);
    }
}
