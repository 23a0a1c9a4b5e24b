package org.pxrd.optimization.refine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ExtensionSource;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Radiation;
import org.pxrd.examples.Examples;
import org.pxrd.io.StructureFiles;
import org.pxrd.io.StructureFormatException;
import org.pxrd.io.StructureLocation;
import org.pxrd.model.Structure;

/** What the refinement tests share: the environment, the study's instrument and structures, common options. */
final class RefineFixtures {

    static final ExtensionSource SOURCE = ExtensionSources.detect();
    static final RefinementEngine ENGINE = new RefinementEngine(SOURCE);
    /** The study's instrument: Cu Kα1 (1.5406 Å), 2θ 0-90° in 0.01° bins, U, V, W = 0.1, 0.01, 0.1 deg², η = 0.1. */
    static final InstrumentSettings STUDY = InstrumentSettings.study(Radiation.of(1.5406));
    /**
     * The gradient-descent rates of the study presets (calibrated on the check with other seeds): 5e-4 Å² per
     * loss unit for a, b, c, 0.3 deg² per loss unit for α, β, γ.
     */
    static final LearningRates LATTICE_RATES = LearningRates.of(Map.of("lattice", 5e-4, "angles", 0.3));

    private RefineFixtures() {
    }

    /** The study structure (conventional cell) whose file name contains {@code part}, e.g. {@code MnCo}. */
    static Structure study(String part) {
        for (Path p : Examples.studyStructures()) {
            if (p.getFileName().toString().contains(part)) {
                try {
                    return new StructureFiles(SOURCE).read(StructureLocation.of(p)).get(0);
                } catch (StructureFormatException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException("no study structure named like " + part);
    }

    /** The study's lattice refinement: cosine loss, the family projector, gradient descent, the given stop rule. */
    static RefinementOptions latticeOptions(StopRule stop) {
        return RefinementOptions.study("cosine", "auto", Set.of(ParameterGroup.LATTICE), LATTICE_RATES).withStop(stop);
    }

    static Refinement prepare(RefinementOptions options) {
        try {
            return ENGINE.prepare(options, STUDY);
        } catch (ContributionException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Largest |p_k − q_k| / |q_k| over the six lattice parameters. */
    static double worstRelativeError(double[] p, double[] q) {
        double worst = 0;
        for (int k = 0; k < 6; k++) {
            worst = Math.max(worst, Math.abs(p[k] - q[k]) / Math.abs(q[k]));
        }
        return worst;
    }
}
