package org.automlwb.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunSpec;
import org.junit.jupiter.api.Test;

class SessionTest {
    @Test
    void theRunSpecCarriesTargetTaskAndABudgetAwareValidation() {
        Session s = new Session();
        s.targetProperty().set("price");
        s.taskOverrideProperty().set(TaskType.REGRESSION);
        s.settingsProperty().set(RunSpec.defaults("").withBudget(Duration.ofMinutes(30)));
        RunSpec spec = s.runSpec();
        assertEquals("price", spec.target());
        assertEquals(TaskType.REGRESSION, spec.task());
        assertEquals(50_000, spec.holdoutAbove(), "a long budget can afford cross-validation on more rows");
        s.settingsProperty().set(RunSpec.defaults("").withBudget(Duration.ofSeconds(60)));
        assertEquals(10_000, s.runSpec().holdoutAbove());
    }
}
