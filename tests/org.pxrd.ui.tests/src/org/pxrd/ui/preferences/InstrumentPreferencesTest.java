package org.pxrd.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TailMode;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrayLine;
import org.pxrd.ui.PxrdUiPlugin;

/**
 * The instrument preferences: the diffraction bundle's {@link InstrumentSettings} stored component by component in
 * the instance scope, and the page that edits them.
 */
class InstrumentPreferencesTest {

    @AfterEach
    void reset() {
        InstrumentPreferences.reset();
    }

    @Test
    void withNothingStoredTheStudysInstrumentIsUsed() {
        InstrumentSettings s = InstrumentPreferences.load();
        assertThat(s).isEqualTo(InstrumentSettings.study(Radiation.parse("CuKa1")));
        assertThat(s.radiation().wavelength()).isEqualTo(1.54056);
        assertThat(s.radiation().describe()).isEqualTo("1.54056 Å (CuKa1)");
        assertThat(s.grid().bins()).isEqualTo(9000);
        assertThat(s.profile()).isEqualTo(ProfileParameters.STUDY);
    }

    @Test
    void settingsRoundTripThroughTheInstanceScopeComponentByComponent() {
        InstrumentSettings typed = InstrumentPreferences.DEFAULT.withRadiation(Radiation.of(1.2345).withAlpha2(1.25,
                0.4)).withProfile(new ProfileParameters(0.2, -0.05, 0.3, 0.4, 0.02))
                .withGrid(new TwoThetaGrid(5, 120, 0.02)).withTails(TailMode.EXACT);
        InstrumentPreferences.store(typed);
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(PxrdUiPlugin.ID);
        assertThat(node.getDouble("instrument.radiation.wavelength", 0)).isEqualTo(1.2345);
        assertThat(node.getDouble("instrument.radiation.alpha2Wavelength", 0)).isEqualTo(1.25);
        assertThat(node.getDouble("instrument.grid.step", 0)).isEqualTo(0.02);
        assertThat(node.get("instrument.tails", "")).isEqualTo("EXACT");
        assertThat(InstrumentPreferences.load()).isEqualTo(typed);

        InstrumentSettings mo = typed.withRadiation(Radiation.of(XrayLine.MoKa1));
        InstrumentPreferences.store(mo);
        assertThat(InstrumentPreferences.load()).isEqualTo(mo);
        assertThat(InstrumentPreferences.load().radiation().name()).isEqualTo("MoKa1");
        // a component missing from the store (a record that gained one) keeps the study's value, the others theirs
        node.remove("instrument.profile.eta");
        assertThat(InstrumentPreferences.load()).isEqualTo(mo.withProfile(new ProfileParameters(0.2, -0.05, 0.3,
                ProfileParameters.STUDY.eta(), 0.02)));
    }

    @Test
    void storedSettingsTheDiffractionBundleRefusesFallBackToTheStudysAndListenersHearStores() {
        InstrumentPreferences.store(InstrumentPreferences.DEFAULT.withRadiation(Radiation.of(1.3)));
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        node.putDouble("instrument.radiation.wavelength", -1);
        assertThat(InstrumentPreferences.load()).isEqualTo(InstrumentPreferences.DEFAULT);
        node.putDouble("instrument.radiation.wavelength", 1.3);
        node.put("instrument.grid.max", "ninety");
        assertThat(InstrumentPreferences.load().grid().max()).as("an unreadable number keeps the study's").isEqualTo(90);
        node.put("instrument.tails", "SOMETIMES");
        assertThat(InstrumentPreferences.load()).isEqualTo(InstrumentPreferences.DEFAULT);

        List<String> heard = new ArrayList<>();
        IEclipsePreferences.IPreferenceChangeListener listener = e -> heard.add(e.getKey());
        InstrumentPreferences.addListener(listener);
        try {
            InstrumentPreferences.store(InstrumentPreferences.DEFAULT.withRadiation(Radiation.of(XrayLine.CoKa1)));
        } finally {
            InstrumentPreferences.removeListener(listener);
        }
        assertThat(heard).contains("instrument.radiation.wavelength").allMatch(InstrumentPreferences::isInstrumentKey);
    }

    @Test
    void thePageValidatesWhatIsTypedAndStoresItOnOk() {
        Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        InstrumentPreferencePage page = new InstrumentPreferencePage();
        try {
            page.init(PlatformUI.getWorkbench());
            page.createControl(shell);
            InstrumentForm form = page.form();
            assertThat(page.isValid()).isTrue();
            assertThat(form.wavelengthField().getText()).isEqualTo("1.54056");
            assertThat(form.wavelengthField().getEnabled()).isFalse();
            assertThat(form.sourceField().getItem(form.sourceField().getSelectionIndex())).startsWith("CuKa1");

            form.sourceField().select(XrayLine.values().length); // other wavelength
            form.sourceField().notifyListeners(SWT.Selection, new Event());
            assertThat(form.wavelengthField().getEnabled()).isTrue();
            form.wavelengthField().setText("-1");
            assertThat(page.isValid()).isFalse();
            assertThat(page.getErrorMessage()).contains("wavelength -1.0 Å must be positive");
            form.wavelengthField().setText("abc");
            assertThat(page.getErrorMessage()).isEqualTo("wavelength: 'abc' is not a number");
            form.wavelengthField().setText("1.3");
            form.etaField().setText("1.5");
            assertThat(page.getErrorMessage()).contains("eta = 1.5 must lie in [0, 1]");
            form.etaField().setText("0.25");
            form.maxField().setText("200");
            assertThat(page.getErrorMessage()).contains("0 <= min < max < 180");
            form.maxField().setText("100");
            assertThat(page.isValid()).isTrue();
            assertThat(page.performOk()).isTrue();
            InstrumentSettings stored = InstrumentPreferences.load();
            assertThat(stored.radiation().name()).isNull();
            assertThat(stored.radiation().wavelength()).isEqualTo(1.3);
            assertThat(stored.profile().eta()).isEqualTo(0.25);
            assertThat(stored.grid().max()).isEqualTo(100);

            form.sourceField().select(XrayLine.MoKa1.ordinal());
            form.sourceField().notifyListeners(SWT.Selection, new Event());
            assertThat(form.wavelengthField().getText()).isEqualTo("0.7093");
            assertThat(page.performOk()).isTrue();
            assertThat(InstrumentPreferences.load().radiation()).isEqualTo(Radiation.of(XrayLine.MoKa1));

            page.performDefaults();
            assertThat(form.typed()).isEqualTo(InstrumentPreferences.DEFAULT);
        } finally {
            page.dispose();
            shell.dispose();
        }
    }
}
