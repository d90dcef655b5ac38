package org.automlwb.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;

/** Engine keys as typed, engines told by algorithm ids, budget shares, the registry of this build. */
class EngineKindTest {
    @Test
    void aListIsReadInOrderOnceEachAndAnUnknownKeyNamesTheKnownOnes() throws BadInputException {
        assertEquals(List.of(EngineKind.H2O, EngineKind.TRIBUO, EngineKind.AUTO_SKLEARN),
                EngineKind.parseList(" h2o,TRIBUO,h2o,auto_sklearn"));
        BadInputException e = assertThrows(BadInputException.class, () -> EngineKind.parseList("tribuo,foo"));
        assertEquals("unknown engine 'foo'. use one or more of tribuo, h2o, sklearn, auto-sklearn, separated by commas",
                e.oneLine());
        assertThrows(BadInputException.class, () -> EngineKind.parseList(" , "));
    }

    @Test
    void theEngineOfAModelIsReadFromItsAlgorithmId() {
        assertEquals(EngineKind.TRIBUO, EngineKind.ofAlgorithm("xgboost"));
        assertEquals(EngineKind.TRIBUO, EngineKind.ofAlgorithm("ensemble"));
        assertEquals(EngineKind.H2O, EngineKind.ofAlgorithm(EngineKind.H2O.algorithmId("GBM")));
        assertEquals("h2o.gbm", EngineKind.H2O.algorithmId("GBM"));
        assertEquals(EngineKind.AUTO_SKLEARN, EngineKind.ofAlgorithm("auto-sklearn.ensemble"));
        assertEquals(EngineKind.SKLEARN, EngineKind.ofAlgorithm("sklearn.random_forest"));
    }

    @Test
    void eachEngineGetsAnEqualShareOfWhatIsLeft() {
        assertEquals(Duration.ofSeconds(20), RunPlan.share(Duration.ofSeconds(60), 3));
        assertEquals(Duration.ofSeconds(40), RunPlan.share(Duration.ofSeconds(40), 1));
        assertEquals(Duration.ZERO, RunPlan.share(Duration.ofSeconds(-5), 2));
        assertEquals(null, RunPlan.share(null, 2));
    }

    @Test
    void thisBuildHasTheTribuoEngineAndSaysWhyAnAbsentOneIsMissing() {
        EngineRegistry r = EngineRegistry.installed();
        assertTrue(r.find(EngineKind.TRIBUO).isPresent());
        assertTrue(r.availability(EngineKind.TRIBUO).available());
        Availability none = EngineRegistry.of().availability(EngineKind.SKLEARN);
        assertEquals("the scikit-learn engine is not part of this build", none.reason());
    }
}
