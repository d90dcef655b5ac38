package org.automlwb.engine.algo.lightgbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LightGbmNativeTest {
    private static final String PREFIX = "LightGBM's native library does not load on this platform (linux/aarch64): ";

    @Test
    void loadsOnThisMachineAndSaysSoTwice() {
        assertEquals(Optional.empty(), LightGbmNative.unavailableReason(),
                "LightGBM is expected to work where the tests run (Linux x86_64, glibc >= 2.29, libgomp)");
        assertTrue(LightGbmNative.isAvailable());
        assertTrue(LightGbmNative.platform().contains("/"));
    }

    @Test
    void aLinkErrorBecomesOneLine() {
        Optional<String> reason = LightGbmNative.check(() -> {
            throw new UnsatisfiedLinkError("/tmp/x/lib_lightgbm.so: libgomp.so.1: cannot open shared object file: "
                    + "No such file or directory");
        }, "linux/aarch64");
        assertEquals(PREFIX + "UnsatisfiedLinkError: /tmp/x/lib_lightgbm.so: libgomp.so.1: cannot open shared object "
                + "file: No such file or directory", reason.orElseThrow());
    }

    @Test
    void anIoErrorWhileExtractingBecomesOneLine() {
        Optional<String> reason = LightGbmNative.check(() -> {
            throw new IOException("/tmp/lib_lightgbm.so (Permission denied)");
        }, "linux/aarch64");
        assertEquals(PREFIX + "IOException: /tmp/lib_lightgbm.so (Permission denied)", reason.orElseThrow());
    }

    @Test
    void aFailedClassInitialiserIsUnwrapped() {
        // lightgbm4j rethrows a macOS link error from its static initialiser.
        Optional<String> reason = LightGbmNative.check(() -> {
            throw new ExceptionInInitializerError(new UnsatisfiedLinkError("Library not loaded: libomp.dylib\n"
                    + "  Referenced from: lib_lightgbm.dylib"));
        }, "linux/aarch64");
        assertEquals(PREFIX + "UnsatisfiedLinkError: Library not loaded: libomp.dylib", reason.orElseThrow());
    }

    @Test
    void laterUsesOfAFailedClassAndOtherThrowablesAreCaughtToo() {
        assertTrue(LightGbmNative.check(() -> {
            throw new NoClassDefFoundError("Could not initialize class io.github.metarank.lightgbm4j.LGBMBooster");
        }, "linux/aarch64").orElseThrow().startsWith(PREFIX + "NoClassDefFoundError: Could not initialize"));
        assertEquals(PREFIX + "IllegalStateException", LightGbmNative.check(() -> {
            throw new IllegalStateException();
        }, "linux/aarch64").orElseThrow());
        assertEquals(PREFIX + "lightgbm4j 4.3.0-1 has no native library for linux/ppc64le", LightGbmNative.check(() -> {
            throw new LightGbmNative.Reason("lightgbm4j 4.3.0-1 has no native library for linux/ppc64le");
        }, "linux/aarch64").orElseThrow());
        String longMessage = "x".repeat(1000);
        String clipped = LightGbmNative.check(() -> {
            throw new UnsatisfiedLinkError(longMessage);
        }, "linux/aarch64").orElseThrow();
        assertTrue(clipped.length() < 400 && !clipped.contains("\n"));
    }

    @Test
    void aWorkingLoaderGivesNoReason() {
        assertEquals(Optional.empty(), LightGbmNative.check(() -> { }, "linux/x86_64"));
    }
}
