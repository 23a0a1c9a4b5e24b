package org.pxrd.ui.pattern;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.ui.preferences.InstrumentForm;
import org.pxrd.ui.preferences.InstrumentPreferences;

/**
 * The instrument of one pattern view: the same fields as the preferences ({@link InstrumentForm}), starting from
 * what the view uses now. With a measured target the wavelength is the measurement's (changing it corrects the
 * measurement's radiation) and the 2θ step is the measurement's. "Use Preferences" drops the view's own settings.
 */
final class InstrumentDialog extends TitleAreaDialog {

    /** Button id of "Use Preferences". */
    static final int USE_PREFERENCES = IDialogConstants.CLIENT_ID + 1;

    private final InstrumentSettings shown;
    private final boolean measured;
    private InstrumentForm form;
    private InstrumentSettings chosen;

    InstrumentDialog(Shell parent, InstrumentSettings shown, boolean measured) {
        super(parent);
        this.shown = shown;
        this.measured = measured;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Instrument of this pattern view");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Instrument");
        setMessage(measured ? "The wavelength and 2θ points are the measurement's; the profile and the 2θ range "
                + "apply to the simulation." : "Overrides the preferences (Window > Preferences > PXRD > Instrument) "
                + "for this view.");
        form = new InstrumentForm(area, this::validate);
        form.show(shown);
        form.setStepEditable(!measured);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, USE_PREFERENCES, "Use Preferences", false);
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        if (form == null) {
            return;
        }
        String problem = form.problem();
        setErrorMessage(problem);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == USE_PREFERENCES) {
            form.show(InstrumentPreferences.load());
            setReturnCode(USE_PREFERENCES);
            chosen = null;
            close();
            return;
        }
        super.buttonPressed(id);
    }

    @Override
    protected void okPressed() {
        chosen = form.typed();
        super.okPressed();
    }

    /** The settings typed (after OK), or null. */
    InstrumentSettings chosen() {
        return chosen;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    /** The form (for tests). */
    InstrumentForm form() {
        return form;
    }
}
