package org.pxrd.diffraction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An ordered group of {@link InstrumentParameter}s as one vector: the "instrument" parameter group of a refinement.
 * Immutable and thread-safe. A refinement step over it reads
 * <pre>{@code
 * InstrumentParameters group = InstrumentParameters.parse("zero,scale,W");
 * double[] theta = group.values(session.instrument());               // start
 * ...
 * session.setInstrument(group.apply(session.instrument(), theta));   // set
 * session.computeGradient(dLdy, gradient);
 * group.gradient(gradient, dTheta);                                  // dL/dθ in the group's order
 * theta[i] -= lr[i] * dTheta[i]; group.clamp(theta);                 // step, then the box bounds
 * }</pre>
 * Units are those of {@link InstrumentParameter#unit()}; learning rates per parameter should respect them (a zero
 * shift in degrees and a scale factor of 10⁴ counts differ by orders of magnitude).
 */
public final class InstrumentParameters {

    private final InstrumentParameter[] parameters;

    private InstrumentParameters(InstrumentParameter[] parameters) {
        this.parameters = parameters;
    }

    /**
     * A group of distinct parameters in the given order.
     *
     * @throws IllegalArgumentException for a parameter named twice
     */
    public static InstrumentParameters of(List<InstrumentParameter> parameters) {
        Set<InstrumentParameter> seen = EnumSet.noneOf(InstrumentParameter.class);
        for (InstrumentParameter p : parameters) {
            if (!seen.add(p)) {
                throw new IllegalArgumentException("instrument parameter '" + p.id() + "' is named twice");
            }
        }
        return new InstrumentParameters(parameters.toArray(new InstrumentParameter[0]));
    }

    /** A group of the given parameters in that order. */
    public static InstrumentParameters of(InstrumentParameter... parameters) {
        return of(Arrays.asList(parameters));
    }

    /**
     * Parses a comma-separated list of ids, e.g. {@code zero,scale,W} (blank: the empty group).
     *
     * @throws IllegalArgumentException naming an unknown or repeated id
     */
    public static InstrumentParameters parse(String text) {
        List<InstrumentParameter> list = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String part : text.split(",", -1)) {
                list.add(InstrumentParameter.parse(part));
            }
        }
        return of(list);
    }

    /** The parameters in vector order. */
    public List<InstrumentParameter> parameters() {
        return List.of(parameters);
    }

    /** Number of parameters. */
    public int size() {
        return parameters.length;
    }

    /** The ids in vector order. */
    public List<String> ids() {
        return Arrays.stream(parameters).map(InstrumentParameter::id).toList();
    }

    /** The current values in vector order. */
    public double[] values(InstrumentSettings settings) {
        double[] v = new double[parameters.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = parameters[i].value(settings);
        }
        return v;
    }

    /**
     * The settings with the group's parameters set to {@code values}.
     *
     * @throws IllegalArgumentException for a wrong length, a non-finite value or values the settings refuse (a
     *         profile without positive width on the range: a step too far)
     */
    public InstrumentSettings apply(InstrumentSettings settings, double[] values) {
        checkLength(values);
        InstrumentSettings s = settings;
        for (int i = 0; i < parameters.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("instrument parameter " + parameters[i].id() + " is " + values[i]);
            }
            s = parameters[i].with(s, values[i]);
        }
        return s;
    }

    /** Writes dL/d(parameters) in vector order into {@code out}. */
    public void gradient(XrdGradient gradient, double[] out) {
        checkLength(out);
        for (int i = 0; i < parameters.length; i++) {
            out[i] = parameters[i].derivative(gradient);
        }
    }

    /** Projects the values onto the box bounds of the parameters (η and the Kα2 ratio into [0, 1], k ≥ 0). */
    public void clamp(double[] values) {
        checkLength(values);
        for (int i = 0; i < parameters.length; i++) {
            values[i] = Math.min(parameters[i].upperBound(), Math.max(parameters[i].lowerBound(), values[i]));
        }
    }

    private void checkLength(double[] values) {
        if (values.length != parameters.length) {
            throw new IllegalArgumentException("expected " + parameters.length + " instrument parameter values "
                    + ids() + ", got " + values.length);
        }
    }

    @Override
    public String toString() {
        return String.join(",", ids());
    }
}
