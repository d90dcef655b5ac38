package org.automlwb.engine.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortfolioBuilderTest {
    private static final double NAN = Double.NaN;
    private static final double FAILED = Double.POSITIVE_INFINITY;

    /** Four data sets, four candidates: 0 is good everywhere, 1 best on two, 2 best on the others, 3 never finishes. */
    private static PortfolioBuilder.Matrix matrix() {
        double[][] loss = {
            {0.20, 0.10, 0.50, FAILED},
            {0.20, 0.10, 0.50, FAILED},
            {0.20, 0.60, 0.10, FAILED},
            {0.20, 0.60, 0.10, FAILED},
        };
        double[][] secs = {
            {1, 2, 3, NAN}, {1, 2, 3, NAN}, {1, 2, 3, NAN}, {1, 2, 3, NAN},
        };
        return new PortfolioBuilder.Matrix(List.of("a", "b", "c", "d"), loss, secs);
    }

    @Test
    void lossesAreScaledFromTheBestToTheMedianAndUnfinishedCountsAsWorst() {
        double[][] s = PortfolioBuilder.scaled(matrix());
        // Row a: finished losses 0.10, 0.20, 0.50: best 0.10, median 0.20.
        assertArrayEquals(new double[] {1.0, 0.0, 1.0, 1.0}, s[0], 1e-12);
    }

    @Test
    void aCandidateNotTriedOnADataSetCountsAsItsMeanElsewhere() {
        double[][] scaled = {{0.0, 0.5}, {NAN, 0.5}, {0.2, 0.5}};
        double[][] secs = {{1, 1}, {NAN, 1}, {1, 1}};
        // Candidate 0: 0.0 and 0.2 where tried, so 0.1 where not: mean 0.1 beats candidate 1's 0.5.
        assertEquals(0.1, PortfolioBuilder.imputed(scaled, new int[] {0, 1, 2})[1][0], 1e-12);
        assertEquals(List.of(0), PortfolioBuilder.greedy(scaled, secs, new int[] {0, 1, 2}, 1));
    }

    @Test
    void greedyTakesTheAllRounderFirstOnlyWhenNoSpecialistBeatsIt() {
        PortfolioBuilder.Matrix m = matrix();
        double[][] s = PortfolioBuilder.scaled(m);
        // Each specialist alone reaches 0 on half the data sets and 1 on the rest (mean 0.5); candidate 0 is at
        // the median everywhere (scaled 1): the specialists win, and a third entry adds nothing.
        assertEquals(List.of(1, 2), PortfolioBuilder.greedy(s, m.seconds(), new int[] {0, 1, 2, 3}, 5));
    }

    @Test
    void leavingADataSetOutScoresItWithAPortfolioBuiltFromTheOthers() {
        List<PortfolioBuilder.HeldOut> out = PortfolioBuilder.leaveOneOut(matrix(), 1, List.of(0, 3), new int[] {1, 2});
        assertEquals(4, out.size());
        PortfolioBuilder.HeldOut a = out.get(0);
        // Without a, candidate 2 is the best on two of the three others, so it is chosen; on a it is the worst.
        assertEquals(1.0, a.learnedScaled()[0], 1e-12);
        assertEquals(0.50, a.learnedLoss()[0], 1e-12);
        assertEquals(0.20, a.defaultsLoss()[1], 1e-12);
    }
}
