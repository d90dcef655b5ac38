package org.automlwb.engine.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.automlwb.common.CancelToken;
import org.junit.jupiter.api.Test;

class FitsTest {
    @Test
    void anAbandonedFitCountsAsRunningUntilItReallyEnds() throws Exception {
        int before = Fits.abandonedRunning();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        CancelToken cancel = new CancelToken();
        CompletableFuture<Throwable> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                Fits.await(() -> {
                    started.countDown();
                    try {
                        release.await();
                        return 1;
                    } finally {
                        ended.countDown();
                    }
                }, cancel, System.nanoTime() + 60_000_000_000L, "a minute");
                return null;
            } catch (FitAbortedException e) {
                return e;
            }
        });
        started.await();
        cancel.cancel();
        Throwable t = waiter.get();
        assertTrue(t instanceof FitAbortedException f && f.status() == TrialStatus.CANCELLED, String.valueOf(t));
        assertEquals(before + 1, Fits.abandonedRunning(), "the fit still computes after its trial gave up");
        release.countDown();
        ended.await();
        for (int i = 0; i < 200 && Fits.abandonedRunning() != before; i++) Thread.sleep(10);
        assertEquals(before, Fits.abandonedRunning());
    }
}
