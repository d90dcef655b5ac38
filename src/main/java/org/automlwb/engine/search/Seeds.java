package org.automlwb.engine.search;

import java.util.SplittableRandom;

/** Derives independent, reproducible seeds from a run seed, so that no state is shared between suggestions. */
final class Seeds {
    /** Salt of the stream that drives searchers' choices (kept apart from the seeds handed to trials). */
    static final long SEARCH_STREAM = 0x5EA5C4L;

    private Seeds() { }

    /** SplitMix64 finaliser over {@code seed} and {@code salt}: nearby inputs give unrelated outputs. */
    static long mix(long seed, long salt) {
        long z = seed + (salt + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The generator a searcher uses while suggesting trial {@code trialId}. It depends only on the run seed,
     * the searcher's own salt and the trial id, so a suggestion does not depend on how many random numbers
     * earlier suggestions consumed.
     */
    static SplittableRandom forSuggestion(long runSeed, long searcherSalt, int trialId) {
        return new SplittableRandom(mix(mix(runSeed, SEARCH_STREAM ^ searcherSalt), trialId));
    }
}
