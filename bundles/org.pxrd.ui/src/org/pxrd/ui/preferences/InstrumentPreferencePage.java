package org.pxrd.ui.preferences;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/**
 * Window &gt; Preferences &gt; PXRD &gt; Instrument: the wavelength (a named X-ray line or a value in Å), the
 * pseudo-Voigt profile U, V, W (deg²) and η, and the 2θ range and step (degrees) of simulated patterns. Stored in
 * the instance scope through {@link InstrumentPreferences}; invalid input disables OK and names the problem.
 */
public class InstrumentPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    /** Page id. */
    public static final String ID = "org.pxrd.ui.preferences.instrument";

    private static final String OTHER = "Other wavelength";

    private Combo source;
    private Text wavelength;
    private Text u;
    private Text v;
    private Text w;
    private Text eta;
    private Text min;
    private Text max;
    private Text step;

    @Override
    public void init(IWorkbench workbench) {
        setDescription("Instrument of simulated patterns (pseudo-Voigt profile of the study, "
                + "FWHM² = U tan²θ + V tanθ + W, η the Gaussian weight).");
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        new Label(c, SWT.NONE).setText("X-ray source:");
        source = new Combo(c, SWT.READ_ONLY);
        for (XRayLine line : XRayLine.values()) {
            source.add(line.name() + " (" + plain(line.wavelength()) + " Å)");
        }
        source.add(OTHER);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        wavelength = field(c, "Wavelength λ:", "Å");
        u = field(c, "U:", "deg²");
        v = field(c, "V:", "deg²");
        w = field(c, "W:", "deg²");
        eta = field(c, "η (Gaussian weight):", "0..1");
        min = field(c, "2θ from:", "°");
        max = field(c, "2θ to:", "°");
        step = field(c, "2θ step:", "°");
        show(InstrumentPreferences.load());
        source.addListener(SWT.Selection, e -> {
            int i = source.getSelectionIndex();
            if (i < XRayLine.values().length) {
                wavelength.setText(plain(XRayLine.values()[i].wavelength()));
            }
            wavelength.setEnabled(i == XRayLine.values().length);
            validate();
        });
        return c;
    }

    private Text field(Composite parent, String label, String unit) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.RIGHT);
        GridData data = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        data.widthHint = 100;
        text.setLayoutData(data);
        new Label(parent, SWT.NONE).setText(unit);
        text.addListener(SWT.Modify, e -> validate());
        return text;
    }

    private void show(InstrumentSettings s) {
        int lineIndex = s.line() == null ? -1 : XRayLine.named(s.line()).map(Enum::ordinal).orElse(-1);
        source.select(lineIndex < 0 ? XRayLine.values().length : lineIndex);
        wavelength.setEnabled(lineIndex < 0);
        wavelength.setText(plain(s.wavelength()));
        u.setText(plain(s.u()));
        v.setText(plain(s.v()));
        w.setText(plain(s.w()));
        eta.setText(plain(s.eta()));
        min.setText(plain(s.twoThetaMin()));
        max.setText(plain(s.twoThetaMax()));
        step.setText(plain(s.twoThetaStep()));
        validate();
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The settings typed in the page; throws IllegalArgumentException naming a field that is not a number. */
    InstrumentSettings typed() {
        int i = source.getSelectionIndex();
        String line = i >= 0 && i < XRayLine.values().length ? XRayLine.values()[i].name() : null;
        return new InstrumentSettings(line, number("wavelength", wavelength), number("U", u), number("V", v),
                number("W", w), number("η", eta), number("2θ from", min), number("2θ to", max),
                number("2θ step", step));
    }

    private static double number(String name, Text text) {
        try {
            return Double.parseDouble(text.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + text.getText().strip() + "' is not a number");
        }
    }

    private void validate() {
        if (step == null) {
            return; // still building the page
        }
        String problem;
        try {
            List<String> problems = typed().problems();
            problem = problems.isEmpty() ? null : problems.get(0);
        } catch (IllegalArgumentException e) {
            problem = e.getMessage();
        }
        setErrorMessage(problem);
        setValid(problem == null);
    }

    @Override
    protected void performDefaults() {
        show(InstrumentSettings.STUDY);
        super.performDefaults();
    }

    @Override
    public boolean performOk() {
        if (!isValid()) {
            return false;
        }
        InstrumentPreferences.store(typed());
        return true;
    }

    /** The text field of the wavelength (for tests). */
    Text wavelengthField() {
        return wavelength;
    }

    /** The text field of η (for tests). */
    Text etaField() {
        return eta;
    }

    /** The X-ray source chooser (for tests). */
    Combo sourceField() {
        return source;
    }
}
