package org.pxrd.losses;

import java.util.Locale;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

/**
 * The loss functions contributed to {@value #EXTENSION_POINT}, built-in and third-party alike:
 * {@code create("cosine")} or {@code create("org.pxrd.losses.crosscorrelation", Map.of("width", "0.5"))}.
 * Besides {@code id}, {@code name}, {@code description} and {@code class}, a contribution element carries
 * {@code reference} (the literature) and {@code lowerIsBetter} (default true).
 */
public final class LossRegistry extends ContributionRegistry<LossFunction> {

    /** Extension point id of loss functions. */
    public static final String EXTENSION_POINT = "org.pxrd.losses.lossFunctions";
    /** Attribute naming the literature a loss comes from. */
    public static final String REFERENCE_ATTRIBUTE = "reference";
    /** Attribute saying whether smaller values are better (default true). */
    public static final String LOWER_IS_BETTER_ATTRIBUTE = "lowerIsBetter";

    public LossRegistry(ExtensionSource source) {
        super(source, EXTENSION_POINT, LossFunction.class);
    }

    /** The literature reference of a contribution, or "" when it declares none. */
    public static String reference(Contribution contribution) {
        return contribution.attribute(REFERENCE_ATTRIBUTE).orElse("");
    }

    /**
     * Whether smaller values of the contribution mean better agreement (true unless it declares
     * {@code lowerIsBetter="false"}): an optimiser minimises {@code sign(contribution) * value}.
     */
    public static boolean lowerIsBetter(Contribution contribution) {
        return contribution.attribute(LOWER_IS_BETTER_ATTRIBUTE).map(v -> !v.trim().toLowerCase(Locale.ROOT)
                .equals("false")).orElse(true);
    }

    /** +1 for a loss to minimise, -1 for a figure of merit to maximise. */
    public static double sign(Contribution contribution) {
        return lowerIsBetter(contribution) ? 1 : -1;
    }
}
