package org.pxrd.ui.preferences;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.PatternScaling;
import org.pxrd.diffraction.PeakNormalisation;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrayLine;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * The user's instrument for simulated patterns: the diffraction bundle's {@link InstrumentSettings} (wavelength(s),
 * 2θ grid, pseudo-Voigt profile, normalisation, scaling, tails), stored component by component under the keys
 * {@code instrument.<record component>} of the UI bundle's instance-scope preferences, e.g.
 * {@code instrument.radiation.wavelength=1.54056}, {@code instrument.grid.step=0.01}.
 *
 * <p>Plain keys rather than the record's JSON: reading them needs no JSON library on the workbench's start-up path
 * (Jackson's first use costs about half a second), and a component missing from the store (a settings record that
 * gained one) keeps the study's value while the others are kept. Nothing stored gives {@link #DEFAULT}; stored values
 * the diffraction bundle refuses give {@link #DEFAULT} with a warning in the error log.
 *
 * <p>Views that simulate start from {@link #load()} and may override it per view; listeners registered with
 * {@link #addListener} hear every {@link #store}.
 */
public final class InstrumentPreferences {

    /** Prefix of every key. */
    public static final String KEY = "instrument";
    /** The study's instrument at Cu Kα1 (Segal et al. 2026, supplementary 1.2): what a new workspace starts with. */
    public static final InstrumentSettings DEFAULT = InstrumentSettings.study(Radiation.of(XrayLine.CuKa1));

    static final String WAVELENGTH = KEY + ".radiation.wavelength";
    static final String LINE = KEY + ".radiation.name";
    static final String ALPHA2 = KEY + ".radiation.alpha2Wavelength";
    static final String ALPHA2_RATIO = KEY + ".radiation.alpha2Ratio";
    static final String MIN = KEY + ".grid.min";
    static final String MAX = KEY + ".grid.max";
    static final String STEP = KEY + ".grid.step";
    static final String U = KEY + ".profile.u";
    static final String V = KEY + ".profile.v";
    static final String W = KEY + ".profile.w";
    static final String ETA = KEY + ".profile.eta";
    static final String ZERO = KEY + ".profile.zeroShift";
    static final String NORMALISATION = KEY + ".normalisation";
    static final String SCALING = KEY + ".scaling";
    static final String TAILS = KEY + ".tails";

    private InstrumentPreferences() {
    }

    /** The stored settings, or {@link #DEFAULT}. */
    public static InstrumentSettings load() {
        return load(PxrdUiPlugin.preferences());
    }

    static InstrumentSettings load(IEclipsePreferences node) {
        if (node.get(WAVELENGTH, null) == null) {
            return DEFAULT;
        }
        InstrumentSettings d = DEFAULT;
        try {
            Radiation radiation = new Radiation(node.getDouble(WAVELENGTH, Double.NaN), node.get(LINE, null),
                    node.getDouble(ALPHA2, 0), node.getDouble(ALPHA2_RATIO, 0));
            ProfileParameters p = d.profile();
            ProfileParameters profile = new ProfileParameters(node.getDouble(U, p.u()), node.getDouble(V, p.v()),
                    node.getDouble(W, p.w()), node.getDouble(ETA, p.eta()), node.getDouble(ZERO, p.zeroShift()));
            TwoThetaGrid g = d.grid();
            TwoThetaGrid grid = new TwoThetaGrid(node.getDouble(MIN, g.min()), node.getDouble(MAX, g.max()),
                    node.getDouble(STEP, g.step()));
            return d.withRadiation(radiation).withProfile(profile).withGrid(grid)
                    .withNormalisation(PeakNormalisation.valueOf(node.get(NORMALISATION, d.normalisation().name())))
                    .withScaling(PatternScaling.valueOf(node.get(SCALING, d.scaling().name())))
                    .withTails(TailMode.valueOf(node.get(TAILS, d.tails().name())));
        } catch (IllegalArgumentException e) {
            PxrdUiPlugin.logWarning("stored instrument settings cannot be used (" + e.getMessage()
                    + "); using the study's");
            return DEFAULT;
        }
    }

    /** Stores the settings; listeners hear each key that changed. */
    public static void store(InstrumentSettings s) {
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        Radiation r = s.radiation();
        node.putDouble(WAVELENGTH, r.wavelength());
        if (r.name() == null) {
            node.remove(LINE);
        } else {
            node.put(LINE, r.name());
        }
        node.putDouble(ALPHA2, r.alpha2Wavelength());
        node.putDouble(ALPHA2_RATIO, r.alpha2Ratio());
        node.putDouble(MIN, s.grid().min());
        node.putDouble(MAX, s.grid().max());
        node.putDouble(STEP, s.grid().step());
        ProfileParameters p = s.profile();
        node.putDouble(U, p.u());
        node.putDouble(V, p.v());
        node.putDouble(W, p.w());
        node.putDouble(ETA, p.eta());
        node.putDouble(ZERO, p.zeroShift());
        node.put(NORMALISATION, s.normalisation().name());
        node.put(SCALING, s.scaling().name());
        node.put(TAILS, s.tails().name());
        flush(node);
    }

    /** Forgets the stored settings (back to {@link #DEFAULT}). */
    public static void reset() {
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        try {
            for (String key : node.keys()) {
                if (key.startsWith(KEY + ".")) {
                    node.remove(key);
                }
            }
        } catch (BackingStoreException e) {
            PxrdUiPlugin.logError("cannot reset the instrument preferences: " + e.getMessage(), e);
        }
        flush(node);
    }

    private static void flush(IEclipsePreferences node) {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            PxrdUiPlugin.logError("cannot store the instrument preferences: " + e.getMessage(), e);
        }
    }

    /** Whether a preference key is one of the instrument's. */
    public static boolean isInstrumentKey(String key) {
        return key != null && key.startsWith(KEY + ".");
    }

    /**
     * Calls {@code listener} on every change of a preference of the UI bundle (on the thread that stored it); a
     * store changes several keys ({@link #isInstrumentKey}).
     */
    public static void addListener(IEclipsePreferences.IPreferenceChangeListener listener) {
        PxrdUiPlugin.preferences().addPreferenceChangeListener(listener);
    }

    public static void removeListener(IEclipsePreferences.IPreferenceChangeListener listener) {
        PxrdUiPlugin.preferences().removePreferenceChangeListener(listener);
    }
}
