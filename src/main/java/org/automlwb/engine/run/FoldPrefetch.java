package org.automlwb.engine.run;

import java.util.EnumSet;
import java.util.Set;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureEncoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the folds ahead of the trials, on a thread of its own. Without it the first two trials both wait
 * for fold 1, then both for fold 2, and one core idles; with it the next fold is usually ready when a trial
 * reaches it. Folds are computed once whoever asks first (FoldData), so nothing is done twice.
 */
final class FoldPrefetch {
    private static final Logger LOG = LoggerFactory.getLogger(FoldPrefetch.class);

    private FoldPrefetch() { }

    static Thread start(PreparedRun p, CancelToken cancel) {
        Set<FeatureEncoding> encodings = EnumSet.noneOf(FeatureEncoding.class);
        p.algorithms().forEach(a -> encodings.add(a.encoding()));
        encodings.remove(FeatureEncoding.ONE_HOT); // fold 0 of it is prepared already: its other folds go first
        int folds = p.folds().plan().folds().size();
        Thread t = new Thread(() -> {
            try {
                for (int k = 1; k < folds && !stop(cancel); k++) p.folds().fold(k, FeatureEncoding.ONE_HOT);
                for (FeatureEncoding e : encodings) {
                    for (int k = 0; k < folds && !stop(cancel); k++) p.folds().fold(k, e);
                }
            } catch (RuntimeException e) {
                // The trial that needs the fold will compute it again and report the failure properly.
                LOG.debug("prefetching folds stopped: {}", e.toString());
            }
        }, "fold-prefetch");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
        return t;
    }

    private static boolean stop(CancelToken cancel) {
        return cancel.isCancelled() || Thread.currentThread().isInterrupted();
    }
}
