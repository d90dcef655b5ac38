package org.automlwb.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.SpaceFile;
import org.junit.jupiter.api.Test;

class ConfiguredAlgorithmTest {
    @Test
    void everyMethodOfTheInterfaceIsDelegated() throws NoSuchMethodException {
        // A default method left to the interface would silently drop what the wrapped algorithm says
        // (it once lost LibSVM's one-at-a-time lock and XGBoost's place in the portfolio).
        for (Method m : Algorithm.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) continue;
            Method impl = ConfiguredAlgorithm.class.getMethod(m.getName(), m.getParameterTypes());
            assertEquals(ConfiguredAlgorithm.class, impl.getDeclaringClass(), m.getName() + " is not delegated");
        }
    }

    @Test
    void portfolioConfigurationsArePulledInsideEditedRanges() {
        Algorithm xgb = AlgorithmCatalogue.byId("xgboost").orElseThrow();
        SpaceFile edits = new SpaceFile(Map.of(), Map.of("xgboost",
                List.of(new IntParam("trees", 50, 100, false, "fewer trees"))));
        ConfiguredAlgorithm c = new ConfiguredAlgorithm(xgb, edits);
        DataShape shape = new DataShape(TaskType.BINARY, 1000, 5, 2, true);
        List<Integer> trees = c.portfolio(TaskType.BINARY, shape).stream().map(cfg -> cfg.getInt("trees", -1))
                .toList();
        assertEquals(List.of(100, 100, 100), trees);
        Config first = c.portfolio(TaskType.BINARY, shape).get(0);
        assertEquals(Arrays.asList(xgb.portfolio(TaskType.BINARY, shape).get(0).values().keySet().toArray()),
                Arrays.asList(first.values().keySet().toArray()));
    }
}
