package org.pxrd.ui.preferences;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * Stores {@link InstrumentSettings} in the UI bundle's instance-scope preferences under keys
 * {@code instrument.*}; missing or unreadable keys fall back to {@link InstrumentSettings#STUDY}.
 */
public final class InstrumentPreferences {

    static final String LINE = "instrument.line";
    static final String WAVELENGTH = "instrument.wavelength";
    static final String U = "instrument.u";
    static final String V = "instrument.v";
    static final String W = "instrument.w";
    static final String ETA = "instrument.eta";
    static final String MIN = "instrument.twoThetaMin";
    static final String MAX = "instrument.twoThetaMax";
    static final String STEP = "instrument.twoThetaStep";

    private InstrumentPreferences() {
    }

    /** The stored settings, or the study's where nothing valid is stored. */
    public static InstrumentSettings load() {
        return load(PxrdUiPlugin.preferences());
    }

    static InstrumentSettings load(IEclipsePreferences node) {
        InstrumentSettings d = InstrumentSettings.STUDY;
        String line = node.get(LINE, d.line());
        InstrumentSettings s = new InstrumentSettings(line == null || line.isBlank() ? null : line,
                node.getDouble(WAVELENGTH, d.wavelength()), node.getDouble(U, d.u()), node.getDouble(V, d.v()),
                node.getDouble(W, d.w()), node.getDouble(ETA, d.eta()), node.getDouble(MIN, d.twoThetaMin()),
                node.getDouble(MAX, d.twoThetaMax()), node.getDouble(STEP, d.twoThetaStep()));
        if (!s.problems().isEmpty()) {
            PxrdUiPlugin.logWarning("stored instrument settings are invalid (" + String.join("; ", s.problems())
                    + "); using the study's");
            return d;
        }
        return s;
    }

    /**
     * Stores valid settings.
     *
     * @throws IllegalArgumentException listing the problems when the settings are invalid (nothing is stored)
     */
    public static void store(InstrumentSettings s) {
        store(PxrdUiPlugin.preferences(), s);
    }

    static void store(IEclipsePreferences node, InstrumentSettings s) {
        if (!s.problems().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", s.problems()));
        }
        node.put(LINE, s.line() == null ? "" : s.line());
        node.putDouble(WAVELENGTH, s.wavelength());
        node.putDouble(U, s.u());
        node.putDouble(V, s.v());
        node.putDouble(W, s.w());
        node.putDouble(ETA, s.eta());
        node.putDouble(MIN, s.twoThetaMin());
        node.putDouble(MAX, s.twoThetaMax());
        node.putDouble(STEP, s.twoThetaStep());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            PxrdUiPlugin.logError("cannot store the instrument preferences: " + e.getMessage(), e);
        }
    }
}
