package org.pxrd.ui.refine;

import java.util.Objects;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.model.Structure;
import org.pxrd.optimization.refine.RefinementTarget;
import org.pxrd.ui.pattern.PatternTarget;
import org.pxrd.ui.pattern.PatternTarget.MeasuredTarget;
import org.pxrd.ui.pattern.PatternTarget.StructureTarget;

/**
 * One refinement as the view starts it: the start structure (the active editor's, as it was when Run was pressed),
 * the target, the form's settings and the instrument.
 *
 * @param start the start structure
 * @param startName the start's editor title
 * @param target a structure (simulated with {@code instrument}) or a measured pattern (with its own radiation and
 *        2θ points)
 * @param settings the form's settings
 * @param instrument the preferences' instrument (its radiation is replaced by a measured target's)
 */
public record RefinementRequest(Structure start, String startName, PatternTarget target, RefinementSettings settings,
        InstrumentSettings instrument) {

    public RefinementRequest {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(instrument, "instrument");
    }

    /** The engine's target. */
    public RefinementTarget refinementTarget() {
        return switch (target) {
            case StructureTarget s -> RefinementTarget.structure(s.structure());
            case MeasuredTarget m -> RefinementTarget.pattern(m.pattern());
        };
    }

    /** The instrument of the run: a measured target's radiation, else the given instrument's. */
    public InstrumentSettings runInstrument() {
        return target instanceof MeasuredTarget m ? instrument.withRadiation(m.radiation()) : instrument;
    }

    /** The target structure, or null for a measured pattern. */
    public Structure targetStructure() {
        return target instanceof StructureTarget s ? s.structure() : null;
    }
}
