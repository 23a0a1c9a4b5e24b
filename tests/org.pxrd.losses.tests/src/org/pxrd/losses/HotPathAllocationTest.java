package org.pxrd.losses;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ExtensionSources;

/**
 * The built-in losses do not allocate per call on the refinement engine's hot path (value and gradient on a
 * 9000-point pattern through {@link PreparedLoss}): measured with the JVM's per-thread allocation counter after a
 * warm-up that creates the per-thread scratch space.
 */
class HotPathAllocationTest {

    /** Calls measured per loss (each a value and a value with gradient). */
    private static final int CALLS = 50;
    /**
     * Bytes allowed over all measured calls: a per-call allocation of even one small object (16 bytes) would exceed
     * it; the slack covers the counter's own bookkeeping.
     */
    private static final long ALLOWED_BYTES = 1024;

    @Test
    void builtInLossesDoNotAllocatePerCall() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Method allocated = allocatedBytesMethod(threads);
        long thread = Thread.currentThread().threadId();
        LossRegistry registry = new LossRegistry(ExtensionSources.detect());
        TwoThetaGrid grid = TwoThetaGrid.uniform(0.005, 0.01, 9000);
        SplittableRandom random = new SplittableRandom(3);
        double[] sim = RandomPatterns.smooth(random, grid);
        double[] target = RandomPatterns.smooth(random, grid);
        double[] gradient = new double[grid.size()];
        for (Contribution c : registry.contributions()) {
            if (!c.bundle().equals("org.pxrd.losses")) {
                continue;
            }
            PreparedLoss prepared = registry.create(c, c.defaultSettings()).prepare(grid);
            double sum = 0;
            for (int i = 0; i < 5; i++) {
                sum += prepared.valueAndGradient(sim, target, gradient) + prepared.value(sim, target);
            }
            long before = (Long) allocated.invoke(threads, thread);
            for (int i = 0; i < CALLS; i++) {
                sum += prepared.valueAndGradient(sim, target, gradient) + prepared.value(sim, target);
            }
            long bytes = (Long) allocated.invoke(threads, thread) - before;
            assertThat(sum).isFinite();
            assertThat(bytes).as("bytes allocated by %d calls of %s", 2 * CALLS, c.id())
                    .isLessThanOrEqualTo(ALLOWED_BYTES);
        }
    }

    /** com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long), found through the bean's own interfaces. */
    private static Method allocatedBytesMethod(ThreadMXBean threads) throws NoSuchMethodException {
        for (Class<?> type = threads.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> api : type.getInterfaces()) {
                if (api.getName().equals("com.sun.management.ThreadMXBean")) {
                    return api.getMethod("getThreadAllocatedBytes", long.class);
                }
            }
        }
        throw new AssertionError("this JVM has no per-thread allocation counter (com.sun.management.ThreadMXBean)");
    }
}
