package org.pxrd.optimization.refine;

import java.util.Objects;
import java.util.Optional;

import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

/**
 * What a refinement fits: a structure, whose pattern is simulated with the refinement's own instrument, or a
 * measured pattern on its own 2θ grid.
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
