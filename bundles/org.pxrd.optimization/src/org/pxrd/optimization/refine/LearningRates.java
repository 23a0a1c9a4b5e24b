package org.pxrd.optimization.refine;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The learning rate η of each {@link ParameterGroup}: for gradient descent and momentum the step per unit of loss
 * gradient (Å² per loss unit for a, b, c; deg² per loss unit for the angles; fractional units² per loss unit for the
 * coordinates), for Adam the step length itself (Å, degrees, fractional units per step). A refinement needs a rate
 * for every group it refines.
 *
 * <p>The lattice group mixes lengths (Å) and angles (degrees), whose gradients differ by orders of magnitude (a
 * degree of β moves the peaks far less than an Å of a): the optional rate {@value #ANGLES} gives α, β, γ their own
 * rate (deg² per loss unit); without it they take the lattice rate, as in the study's single step θ ← P(θ − η∇f).
 */
public final class LearningRates {

    /** The key of the optional rate of the lattice angles α, β, γ. */
    public static final String ANGLES = "angles";

    private final Map<ParameterGroup, Double> rates;
    private final Double angles;

    private LearningRates(Map<ParameterGroup, Double> rates, Double angles) {
        this.rates = rates;
        this.angles = angles;
    }

    /**
     * From rates by group id ({@code lattice}, {@code coordinates}, {@code profile}) and optionally
     * {@value #ANGLES}, as study files give them.
     *
     * @throws IllegalArgumentException for an unknown group or a rate that is not positive and finite
     */
    public static LearningRates of(Map<String, Double> byGroupId) {
        Map<ParameterGroup, Double> rates = new EnumMap<>(ParameterGroup.class);
        Double angles = null;
        for (Map.Entry<String, Double> e : byGroupId.entrySet()) {
            boolean isAngles = ANGLES.equals(e.getKey() == null ? null : e.getKey().trim());
            String name = isAngles ? ANGLES : ParameterGroup.parse(e.getKey()).id();
            double rate = e.getValue() == null ? Double.NaN : e.getValue();
            if (!(rate > 0 && Double.isFinite(rate))) {
                throw new IllegalArgumentException("the learning rate of " + name + " must be a positive number, "
                        + "got " + e.getValue());
            }
            if (isAngles) {
                angles = rate;
            } else {
                rates.put(ParameterGroup.parse(e.getKey()), rate);
            }
        }
        return new LearningRates(rates, angles);
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

    /** The rates by group id, in group order, then {@value #ANGLES} when given. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        rates.forEach((g, r) -> m.put(g.id(), r));
        if (angles != null) {
            m.put(ANGLES, angles);
        }
        return m;
    }

    /**
     * The rate of every free parameter of a layout, in packed order.
     *
     * @throws IllegalArgumentException naming the first refined group without a rate
     */
    public double[] perParameter(ParameterLayout layout) {
        for (ParameterGroup g : layout.refined()) {
            if (!rates.containsKey(g)) {
                throw new IllegalArgumentException("no learning rate for the refined parameter group '" + g.id()
                        + "' (given: " + asMap().keySet() + ")");
            }
        }
        double[] eta = new double[layout.freeCount()];
        for (int i = 0; i < eta.length; i++) {
            ParameterGroup g = layout.groupOfFree(i);
            boolean angle = g == ParameterGroup.LATTICE && layout.fullIndex(i) >= 3;
            eta[i] = angle && angles != null ? angles : rates.get(g);
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
