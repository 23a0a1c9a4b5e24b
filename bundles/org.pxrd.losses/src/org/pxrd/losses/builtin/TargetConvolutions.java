package org.pxrd.losses.builtin;

import java.util.Arrays;

/**
 * A target pattern's convolutions by fixed kernels, kept for the next call. A refinement compares many simulated
 * patterns with one target, so the convolutions are computed again only when a call brings a different target,
 * compared by content (a pass far cheaper than a convolution). Belongs to one thread.
 */
final class TargetConvolutions {

    private final SymmetricKernel[] kernels;
    private final double[] target;
    private final double[][] convolved;
    private boolean valid;

    /**
     * @param kernels the kernels, in the order {@link #of} returns the convolutions
     * @param size the number of points of the target patterns
     */
    TargetConvolutions(SymmetricKernel[] kernels, int size) {
        this.kernels = kernels.clone();
        this.target = new double[size];
        this.convolved = new double[kernels.length][size];
    }

    /** K_k t for every kernel k: arrays owned by this object, valid until the next call. */
    double[][] of(double[] t) {
        if (!valid || !Arrays.equals(target, t)) {
            System.arraycopy(t, 0, target, 0, t.length);
            for (int k = 0; k < kernels.length; k++) {
                kernels[k].apply(t, convolved[k]);
            }
            valid = true;
        }
        return convolved;
    }
}
