package org.pxrd.ui.pattern;

import java.nio.file.Path;
import java.util.Objects;

import org.pxrd.diffraction.Radiation;
import org.pxrd.model.Pattern;
import org.pxrd.model.Structure;

/**
 * What the pattern view compares the active structure's simulated pattern with: another structure, simulated with
 * the view's instrument, or a measured pattern with the radiation it was measured with (stated by its file or given
 * by the user: never assumed).
 */
public sealed interface PatternTarget {

    /** The name shown in titles and legends. */
    String name();

    /** The file the target came from, or null. */
    Path file();

    /** Another structure, simulated with the view's instrument. */
    record StructureTarget(String name, Structure structure, Path file) implements PatternTarget {
        public StructureTarget {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(structure, "structure");
        }
    }

    /**
     * A measured pattern (2θ in degrees, intensities as measured) and the radiation it was measured with; the
     * simulation of the active structure uses that radiation and the pattern's 2θ points.
     */
    record MeasuredTarget(String name, Pattern pattern, Radiation radiation, Path file) implements PatternTarget {
        public MeasuredTarget {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(radiation, "radiation");
        }

        /** The same measurement with another radiation (the user corrected the wavelength). */
        public MeasuredTarget withRadiation(Radiation other) {
            return new MeasuredTarget(name, pattern, other, file);
        }
    }
}
