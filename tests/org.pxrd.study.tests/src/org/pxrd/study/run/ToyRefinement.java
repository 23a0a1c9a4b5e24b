package org.pxrd.study.run;

import java.util.SplittableRandom;

import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.NoiseType;

/**
 * A cheap, deterministic stand-in for the refinement engine, for testing the study machinery (never shipped):
 * a start whose largest relative lattice deviation δ (or, under coordinate noise, whose noise level) is below a
 * threshold "converges" to the truth, any other stays where it started. The threshold is larger with the
 * crystal-family projector and differs per loss, so match rates fall with the noise level and the projector
 * helps, as in the study. Distances and similarities are functions of δ plus a small deviate drawn from the run
 * seed; a run may sleep between its steps ({@code millisPerStep}) so that tests can interrupt studies midway.
 */
public final class ToyRefinement implements DistortionRun {

    /** Steps a toy run takes (cancellation is polled between them). */
    static final int STEPS = 10;

    private final long millisPerStep;
    private final String failOnId;

    /**
     * @param millisPerStep sleep per step (0: as fast as possible)
     * @param failOnId a run id whose run throws (to test failures), or null
     */
    public ToyRefinement(long millisPerStep, String failOnId) {
        this.millisPerStep = millisPerStep;
        this.failOnId = failOnId;
    }

    @Override
    public RunOutcome run(RunInput input) throws Exception {
        RunSpec spec = input.spec();
        if (spec.id().equals(failOnId)) {
            throw new IllegalStateException("the toy simulator broke on purpose");
        }
        for (int step = 0; step < STEPS; step++) {
            if (input.cancellation().isCancelled()) {
                return new RunOutcome(RunStatus.CANCELLED, "cancelled", step, input.start(), Double.NaN, Double.NaN,
                        false, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            if (millisPerStep > 0) {
                Thread.sleep(millisPerStep);
            }
        }
        double deviation = deviation(input.truth(), input.start(), spec);
        double threshold = (spec.projector().id().equals(Condition.NO_PROJECTOR) ? 0.06 : 0.12)
                * (spec.loss().label().equals("mse") ? 0.7 : 1.0);
        boolean recovered = deviation < threshold;
        Structure last = recovered ? input.truth() : input.start();
        double end = recovered ? 0 : deviation;
        SplittableRandom random = new SplittableRandom(spec.seed());
        double jitter = 0.02 * random.nextDouble();
        return new RunOutcome(recovered ? RunStatus.CONVERGED : RunStatus.MAX_STEPS, "", STEPS, last,
                -1 + deviation, -1 + end, recovered, recovered ? 0.0 : Double.NaN, deviation, end,
                1 / (1 + 20 * deviation) - jitter, 1 / (1 + 20 * end) - jitter);
    }

    /** The largest relative lattice parameter deviation, or the noise level for coordinate noise. */
    static double deviation(Structure truth, Structure start, RunSpec spec) {
        if (spec.noise() == NoiseType.COORDINATES) {
            return spec.level() * 10;
        }
        Lattice t = truth.lattice();
        Lattice s = start.lattice();
        double[] pt = t.parameters();
        double[] ps = s.parameters();
        double max = 0;
        for (int i = 0; i < 6; i++) {
            max = Math.max(max, Math.abs(ps[i] - pt[i]) / pt[i]);
        }
        return max;
    }
}
