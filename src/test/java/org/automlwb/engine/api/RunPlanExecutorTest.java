package org.automlwb.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.run.ExecutorSettings;
import org.junit.jupiter.api.Test;

/** A saved plan says where its trials ran, so that a resumed run goes back there. */
class RunPlanExecutorTest {
    private static final Path FILE = Path.of("plan.json");

    @Test
    void aSparkPlanResumesOnItsMasterAndAnOldPlanLocally() throws Exception {
        assertEquals(ExecutorSettings.spark("spark://h:7077"),
                RunPlan.readExecutor("{\"engines\":[\"tribuo\"],\"executor\":\"spark\",\"master\":\"spark://h:7077\"}",
                        FILE));
        assertEquals(ExecutorSettings.spark(null), RunPlan.readExecutor("{\"executor\":\"spark\"}", FILE));
        assertEquals(ExecutorSettings.local(), RunPlan.readExecutor("{\"engines\":[\"tribuo\"]}", FILE));
    }

    @Test
    void anUnknownExecutorInAPlanIsOneLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> RunPlan.readExecutor("{\"executor\":\"mesos\"}", FILE));
        assertTrue(e.oneLine().contains("unknown executor 'mesos'"), e.oneLine());
    }
}
