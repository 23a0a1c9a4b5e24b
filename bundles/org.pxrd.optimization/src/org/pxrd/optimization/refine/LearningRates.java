package org.pxrd.optimization.refine;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.pxrd.diffraction.InstrumentParameter;

/**
 * The learning rate η of each {@link ParameterGroup}: for gradient descent and momentum the step per unit of loss
 * gradient (Å² per loss unit for a, b, c; deg² per loss unit for the angles; fractional units² per loss unit for the
 * coordinates), for Adam the step length itself (Å, degrees, fractional units per step); for L-BFGS the diagonal
 * preconditioner. A refinement needs a rate for every group it refines.
 *
 * <p>The lattice group mixes lengths (Å) and angles (degrees), whose gradients differ by orders of magnitude (a
 * degree of β moves the peaks far less than an Å of a): the optional rate {@value #ANGLES} gives α, β, γ their own
 * rate (deg² per loss unit); without it they take the lattice rate, as in the study's single step θ ← P(θ − η∇f).
 * Likewise the instrument groups mix units (a zero shift in degrees, W in deg², η without unit): a rate keyed by an
 * instrument parameter's id ({@code zero}, {@code W}, {@code eta}, ...: {@code InstrumentParameter}) overrides its
 * group's rate for that parameter.
 */
public final class LearningRates {

    /** The key of the optional rate of the lattice angles α, β, γ. */
    public static final String ANGLES = "angles";

    private final Map<ParameterGroup, Double> rates;
    private final Double angles;
    private final Map<InstrumentParameter, Double> instrument;

    private LearningRates(Map<ParameterGroup, Double> rates, Double angles, Map<InstrumentParameter, Double> instrument) {
        this.rates = rates;
        this.angles = angles;
        this.instrument = instrument;
    }

    /**
     * From rates by group id ({@code lattice}, {@code coordinates}, {@code profile}, {@code instrument}), optionally
     * {@value #ANGLES} and instrument parameter ids ({@code zero}, {@code W}, ...), as study files give them.
     *
     * @throws IllegalArgumentException for an unknown key or a rate that is not positive and finite
     */
    public static LearningRates of(Map<String, Double> byGroupId) {
        Map<ParameterGroup, Double> rates = new EnumMap<>(ParameterGroup.class);
        Map<InstrumentParameter, Double> instrument = new EnumMap<>(InstrumentParameter.class);
        Double angles = null;
        for (Map.Entry<String, Double> e : byGroupId.entrySet()) {
            String key = e.getKey() == null ? "" : e.getKey().trim();
            double rate = e.getValue() == null ? Double.NaN : e.getValue();
            if (!(rate > 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("the learning rate of " + key + " must be a positive number, "
                        + "got " + e.getValue());
            }
            if (ANGLES.equals(key)) {
                angles = rate;
                continue;
            }
            try {
                rates.put(ParameterGroup.parse(key), rate);
            } catch (IllegalArgumentException notAGroup) {
                try {
                    instrument.put(InstrumentParameter.parse(key), rate);
                } catch (IllegalArgumentException notAParameter) {
                    throw new IllegalArgumentException("unknown learning rate key '" + key + "': a parameter group "
                            + "(lattice, coordinates, profile, instrument), " + ANGLES + " or an instrument parameter "
                            + "(scale, zero, displacement, U, V, W, eta, alpha2Ratio)", notAParameter);
                }
            }
        }
        return new LearningRates(rates, angles, instrument);
    }

    /** One group's rate. */
    public static LearningRates of(ParameterGroup group, double rate) {
        return of(Map.of(group.id(), rate));
    }

    /** These rates with one group's rate set. */
    public LearningRates with(ParameterGroup group, double rate) {
        return with(group.id(), rate);
    }

    /** These rates with the rate of a group id or of {@value #ANGLES} set. */
    public LearningRates with(String key, double rate) {
        Map<String, Double> copy = asMap();
        copy.put(key, rate);
        return of(copy);
    }

    /** The rate of the lattice angles, when given apart from the lattice rate. */
    public Optional<Double> angleRate() {
        return Optional.ofNullable(angles);
    }

    /** The rate of a group, when given. */
    public Optional<Double> rate(ParameterGroup group) {
        return Optional.ofNullable(rates.get(group));
    }

    /** The rate of one instrument parameter, when given apart from its group's. */
    public Optional<Double> rate(InstrumentParameter parameter) {
        return Optional.ofNullable(instrument.get(parameter));
    }

    /** The rates by group id, in group order, then {@value #ANGLES}, then instrument parameters, when given. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        rates.forEach((g, r) -> m.put(g.id(), r));
        if (angles != null) {
            m.put(ANGLES, angles);
        }
        instrument.forEach((p, r) -> m.put(p.id(), r));
        return m;
    }

    /**
     * The rate of every free parameter of a layout, in packed order.
     *
     * @throws IllegalArgumentException naming the first refined group without a rate
     */
    public double[] perParameter(ParameterLayout layout) {
        double[] eta = new double[layout.freeCount()];
        for (int i = 0; i < eta.length; i++) {
            ParameterGroup g = layout.groupOfFree(i);
            int full = layout.fullIndex(i);
            InstrumentParameter p = layout.instrumentParameter(full);
            boolean angle = g == ParameterGroup.LATTICE && full >= 3;
            Double rate = angle && angles != null ? angles : p != null && instrument.containsKey(p)
                    ? instrument.get(p) : rates.get(g);
            if (rate == null) {
                throw new IllegalArgumentException("no learning rate for the refined parameter group '" + g.id()
                        + "'" + (p == null ? "" : " (parameter " + p.id() + ")") + " (given: " + asMap().keySet()
                        + ")");
            }
            eta[i] = rate;
        }
        return eta;
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LearningRates other && other.asMap().equals(asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }
}
