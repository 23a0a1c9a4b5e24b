package org.pxrd.ui.refine;

import java.util.Arrays;

import org.pxrd.optimization.refine.RefinementStep;
import org.pxrd.optimization.run.StepListener;

/**
 * The steps of a running refinement that the view's curves show, gathered on the run's thread and read on the UI
 * thread. Memory and drawing stay bounded however long the run: every {@code stride}-th step is kept, and when
 * {@link #CAPACITY} points are kept every second one is dropped and the stride doubles (so the points stay evenly
 * spaced in steps). The newest step is always part of a {@link #snapshot()}.
 */
public final class StepTrace implements StepListener<RefinementStep> {

    /** Most points kept (and drawn) per curve: more than a chart's width in pixels. */
    public static final int CAPACITY = 2048;

    /** The points of a trace at one moment: step, objective, and a, b, c (Å), α, β, γ (degrees) per point. */
    public record Snapshot(double[] steps, double[] losses, double[][] lattice, int lastStep) {

        /** Number of points. */
        public int size() {
            return steps.length;
        }
    }

    private final double[] steps = new double[CAPACITY];
    private final double[] losses = new double[CAPACITY];
    private final double[][] lattice = new double[6][CAPACITY];
    private int size;
    private int stride = 1;
    private RefinementStep last;
    private boolean lastKept;
    private long version;

    @Override
    public synchronized void onStep(RefinementStep e) {
        last = e;
        version++;
        lastKept = e.step() % stride == 0;
        if (!lastKept) {
            return;
        }
        if (size == CAPACITY) {
            compact();
            lastKept = e.step() % stride == 0;
            if (!lastKept) {
                return;
            }
        }
        put(size++, e.step(), e.loss(), e.lattice());
    }

    private void put(int i, double step, double loss, double[] abc) {
        steps[i] = step;
        losses[i] = loss;
        for (int k = 0; k < 6; k++) {
            lattice[k][i] = abc[k];
        }
    }

    /** Keeps every second point (those on the doubled stride). */
    private void compact() {
        stride *= 2;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if ((long) steps[i] % stride == 0) {
                steps[kept] = steps[i];
                losses[kept] = losses[i];
                for (int k = 0; k < 6; k++) {
                    lattice[k][kept] = lattice[k][i];
                }
                kept++;
            }
        }
        size = kept;
    }

    /** The points kept, with the newest step appended when it was not kept. */
    public synchronized Snapshot snapshot() {
        int n = size + (last != null && !lastKept ? 1 : 0);
        double[] s = Arrays.copyOf(steps, n);
        double[] l = Arrays.copyOf(losses, n);
        double[][] abc = new double[6][];
        for (int k = 0; k < 6; k++) {
            abc[k] = Arrays.copyOf(lattice[k], n);
        }
        if (n > size) {
            s[size] = last.step();
            l[size] = last.loss();
            double[] p = last.lattice();
            for (int k = 0; k < 6; k++) {
                abc[k][size] = p[k];
            }
        }
        return new Snapshot(s, l, abc, last == null ? -1 : last.step());
    }

    /** Increases with every step received (the view redraws only when it changed). */
    public synchronized long version() {
        return version;
    }

    /** The step between kept points. */
    public synchronized int stride() {
        return stride;
    }
}
