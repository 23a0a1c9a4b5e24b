package org.pxrd.ui.pattern;

import java.util.Objects;

import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.model.Structure;

/**
 * One computation of the pattern view: the active structure (or none), the view's instrument, its target (or none)
 * and the loss to evaluate between them. Each edit, instrument change or target change makes a new request; only
 * the newest one is computed.
 *
 * @param structure the active structure, or null
 * @param structureName its title (the editor's), or null
 * @param instrument the instrument of the view (the preferences, or the view's own settings)
 * @param cropToInstrumentRange whether a measured target is cut to the instrument's 2θ range (the user set a
 *        range in the view); otherwise it is used whole
 * @param target the target, or null
 * @param lossId the id of the loss contribution to evaluate
 */
public record PatternRequest(Structure structure, String structureName, InstrumentSettings instrument,
        boolean cropToInstrumentRange, PatternTarget target, String lossId) {

    public PatternRequest {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(lossId, "lossId");
    }
}
