package org.pxrd.ui.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.pxrd.ui.testsupport.Ui;

/** The background computation of the newest input: edits faster than the computation coalesce. */
class LatestOnlyTest {

    @Test
    void inputsArrivingWhileAComputationRunsCoalesceIntoTheNewestAndOnlyItIsDelivered() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computed = new AtomicInteger();
        List<Integer> delivered = new ArrayList<>();
        LatestOnly<Integer, Integer> worker = new LatestOnly<>("test", Display.getCurrent(), i -> {
            computed.incrementAndGet();
            firstStarted.countDown();
            try {
                release.await(20, TimeUnit.SECONDS); // the first computation is slow
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i * i;
        }, r -> delivered.add(r.output()));
        try {
            worker.submit(0);
            assertThat(firstStarted.await(20, TimeUnit.SECONDS)).isTrue();
            for (int i = 1; i <= 50; i++) {
                worker.submit(i); // typed while 0 is computed: the UI thread never waits
            }
            assertThat(worker.isCurrent()).isFalse();
            release.countDown();
            Ui.waitUntil("the newest input's result", worker::isCurrent);
            Ui.processEvents();
            assertThat(delivered).containsExactly(2500); // 0's result arrived after 50 was asked for: dropped
            assertThat(computed.get()).isEqualTo(2); // 0, then only the newest
            assertThat(worker.newest()).isEqualTo(50);
        } finally {
            worker.dispose();
        }
    }

    @Test
    void aComputationThatThrowsIsDeliveredAsAFailureWithItsMessage() {
        List<LatestOnly.Result<String, Integer>> delivered = new ArrayList<>();
        LatestOnly<String, Integer> worker = new LatestOnly<>("test", Display.getCurrent(), s -> {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("empty input");
            }
            return s.length();
        }, delivered::add);
        try {
            worker.submit("");
            Ui.waitUntil("the failure", worker::isCurrent);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0).failed()).isTrue();
            assertThat(delivered.get(0).error()).hasMessage("empty input");
            worker.submit("abc");
            Ui.waitUntil("the result", worker::isCurrent);
            assertThat(delivered.get(1).output()).isEqualTo(3);
        } finally {
            worker.dispose();
        }
    }
}
