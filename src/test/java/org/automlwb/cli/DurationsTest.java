package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationsTest {
    @Test
    void parsesTheUsualForms() {
        assertEquals(Duration.ofSeconds(60), Durations.parse("60s"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofSeconds(5400), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("1.5m"));
        assertEquals(Duration.ofMillis(250), Durations.parse("250ms"));
    }

    @Test
    void rejectsNonsense() {
        for (String bad : new String[] {"", "abc", "10x", "0s", "-5s", "5s10"}) {
            assertThrows(CommandLine.TypeConversionException.class, () -> Durations.parse(bad), bad);
        }
    }
}
