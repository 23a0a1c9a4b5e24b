package org.pxrd.ui.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pxrd.ui.PxrdUiPlugin;

/** The instrument preferences: the plain settings value, its storage in the instance scope and the page. */
class InstrumentPreferencesTest {

    @AfterEach
    void reset() throws Exception {
        IEclipsePreferences node = PxrdUiPlugin.preferences();
        for (String key : node.keys()) {
            if (key.startsWith("instrument.")) {
                node.remove(key);
            }
        }
        node.flush();
    }

    @Test
    void withNothingStoredTheStudysInstrumentIsUsed() {
        InstrumentSettings s = InstrumentPreferences.load();
        assertThat(s).isEqualTo(InstrumentSettings.STUDY);
        assertThat(s.wavelength()).isEqualTo(1.54056);
        assertThat(s.describeWavelength()).isEqualTo("λ = 1.54056 Å (CuKa1)");
        assertThat((s.twoThetaMax() - s.twoThetaMin()) / s.twoThetaStep()).isEqualTo(9000.0);
    }

    @Test
    void settingsRoundTripThroughTheInstanceScope() {
        InstrumentSettings typed = new InstrumentSettings(null, 1.2345, 0.2, -0.05, 0.3, 0.4, 5, 120, 0.02);
        InstrumentPreferences.store(typed);
        assertThat(InstanceScope.INSTANCE.getNode(PxrdUiPlugin.ID).getDouble(InstrumentPreferences.WAVELENGTH, 0))
                .isEqualTo(1.2345);
        assertThat(InstrumentPreferences.load()).isEqualTo(typed);
        InstrumentSettings mo = typed.withLine(XRayLine.MoKa1);
        InstrumentPreferences.store(mo);
        assertThat(InstrumentPreferences.load()).isEqualTo(mo);
        assertThat(InstrumentPreferences.load().wavelength()).isEqualTo(0.7093);
    }

    @Test
    void invalidSettingsAreNamedAndNeverStored() {
        InstrumentSettings s = InstrumentSettings.STUDY;
        assertThat(s.withWavelength(0).problems()).containsExactly("wavelength 0.0 Å must be positive and finite");
        assertThat(new InstrumentSettings(null, 1.5, 0.1, 0.01, 0.1, 1.5, 0, 90, 0.01).problems())
                .containsExactly("η = 1.5 must lie in [0, 1]");
        assertThat(new InstrumentSettings(null, 1.5, 0.1, 0.01, 0.1, 0.5, 50, 40, 0.01).problems()).hasSize(2);
        assertThat(new InstrumentSettings("CuKa1", 1.6, 0.1, 0.01, 0.1, 0.5, 0, 90, 0.01).problems()).hasSize(1);
        assertThatThrownBy(() -> InstrumentPreferences.store(s.withWavelength(Double.NaN)))
                .hasMessageContaining("wavelength NaN");
        assertThat(InstrumentPreferences.load()).isEqualTo(s);
    }

    @Test
    void thePageValidatesWhatIsTypedAndStoresItOnOk() {
        Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        InstrumentPreferencePage page = new InstrumentPreferencePage();
        try {
            page.init(PlatformUI.getWorkbench());
            page.createControl(shell);
            assertThat(page.isValid()).isTrue();
            assertThat(page.wavelengthField().getText()).isEqualTo("1.54056");
            assertThat(page.wavelengthField().getEnabled()).isFalse();

            page.sourceField().select(XRayLine.values().length); // other wavelength
            page.sourceField().notifyListeners(SWT.Selection, new Event());
            assertThat(page.wavelengthField().getEnabled()).isTrue();
            page.wavelengthField().setText("-1");
            assertThat(page.isValid()).isFalse();
            assertThat(page.getErrorMessage()).contains("wavelength -1.0 Å must be positive");
            page.wavelengthField().setText("abc");
            assertThat(page.getErrorMessage()).isEqualTo("wavelength: 'abc' is not a number");
            page.wavelengthField().setText("1.3");
            page.etaField().setText("0.25");
            assertThat(page.isValid()).isTrue();
            assertThat(page.performOk()).isTrue();
            InstrumentSettings stored = InstrumentPreferences.load();
            assertThat(stored.line()).isNull();
            assertThat(stored.wavelength()).isEqualTo(1.3);
            assertThat(stored.eta()).isEqualTo(0.25);

            page.sourceField().select(XRayLine.MoKa1.ordinal());
            page.sourceField().notifyListeners(SWT.Selection, new Event());
            assertThat(page.wavelengthField().getText()).isEqualTo("0.7093");
            assertThat(page.performOk()).isTrue();
            assertThat(InstrumentPreferences.load().line()).isEqualTo("MoKa1");
        } finally {
            page.dispose();
            shell.dispose();
        }
    }
}
