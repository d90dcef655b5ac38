package org.automlwb.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpaceFileTest {
    private final SearchSpace declared = SearchSpace.of(
            new IntParam("trees", 10, 500, true, "more trees"),
            new RealParam("eta", 0.01, 0.5, true, "step size"),
            new ChoiceParam("booster", List.of("gbtree", "dart"), "kind"),
            new RealParam("rate_drop", 0.0, 0.5, false, "dart only", new Param.Condition("booster", Set.of("dart"))));

    @Test
    void writtenFileParsesBackToTheSameSpace() {
        String json = SpaceFile.write(Map.of("xgboost", declared), Set.of("knn"));
        SpaceFile f = SpaceFile.parse(json);
        assertTrue(f.isEnabled("xgboost"));
        assertEquals(declared, f.apply("xgboost", declared));
        assertEquals(declared.params(), f.params().get("xgboost"));
    }

    @Test
    void overridesReplaceOnlyNamedParamsAndDisableAlgorithms() {
        SpaceFile f = SpaceFile.parse("""
                {"algorithms": {"xgboost": {"params": {"eta": {"type": "real", "low": 0.05, "high": 0.1}}},
                                "knn": {"enabled": false}}}""");
        SearchSpace s = f.apply("xgboost", declared);
        assertEquals(new RealParam("eta", 0.05, 0.1, false, "", null), s.param("eta").orElseThrow());
        assertEquals(declared.param("trees"), s.param("trees"));
        assertFalse(f.isEnabled("knn"));
        assertTrue(f.isEnabled("cart"));
    }

    @Test
    void invalidFilesSayWhatIsWrong() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpaceFile.parse(
                "{\"algorithms\": {\"knn\": {\"params\": {\"k\": {\"type\": \"int\", \"low\": 9, \"high\": 2}}}}}"));
        assertTrue(e.getMessage().contains("low 9 > high 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SpaceFile.parse(
                "{\"algorithms\": {\"knn\": {\"params\": {\"k\": {\"type\": \"float\"}}}}}"));
        assertEquals("knn.k: \"type\" must be int, real or choice", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SpaceFile.parse("[1,2"));
    }
}
