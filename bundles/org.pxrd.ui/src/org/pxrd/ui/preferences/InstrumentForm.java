package org.pxrd.ui.preferences;

import java.math.BigDecimal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.diffraction.Radiation;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.XrayLine;

/**
 * The fields of an instrument, shared by the preference page and the pattern view's own settings: the X-ray source
 * (a named line of {@link XrayLine} or a wavelength λ in Å, and optionally a second line λ₂ with its intensity
 * ratio), the pseudo-Voigt profile U, V, W (deg²), η and the zero shift (degrees 2θ), and the 2θ range and step
 * (degrees). What the fields do not show (normalisation, scaling, tails) is kept from the settings last shown.
 * Values are checked by the diffraction bundle's records themselves: {@link #problem()} is their message.
 */
public final class InstrumentForm {

    private static final String OTHER = "Other wavelength";
    private static final XrayLine[] LINES = XrayLine.values();

    private final Runnable changed;
    private final Combo source;
    private final Text wavelength;
    private final Text alpha2;
    private final Text alpha2Ratio;
    private final Text u;
    private final Text v;
    private final Text w;
    private final Text eta;
    private final Text zero;
    private final Text min;
    private final Text max;
    private final Text step;
    private InstrumentSettings base = InstrumentPreferences.DEFAULT;
    private boolean showing;

    /**
     * @param parent where the fields go (three columns: label, field, unit)
     * @param changed called after every change of a field
     */
    public InstrumentForm(Composite parent, Runnable changed) {
        this.changed = changed;
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(c, SWT.NONE).setText("X-ray source:");
        source = new Combo(c, SWT.READ_ONLY);
        for (XrayLine line : LINES) {
            source.add(line.name() + " (" + plain(line.wavelength()) + " Å)");
        }
        source.add(OTHER);
        source.setVisibleItemCount(12);
        source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        wavelength = field(c, "Wavelength λ:", "Å");
        alpha2 = field(c, "Second line λ₂ (Kα2):", "Å (empty: one line)");
        alpha2Ratio = field(c, "λ₂/λ intensity ratio:", "0..1");
        u = field(c, "U:", "deg²");
        v = field(c, "V:", "deg²");
        w = field(c, "W:", "deg²");
        eta = field(c, "η (Gaussian weight):", "0..1");
        zero = field(c, "Zero shift:", "° 2θ");
        min = field(c, "2θ from:", "°");
        max = field(c, "2θ to:", "°");
        step = field(c, "2θ step:", "°");
        source.addListener(SWT.Selection, e -> {
            int i = source.getSelectionIndex();
            if (i < LINES.length) {
                wavelength.setText(plain(LINES[i].wavelength()));
            }
            wavelength.setEnabled(i == LINES.length);
            fire();
        });
    }

    private Text field(Composite parent, String label, String unit) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER | SWT.RIGHT);
        GridData data = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        data.widthHint = 100;
        text.setLayoutData(data);
        new Label(parent, SWT.NONE).setText(unit);
        text.addListener(SWT.Modify, e -> fire());
        return text;
    }

    private void fire() {
        if (!showing) {
            changed.run();
        }
    }

    /** Shows settings in the fields. */
    public void show(InstrumentSettings s) {
        showing = true;
        try {
            base = s;
            Radiation r = s.radiation();
            int line = lineIndex(r);
            source.select(line < 0 ? LINES.length : line);
            wavelength.setEnabled(line < 0);
            wavelength.setText(plain(r.wavelength()));
            alpha2.setText(r.hasAlpha2() ? plain(r.alpha2Wavelength()) : "");
            alpha2Ratio.setText(plain(r.hasAlpha2() ? r.alpha2Ratio() : Radiation.DEFAULT_ALPHA2_RATIO));
            ProfileParameters p = s.profile();
            u.setText(plain(p.u()));
            v.setText(plain(p.v()));
            w.setText(plain(p.w()));
            eta.setText(plain(p.eta()));
            zero.setText(plain(p.zeroShift()));
            min.setText(plain(s.grid().min()));
            max.setText(plain(s.grid().max()));
            step.setText(plain(s.grid().step()));
        } finally {
            showing = false;
        }
        changed.run();
    }

    /** The index of the named line of a source in {@link #LINES}, or -1 for a typed wavelength. */
    private static int lineIndex(Radiation r) {
        if (r.name() == null) {
            return -1;
        }
        return XrayLine.find(r.name()).filter(l -> l.wavelength() == r.wavelength()).map(Enum::ordinal).orElse(-1);
    }

    /**
     * The settings typed in the fields.
     *
     * @throws IllegalArgumentException naming the first field that is not a number or the first value the
     *         diffraction bundle refuses
     */
    public InstrumentSettings typed() {
        int i = source.getSelectionIndex();
        Radiation r = i >= 0 && i < LINES.length ? Radiation.of(LINES[i])
                : Radiation.of(number("wavelength", wavelength));
        if (!alpha2.getText().isBlank()) {
            r = r.withAlpha2(number("second line λ₂", alpha2), number("λ₂/λ intensity ratio", alpha2Ratio));
        }
        ProfileParameters profile = new ProfileParameters(number("U", u), number("V", v), number("W", w),
                number("η", eta), number("zero shift", zero));
        double from = number("2θ from", min);
        double to = number("2θ to", max);
        double by = number("2θ step", step);
        if (!step.getEnabled() && to > from && by > 0) {
            by = (to - from) / Math.max(1, Math.rint((to - from) / by)); // a measurement's points fix the step
        }
        TwoThetaGrid grid = new TwoThetaGrid(from, to, by);
        return base.withRadiation(r).withProfile(profile).withGrid(grid);
    }

    /** What is wrong with the typed settings (one line), or null when they are valid. */
    public String problem() {
        try {
            typed();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static double number(String name, Text text) {
        String t = text.getText().strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + t + "' is not a number");
        }
    }

    /**
     * Whether the user may change the 2θ step (not when a measured pattern fixes it: the range then only cuts the
     * measurement, and {@link #typed()} rounds the step so that the range is a whole number of steps).
     */
    public void setStepEditable(boolean editable) {
        step.setEnabled(editable);
    }

    /** Whether the 2θ step can be changed. */
    public boolean stepEditable() {
        return step.getEnabled();
    }

    /** The shortest decimal of a value, without exponent or trailing zeros. */
    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The text field of λ (for tests). */
    public Text wavelengthField() {
        return wavelength;
    }

    /** The text field of η (for tests). */
    public Text etaField() {
        return eta;
    }

    /** The text field of the 2θ upper end (for tests). */
    public Text maxField() {
        return max;
    }

    /** The text field of U (for tests). */
    public Text uField() {
        return u;
    }

    /** The X-ray source chooser (for tests). */
    public Combo sourceField() {
        return source;
    }
}
