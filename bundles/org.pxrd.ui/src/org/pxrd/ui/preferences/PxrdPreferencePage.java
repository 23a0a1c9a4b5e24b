package org.pxrd.ui.preferences;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** The "PXRD" category of Window &gt; Preferences: a pointer to its pages. */
public class PxrdPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    @Override
    public void init(IWorkbench workbench) {
        noDefaultAndApplyButton();
    }

    @Override
    protected Control createContents(Composite parent) {
        Label text = new Label(parent, SWT.WRAP);
        text.setText("Settings of PXRD Workbench. Instrument: the wavelength, peak profile and 2θ range of "
                + "simulated patterns.");
        return text;
    }
}
