package org.pxrd.losses.builtin;

import java.util.Locale;

/** Checks and sums shared by the built-in losses. */
final class Intensities {

    private Intensities() {
    }

    /**
     * Σ x_i of a pattern used as a distribution over 2θ.
     *
     * @param which "simulated" or "target", for the message
     * @param loss the loss's name, for the message
     * @throws IllegalArgumentException for a negative intensity or a pattern that sums to zero
     */
    static double distributionSum(double[] x, String which, String loss) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) {
                throw new IllegalArgumentException("the " + which + " pattern has a negative intensity "
                        + String.format(Locale.ROOT, "%.6g", x[i]) + " at point " + (i + 1) + ": " + loss
                        + " treats patterns as distributions and needs non-negative intensities");
            }
            sum += x[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("the " + which + " pattern is zero everywhere: " + loss
                    + " is undefined for it");
        }
        return sum;
    }

    /** The message for a pattern whose norm vanishes. */
    static IllegalArgumentException zeroPattern(String which, String loss) {
        return new IllegalArgumentException("the " + which + " pattern is zero everywhere: " + loss
                + " is undefined for it");
    }

    /**
     * Turns ∂L/∂a into ∂L/∂sim in place, where a = sim / Σ sim is the normalised pattern:
     * ∂L/∂sim_i = (∂L/∂a_i − Σ_j ∂L/∂a_j · a_j) / Σ sim.
     *
     * @param gradient holds ∂L/∂a on entry, ∂L/∂sim on return
     */
    static void chainThroughNormalisation(double[] gradient, double[] sim, double simSum) {
        double projection = 0;
        for (int i = 0; i < sim.length; i++) {
            projection += gradient[i] * sim[i];
        }
        projection /= simSum;
        for (int i = 0; i < sim.length; i++) {
            gradient[i] = (gradient[i] - projection) / simSum;
        }
    }
}
