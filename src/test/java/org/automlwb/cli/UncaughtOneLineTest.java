package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An exception nobody catches in a background thread is one line on stderr, not a stack trace. */
class UncaughtOneLineTest {
    @Test
    void aBackgroundThreadDyingOfAnErrorIsOneLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Thread t = new Thread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "fold-prefetch");
        t.setUncaughtExceptionHandler(new UncaughtOneLine(err));
        t.start();
        t.join();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, text.strip().lines().count(), text);
        assertTrue(text.startsWith("internal error in thread fold-prefetch: java.lang.OutOfMemoryError: Java heap "
                + "space (details in "), text);
        assertFalse(text.contains("\tat "), text);
    }
}
