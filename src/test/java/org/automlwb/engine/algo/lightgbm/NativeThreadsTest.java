package org.automlwb.engine.algo.lightgbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NativeThreadsTest {
    @Test
    void callsWithTheSameCountRunTogether() throws Exception {
        try (NativeThreads.Permit a = NativeThreads.enter(1)) {
            CountDownLatch entered = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                try (NativeThreads.Permit b = NativeThreads.enter(1)) {
                    entered.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            t.join();
        }
        assertEquals(0, NativeThreads.state()[1]);
    }

    @Test
    void anotherCountWaitsAndLaterArrivalsQueueBehindIt() throws Exception {
        AtomicBoolean twoRan = new AtomicBoolean();
        AtomicBoolean lateOneRanBeforeTwo = new AtomicBoolean();
        Thread two;
        Thread lateOne;
        try (NativeThreads.Permit a = NativeThreads.enter(1)) {
            two = new Thread(() -> {
                try (NativeThreads.Permit b = NativeThreads.enter(2)) {
                    assertEquals(2, b.threads());
                    twoRan.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            two.start();
            waitForQueue(1);
            assertFalse(twoRan.get(), "a 2-thread call must wait while a 1-thread call runs");
            lateOne = new Thread(() -> {
                try (NativeThreads.Permit c = NativeThreads.enter(1)) {
                    if (!twoRan.get()) lateOneRanBeforeTwo.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            lateOne.start();
            waitForQueue(2);
        }
        two.join(5000);
        lateOne.join(5000);
        assertTrue(twoRan.get());
        assertFalse(lateOneRanBeforeTwo.get(), "first come, first served");
        assertArrayEquals(new int[] {NativeThreads.state()[0], 0, 0}, NativeThreads.state());
    }

    @Test
    void predictionJoinsWhateverCountRuns() throws Exception {
        try (NativeThreads.Permit a = NativeThreads.enter(2)) {
            AtomicInteger got = new AtomicInteger();
            Thread t = new Thread(() -> {
                try (NativeThreads.Permit b = NativeThreads.enterAny(1)) {
                    got.set(b.threads());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            t.join(5000);
            assertEquals(2, got.get());
        }
    }

    @Test
    void aHolderReentersWithTheCurrentCount() throws Exception {
        try (NativeThreads.Permit a = NativeThreads.enter(1);
             NativeThreads.Permit b = NativeThreads.enter(2)) {
            assertEquals(1, b.threads());
            assertEquals(1, NativeThreads.state()[1]);
        }
        assertEquals(0, NativeThreads.state()[1]);
    }

    @Test
    void anInterruptedWaiterLeavesTheQueue() throws Exception {
        Thread t;
        AtomicBoolean interrupted = new AtomicBoolean();
        try (NativeThreads.Permit a = NativeThreads.enter(1)) {
            t = new Thread(() -> {
                try (NativeThreads.Permit b = NativeThreads.enter(2)) {
                    // not reached
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
            });
            t.start();
            waitForQueue(1);
            t.interrupt();
            t.join(5000);
        }
        assertTrue(interrupted.get());
        assertEquals(0, NativeThreads.state()[2]);
    }

    private static void waitForQueue(int size) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (NativeThreads.state()[2] < size && System.nanoTime() < end) Thread.sleep(5);
        assertEquals(size, NativeThreads.state()[2]);
    }
}
