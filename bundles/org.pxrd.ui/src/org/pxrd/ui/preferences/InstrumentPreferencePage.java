package org.pxrd.ui.preferences;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window &gt; Preferences &gt; PXRD &gt; Instrument: the instrument of simulated patterns ({@link InstrumentForm}:
 * wavelength(s), pseudo-Voigt U, V, W, η and zero shift, 2θ range and step), stored through
 * {@link InstrumentPreferences}. Invalid input disables OK and names the problem; Restore Defaults shows the
 * study's instrument.
 */
public class InstrumentPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** Page id. */
    public static final String ID = "org.pxrd.ui.preferences.instrument";

    private InstrumentForm form;

    @Override
    public void init(IWorkbench workbench) {
        setDescription("Instrument of simulated patterns (pseudo-Voigt profile of the study, "
                + "FWHM² = U tan²θ + V tanθ + W, η the Gaussian weight). A pattern view can override it.");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        form = new InstrumentForm(c, this::validate);
        form.show(InstrumentPreferences.load());
        return c;
    }

    private void validate() {
        if (form == null) {
            return; // still building the page
        }
        String problem = form.problem();
        setErrorMessage(problem);
        setValid(problem == null);
    }

    @Override
    protected void performDefaults() {
        form.show(InstrumentPreferences.DEFAULT);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (!isValid()) {
            return false;
        }
        InstrumentPreferences.store(form.typed());
        return true;
    }

    /** The fields (for tests). */
    InstrumentForm form() {
        return form;
    }
}
