package org.automlwb.engine.algo.lightgbm;

/**
 * The LightGBM hyperparameters this package exposes, with LightGBM's own names in the docs below.
 * {@link #DEFAULTS} are LightGBM 4.3's defaults.
 *
 * @param rounds              {@code num_iterations}: boosting rounds, the most a fit trains (early stopping may
 *                            stop sooner; without validation rows a fit trains exactly this many)
 * @param learningRate        {@code learning_rate}, &gt; 0
 * @param numLeaves           {@code num_leaves}: most leaves per tree, 2..131072
 * @param maxDepth            {@code max_depth}: deepest a tree may grow; -1 (or any value &lt;= 0) means no limit
 * @param minDataInLeaf       {@code min_data_in_leaf}: fewest training rows a leaf may hold
 * @param minSumHessianInLeaf {@code min_sum_hessian_in_leaf}: least hessian sum in a leaf (for log loss the hessian
 *                            of a row is p(1-p), so this vanishes as predictions grow confident)
 * @param featureFraction     {@code feature_fraction}: share of features each tree may use, (0, 1]
 * @param baggingFraction     {@code bagging_fraction}: share of rows each bagging round draws, (0, 1]
 * @param baggingFreq         {@code bagging_freq}: redraw the rows every this many rounds; 0 turns bagging off
 * @param lambdaL1            {@code lambda_l1}: L1 penalty on leaf values
 * @param lambdaL2            {@code lambda_l2}: L2 penalty on leaf values
 * @param minGainToSplit      {@code min_gain_to_split}: least gain a split must bring
 * @param maxBin              {@code max_bin}: most histogram bins per numeric feature, 2..65535
 * @param catSmooth           {@code cat_smooth}: smoothing of the per-category gradient ratios that order the
 *                            categories, and a category needs about this many rows in a leaf to be split off
 * @param catL2               {@code cat_l2}: extra L2 penalty on categorical splits
 * @param maxCatThreshold     {@code max_cat_threshold}: most categories on one side of a categorical split
 * @param extraTrees          {@code extra_trees}: one random threshold per feature instead of the best one
 */
