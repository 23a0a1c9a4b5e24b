package org.pxrd.ui.preferences;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.osgi.service.prefs.BackingStoreException;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.XrayLine;
import org.pxrd.ui.PxrdUiPlugin;
import org.pxrd.ui.services.JsonText;

/**
 * The user's instrument for simulated patterns: the diffraction bundle's {@link InstrumentSettings} (wavelength(s),
 * 2θ grid, pseudo-Voigt profile, normalisation, scaling, tails), stored as its JSON form under the key {@value #KEY}
 * of the UI bundle's instance-scope preferences. Nothing stored, or a stored value that no longer reads (a hand
 * edit, a settings record that gained a field), gives {@link #DEFAULT}, the latter with a warning in the error
 * log.
 *
 * <p>Views that simulate start from {@link #load()} and may override it per view; listeners registered with
 * {@link #addListener} hear every {@link #store}.
 */
public final class InstrumentPreferences {

    /** Preference key of the JSON form. */
    public static final String KEY = "instrument";
    /** The study's instrument at Cu Kα1 (Segal et al. 2026, supplementary 1.2): what a new workspace starts with. */
    public static final InstrumentSettings DEFAULT = InstrumentSettings.study(Radiation.of(XrayLine.CuKa1));

    private InstrumentPreferences() {
    }

    /** The stored settings, or {@link #DEFAULT}. */
    public static InstrumentSettings load() {
        return load(PxrdUiPlugin.preferences());
    }

    static InstrumentSettings load(IEclipsePreferences node) {
        String stored = node.get(KEY, null);
        if (stored == null || stored.isBlank()) {
            return DEFAULT;
        }
        try {
            return fromJson(stored);
        } catch (IllegalArgumentException e) {
            PxrdUiPlugin.logWarning("stored instrument settings cannot be used (" + e.getMessage()
                    + "); using the study's");
            return DEFAULT;
        }
    }

    /** Stores the settings and tells the listeners. */
    public static void store(InstrumentSettings settings) {
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        node.put(KEY, toJson(settings));
        try {
            node.flush();
        } catch (BackingStoreException e) {
            PxrdUiPlugin.logError("cannot store the instrument preferences: " + e.getMessage(), e);
        }
    }

    /** Forgets the stored settings (back to {@link #DEFAULT}). */
    public static void reset() {
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        node.remove(KEY);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            PxrdUiPlugin.logError("cannot reset the instrument preferences: " + e.getMessage(), e);
        }
    }

    /** Calls {@code listener} on every change of the stored settings (on the thread that stored them). */
    public static void addListener(IEclipsePreferences.IPreferenceChangeListener listener) {
        PxrdUiPlugin.preferences().addPreferenceChangeListener(listener);
    }

    public static void removeListener(IEclipsePreferences.IPreferenceChangeListener listener) {
        PxrdUiPlugin.preferences().removePreferenceChangeListener(listener);
    }

    /** The JSON form of settings (the record as Jackson writes it). */
    static String toJson(InstrumentSettings settings) {
        return JsonText.of(settings);
    }

    /**
     * Settings from their JSON form.
     *
     * @throws IllegalArgumentException with the first problem when the text is no valid settings
     */
    static InstrumentSettings fromJson(String json) {
        return JsonText.read(json, InstrumentSettings.class);
    }
}
