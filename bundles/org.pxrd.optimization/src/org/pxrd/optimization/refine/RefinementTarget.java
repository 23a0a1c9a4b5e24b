package org.pxrd.optimization.refine;

import java.util.Objects;
import java.util.Optional;

import org.pxrd.diffraction.measured.MeasuredTarget;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

/**
 * What a refinement fits: a structure, whose pattern is simulated with the refinement's own instrument, a pattern on
 * its own 2θ grid (compared by the refinement's loss, e.g. the study's cosine), or a measured pattern the Rietveld
 * way ({@link #measured}: weights, fixed background, raw intensities with a scale factor).
 */
public sealed interface RefinementTarget {

    /** A target structure, simulated with the refinement's instrument (the study's case). */
    static RefinementTarget structure(Structure structure) {
        return new StructureTarget(structure);
    }

    /**
     * A target pattern (2θ in degrees, any intensities). The simulation is made on a grid whose bin centres are the
     * pattern's 2θ values when these are uniform, else on a finer uniform grid interpolated linearly onto them; the
     * wavelength is the refinement instrument's, which must be the pattern's.
     */
    static RefinementTarget pattern(Pattern pattern) {
        return new PatternTarget(pattern);
    }

    /**
     * A measured pattern prepared for a fit ({@link MeasuredTarget}: its points within a 2θ range, weights 1/σ², an
     * optional fixed background). The structure is simulated on the points themselves with raw intensities
     * (no normalisation to a maximum of 1) under the refinement instrument's radiation, which must be the one the
     * pattern was measured with (Kα1 + Kα2 for laboratory tubes); the calculated pattern is y_c = k·y_sim + b with
     * the scale k solved in closed form when {@code scale} is among the refined instrument parameters, else the
     * instrument's. The loss is {@link RefinementOptions#RESIDUAL} (the Rietveld residual) or any contribution of
     * the losses registry applied to (y_c, y_o).
     */
    static RefinementTarget measured(MeasuredTarget target) {
        return new MeasuredPatternTarget(target);
    }

    /** The target structure, when the target is one. */
    Optional<Structure> structure();

    /** A short description for messages. */
    String describe();

    /** A target structure. */
    record StructureTarget(Structure truth) implements RefinementTarget {
        public StructureTarget {
            Objects.requireNonNull(truth, "truth");
        }

        @Override
        public Optional<Structure> structure() {
            return Optional.of(truth);
        }

        @Override
        public String describe() {
            return "structure " + truth.name();
        }
    }

    /** A measured pattern fitted the Rietveld way. */
    record MeasuredPatternTarget(MeasuredTarget measured) implements RefinementTarget {
        public MeasuredPatternTarget {
            Objects.requireNonNull(measured, "measured");
        }

        @Override
        public Optional<Structure> structure() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "measured pattern " + measured.name();
        }
    }

    /** A target pattern. */
    record PatternTarget(Pattern pattern) implements RefinementTarget {
        public PatternTarget {
            Objects.requireNonNull(pattern, "pattern");
        }

        @Override
        public Optional<Structure> structure() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "pattern " + pattern.name();
        }
    }
}