public record LightGbmParams(
        int rounds,
        double learningRate,
        int numLeaves,
        int maxDepth,
        int minDataInLeaf,
        double minSumHessianInLeaf,
        double featureFraction,
        double baggingFraction,
        int baggingFreq,
        double lambdaL1,
        double lambdaL2,
        double minGainToSplit,
        int maxBin,
        double catSmooth,
        double catL2,
        int maxCatThreshold,
        boolean extraTrees) {

    /** LightGBM 4.3's own defaults. */
    public static final LightGbmParams DEFAULTS = new LightGbmParams(100, 0.1, 31, -1, 20, 1e-3, 1.0, 1.0, 0,
            0.0, 0.0, 0.0, 255, 10.0, 10.0, 32, false);

    public LightGbmParams {
        require(rounds >= 1, "rounds must be at least 1: " + rounds);
        require(learningRate > 0 && Double.isFinite(learningRate), "learning_rate must be > 0: " + learningRate);
        require(numLeaves >= 2 && numLeaves <= 131072, "num_leaves must be 2..131072: " + numLeaves);
        if (maxDepth <= 0) maxDepth = -1;
        require(minDataInLeaf >= 0, "min_data_in_leaf must be >= 0: " + minDataInLeaf);
        require(minSumHessianInLeaf >= 0 && Double.isFinite(minSumHessianInLeaf),
                "min_sum_hessian_in_leaf must be >= 0: " + minSumHessianInLeaf);
        require(featureFraction > 0 && featureFraction <= 1, "feature_fraction must be in (0, 1]: " + featureFraction);
        require(baggingFraction > 0 && baggingFraction <= 1, "bagging_fraction must be in (0, 1]: " + baggingFraction);
        require(baggingFreq >= 0, "bagging_freq must be >= 0: " + baggingFreq);
        require(lambdaL1 >= 0 && Double.isFinite(lambdaL1), "lambda_l1 must be >= 0: " + lambdaL1);
        require(lambdaL2 >= 0 && Double.isFinite(lambdaL2), "lambda_l2 must be >= 0: " + lambdaL2);
        require(minGainToSplit >= 0 && Double.isFinite(minGainToSplit), "min_gain_to_split must be >= 0: " + minGainToSplit);
        require(maxBin >= 2 && maxBin <= 65535, "max_bin must be 2..65535: " + maxBin);
        require(catSmooth >= 0 && Double.isFinite(catSmooth), "cat_smooth must be >= 0: " + catSmooth);
        require(catL2 >= 0 && Double.isFinite(catL2), "cat_l2 must be >= 0: " + catL2);
        require(maxCatThreshold >= 1, "max_cat_threshold must be >= 1: " + maxCatThreshold);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** The same parameters with another number of rounds (the final refit trains the rounds cross-validation found). */
    public LightGbmParams withRounds(int newRounds) {
        return new LightGbmParams(newRounds, learningRate, numLeaves, maxDepth, minDataInLeaf, minSumHessianInLeaf,
                featureFraction, baggingFraction, baggingFreq, lambdaL1, lambdaL2, minGainToSplit, maxBin, catSmooth,
                catL2, maxCatThreshold, extraTrees);
    }

    public Builder toBuilder() { return new Builder(this); }

    public static Builder builder() { return new Builder(DEFAULTS); }

    /** Starts from given parameters (by default LightGBM's) and changes some. */
    public static final class Builder {
        private int rounds;
        private double learningRate;
        private int numLeaves;
        private int maxDepth;
        private int minDataInLeaf;
        private double minSumHessianInLeaf;
        private double featureFraction;
        private double baggingFraction;
        private int baggingFreq;
        private double lambdaL1;
        private double lambdaL2;
        private double minGainToSplit;
        private int maxBin;
        private double catSmooth;
        private double catL2;
        private int maxCatThreshold;
        private boolean extraTrees;

        private Builder(LightGbmParams p) {
            rounds = p.rounds;
            learningRate = p.learningRate;
            numLeaves = p.numLeaves;
            maxDepth = p.maxDepth;
            minDataInLeaf = p.minDataInLeaf;
            minSumHessianInLeaf = p.minSumHessianInLeaf;
            featureFraction = p.featureFraction;
            baggingFraction = p.baggingFraction;
            baggingFreq = p.baggingFreq;
            lambdaL1 = p.lambdaL1;
            lambdaL2 = p.lambdaL2;
            minGainToSplit = p.minGainToSplit;
            maxBin = p.maxBin;
            catSmooth = p.catSmooth;
            catL2 = p.catL2;
            maxCatThreshold = p.maxCatThreshold;
            extraTrees = p.extraTrees;
        }

        public Builder rounds(int v) { rounds = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder numLeaves(int v) { numLeaves = v; return this; }
        public Builder maxDepth(int v) { maxDepth = v; return this; }
        public Builder minDataInLeaf(int v) { minDataInLeaf = v; return this; }
        public Builder minSumHessianInLeaf(double v) { minSumHessianInLeaf = v; return this; }
        public Builder featureFraction(double v) { featureFraction = v; return this; }
        /** {@code bagging_fraction} and {@code bagging_freq} together: bagging needs both. */
        public Builder bagging(double fraction, int freq) { baggingFraction = fraction; baggingFreq = freq; return this; }
        public Builder lambdaL1(double v) { lambdaL1 = v; return this; }
        public Builder lambdaL2(double v) { lambdaL2 = v; return this; }
        public Builder minGainToSplit(double v) { minGainToSplit = v; return this; }
        public Builder maxBin(int v) { maxBin = v; return this; }
        public Builder catSmooth(double v) { catSmooth = v; return this; }
        public Builder catL2(double v) { catL2 = v; return this; }
        public Builder maxCatThreshold(int v) { maxCatThreshold = v; return this; }
        public Builder extraTrees(boolean v) { extraTrees = v; return this; }

        public LightGbmParams build() {
            return new LightGbmParams(rounds, learningRate, numLeaves, maxDepth, minDataInLeaf, minSumHessianInLeaf,
                    featureFraction, baggingFraction, baggingFreq, lambdaL1, lambdaL2, minGainToSplit, maxBin, catSmooth,
                    catL2, maxCatThreshold, extraTrees);
        }
    }
}
