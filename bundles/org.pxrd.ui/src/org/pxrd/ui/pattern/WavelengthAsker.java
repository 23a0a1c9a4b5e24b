package org.pxrd.ui.pattern;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.pxrd.diffraction.Radiation;

/**
 * Asks the user for the radiation of a measured pattern whose file does not state it: the workbench never assumes
 * one (no silent Cu Kα).
 */
@FunctionalInterface
public interface WavelengthAsker {

    /**
     * The radiation the pattern was measured with.
     *
     * @param fileName the pattern's file name, for the question
     * @return the radiation, or null when the user cancels (the pattern is then not opened)
     */
    Radiation ask(Shell shell, String fileName);

    /** A dialog taking a wavelength in Å or a line name ({@code CuKa1}, {@code CuKa}, {@code MoKa1}, ...). */
    WavelengthAsker DIALOG = (shell, fileName) -> {
        InputDialog dialog = new InputDialog(shell, "Wavelength of " + fileName,
                fileName + " does not state the X-ray wavelength it was measured with.\n"
                        + "Wavelength in Å (e.g. 1.5406) or a line name (CuKa1, CuKa, MoKa1, CoKa1, ...):",
                "", text -> {
                    try {
                        Radiation.parse(text);
                        return null;
                    } catch (IllegalArgumentException e) {
                        return text.isBlank() ? "a wavelength is needed to compare the pattern with a simulation"
                                : e.getMessage();
                    }
                }) {
            @Override
            protected void createButtonsForButtonBar(org.eclipse.swt.widgets.Composite parent) {
                super.createButtonsForButtonBar(parent);
                getButton(IDialogConstants.OK_ID).setText("Open");
            }
        };
        return dialog.open() == Window.OK ? Radiation.parse(dialog.getValue()) : null;
    };
}
