package org.pxrd.diffraction.measured;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.XrdSession;

/**
 * A fit of the zero shift Z and the scale factor k alone, everything else held (structure, profile, background): a
 * one-dimensional scan of Z with k in closed form at each Z ({@link MeasuredTarget#optimalScale}), for a first look
 * at measured data before any refinement.
 *
 * <p>Steps: (1) Z on a coarse grid over [−range, range] in steps of {@value #COARSE_STEP_DEG}°; (2) around the best,
 * a fine grid of step {@value #COARSE_STEP_DEG}/{@value #FINE_DIVISIONS}° over ± one coarse step; (3) the vertex of
 * the parabola through the best fine point and its neighbours (kept only when it lies between them). The residual
 * S(Z) = min_k Σ w (y_o − b − k s(Z))² is smooth in Z while peaks overlap their own shifted positions, so the scan
 * resolves Z far below the step. The session's zero shift and scale are left at the result.
 */
public final class ZeroShiftScan {

    /** Step of the coarse scan in degrees 2θ: a fraction of any laboratory peak width. */
    public static final double COARSE_STEP_DEG = 0.01;
    /** The fine scan divides the coarse step by this. */
    public static final int FINE_DIVISIONS = 10;
    /** Parameters fitted: Z and k (for the statistics' N − P). */
    public static final int PARAMETERS = 2;

    /**
     * The result.
     *
     * @param zeroShift Z in degrees 2θ
     * @param scale k
     * @param residual S = Σ w (y_o − y_c)² at Z, k
     * @param agreement the indices with P = 2
     * @param instrument the session's settings at Z, k
     */
    public record Result(double zeroShift, double scale, double residual, AgreementStatistics agreement,
            InstrumentSettings instrument) {
    }

    private ZeroShiftScan() {
    }

    /**
     * Fits Z in [−range, range] and k.
     *
     * @param session a session on the target's {@link MeasuredTarget#simulationGrid()}
     * @param range half-width of the scan in degrees 2θ, positive
     * @throws IllegalArgumentException when the session's grid is not the target's
     */
    public static Result fit(XrdSession session, MeasuredTarget target, double range) {
        if (!session.instrument().grid().equals(target.simulationGrid())) {
            throw new IllegalArgumentException("the session simulates on " + session.instrument().grid().describe()
                    + ", the target needs " + target.simulationGrid().describe());
        }
        if (!(range > 0)) {
            throw new IllegalArgumentException("zero-shift scan range " + range + " must be positive");
        }
        Evaluator e = new Evaluator(session, target);
        int coarse = (int) Math.ceil(range / COARSE_STEP_DEG);
        double best = 0;
        double bestS = Double.POSITIVE_INFINITY;
        for (int i = -coarse; i <= coarse; i++) {
            double z = i * COARSE_STEP_DEG;
            double s = e.residual(z);
            if (s < bestS) {
                bestS = s;
                best = z;
            }
        }
        double h = COARSE_STEP_DEG / FINE_DIVISIONS;
        double centre = best;
        double[] fine = new double[2 * FINE_DIVISIONS + 1];
        int bestIndex = 0;
        for (int i = 0; i < fine.length; i++) {
            fine[i] = e.residual(centre + (i - FINE_DIVISIONS) * h);
            if (fine[i] < fine[bestIndex]) {
                bestIndex = i;
            }
        }
        double z = centre + (bestIndex - FINE_DIVISIONS) * h;
        if (bestIndex > 0 && bestIndex < fine.length - 1) {
            double a = fine[bestIndex - 1];
            double b = fine[bestIndex];
            double c = fine[bestIndex + 1];
            double curvature = a - 2 * b + c;
            if (curvature > 0) {
                z += h * 0.5 * (a - c) / curvature;
            }
        }
        double s = e.residual(z);
        double k = e.scale;
        InstrumentSettings result = e.start.withProfile(e.start.profile().withZeroShift(z)).withScale(k);
        session.setInstrument(result);
        double[] simulated = new double[session.patternSize()];
        session.computePattern(simulated);
        double[] calculated = new double[target.size()];
        target.calculated(simulated, calculated);
        return new Result(z, k, s, target.agreement(calculated, PARAMETERS), result);
    }

    /** S(Z) with k in closed form; remembers the last k. */
    private static final class Evaluator {
        private final XrdSession session;
        private final MeasuredTarget target;
        private final InstrumentSettings start;
        private final double[] simulated;
        private final double[] shape;
        private final double[] calculated;
        private final double[] background;
        private double scale;

        Evaluator(XrdSession session, MeasuredTarget target) {
            this.session = session;
            this.target = target;
            this.start = session.instrument();
            this.simulated = new double[session.patternSize()];
            this.shape = new double[target.size()];
            this.calculated = new double[target.size()];
            this.background = target.background();
        }

        double residual(double zero) {
            session.setInstrument(start.withProfile(start.profile().withZeroShift(zero)).withScale(1));
            session.computePattern(simulated);
            target.grid().project(simulated, shape);
            scale = target.optimalScale(shape);
            for (int i = 0; i < shape.length; i++) {
                calculated[i] = scale * shape[i] + (background == null ? 0 : background[i]);
            }
            return target.residual(calculated, null);
        }
    }
}
