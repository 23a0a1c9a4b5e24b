package org.pxrd.losses.builtin;

import java.util.Arrays;
import java.util.Map;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.core.extensions.Settings;
import org.pxrd.losses.LossEvaluator;
import org.pxrd.losses.LossFunction;
import org.pxrd.losses.LossRegistry;
import org.pxrd.losses.TwoThetaGrid;

/**
 * A base loss averaged over progressively less broadened copies of both patterns, coarse to fine (Gaussian
 * scale space: Witkin, "Scale-space filtering", Proc. IJCAI 1983, 1019-1022):
 * <pre>
 *   L = (1/K) Σ_{k=1..K} L_base(G_k s, G_k t)
 *   ∂L/∂s = (1/K) Σ_k G_k ∇_s L_base(G_k s, G_k t)          (G_k symmetric: its own transpose)
 * </pre>
 * G_k convolves with a normalised Gaussian of full width at half maximum w_k degrees 2θ (patterns taken as zero
 * outside the grid, truncated at 4σ; w_k = 0 is the pattern itself), with w_1 ≥ w_2 ≥ ... ≥ w_K. Broad copies
 * overlap even when the sharp peaks do not, so the coarse terms give a long-range slope towards the target
 * while the fine terms keep the minimum where the base loss has it: a smoother landscape than the base loss
 * alone, which the study (Segal et al., Digital Discovery 2026) finds too rough for gradient descent.
 *
 * <p>Settings: {@code base}, the id of the base loss (any contribution of {@code org.pxrd.losses.lossFunctions},
 * with its default settings, looked up in the contributions of the running environment through
 * {@link ExtensionSources#detect()}), and {@code widths}, the FWHMs w_k in degrees 2θ, comma-separated,
 * non-increasing. The other constructor takes any base instance. Needs a uniform grid.
 *
 * <p>Cost: one convolution of the simulated pattern per broadened scale, and one of the base gradient; the
 * target's broadened copies are kept per thread until a different target comes.
 */
public final class MultiScaleLoss implements LossFunction {

    private static final String NAME = "the multi-scale loss";

    private final LossFunction base;
    private final double[] widths;

    /**
     * @param settings {@code base} (a loss id, resolved among the contributions of the running environment) and
     *        {@code widths} (comma-separated FWHMs in degrees 2θ, coarse to fine)
     * @throws IllegalArgumentException for an unknown base, a multi-scale base or invalid widths
     */
    public MultiScaleLoss(Settings settings) {
        this(resolve(settings.getString("base")), parseWidths(settings.getString("widths")));
    }

    /**
     * @param base the loss applied at every scale
     * @param widths FWHMs in degrees 2θ, non-negative and non-increasing (0 = no broadening)
     */
    public MultiScaleLoss(LossFunction base, double... widths) {
        if (base instanceof MultiScaleLoss) {
            throw new IllegalArgumentException("the base of a multi-scale loss cannot be a multi-scale loss");
        }
        this.base = base;
        this.widths = checkWidths(widths);
    }

    private static LossFunction resolve(String baseId) {
        LossRegistry registry = new LossRegistry(ExtensionSources.detect());
        try {
            Contribution contribution = registry.get(baseId);
            if (MultiScaleLoss.class.getName().equals(contribution.className())) {
                throw new IllegalArgumentException("base '" + baseId + "' is itself a multi-scale loss");
            }
            return registry.create(contribution.id(), Map.of());
        } catch (ContributionException e) {
            throw new IllegalArgumentException("base loss: " + e.getMessage(), e);
        }
    }

    static double[] parseWidths(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        double[] widths = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("widths must be comma-separated numbers of degrees, got '" + text
                        + "'");
            }
        }
        return widths;
    }

    private static double[] checkWidths(double[] widths) {
        if (widths.length == 0) {
            throw new IllegalArgumentException("a multi-scale loss needs at least one width");
        }
        for (int i = 0; i < widths.length; i++) {
            if (!(widths[i] >= 0) || !Double.isFinite(widths[i])) {
                throw new IllegalArgumentException("widths must be finite and non-negative (degrees 2theta), got "
                        + Arrays.toString(widths));
            }
            if (i > 0 && widths[i] > widths[i - 1]) {
                throw new IllegalArgumentException("widths go from coarse to fine and must not increase, got "
                        + Arrays.toString(widths));
            }
        }
        return widths.clone();
    }

    /** The base loss. */
    public LossFunction base() {
        return base;
    }

    /** The FWHMs in degrees 2θ, coarse to fine. */
    public double[] widths() {
        return widths.clone();
    }

    @Override
    public LossEvaluator evaluator(TwoThetaGrid simGrid, TwoThetaGrid targetGrid) {
        double step = simGrid.uniformStep(NAME);
        SymmetricKernel[] kernels = new SymmetricKernel[widths.length];
        for (int k = 0; k < widths.length; k++) {
            kernels[k] = SymmetricKernel.gaussian(widths[k], step);
        }
        return new Evaluator(kernels, base.evaluator(simGrid, simGrid), simGrid.size());
    }

    /** Per-thread work space: the broadened simulated pattern, the base gradient, the broadened targets. */
    private static final class Scratch {
        final double[] sim;
        final double[] gradient;
        final TargetConvolutions broadenedTargets;

        Scratch(SymmetricKernel[] kernels, int size) {
            sim = new double[size];
            gradient = new double[size];
            broadenedTargets = new TargetConvolutions(kernels, size);
        }
    }

    private static final class Evaluator extends GradientEvaluator {
        private final SymmetricKernel[] kernels;
        private final LossEvaluator base;
        private final ThreadLocal<Scratch> scratch;

        Evaluator(SymmetricKernel[] kernels, LossEvaluator base, int size) {
            this.kernels = kernels;
            this.base = base;
            this.scratch = ThreadLocal.withInitial(() -> new Scratch(kernels, size));
        }

        @Override
        double evaluate(double[] s, double[] t, double[] gradient) {
            Scratch work = scratch.get();
            double[][] broadenedTargets = work.broadenedTargets.of(t);
            double weight = 1.0 / kernels.length;
            if (gradient != null) {
                Arrays.fill(gradient, 0);
            }
            double sum = 0;
            for (int k = 0; k < kernels.length; k++) {
                SymmetricKernel kernel = kernels[k];
                double[] bs = s;
                if (!kernel.isIdentity()) {
                    kernel.apply(s, work.sim);
                    bs = work.sim;
                }
                double[] bt = broadenedTargets[k];
                if (gradient == null) {
                    sum += base.value(bs, bt);
                } else {
                    sum += base.valueAndGradient(bs, bt, work.gradient);
                    kernel.applyAndAdd(work.gradient, weight, gradient);
                }
            }
            return sum * weight;
        }
    }
}
