package org.pxrd.optimization.refine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pxrd.diffraction.InstrumentParameter;
import org.pxrd.diffraction.InstrumentParameters;
import org.pxrd.diffraction.InstrumentSettings;
import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.model.Structure;
import org.pxrd.symmetry.ParameterVector;

/**
 * Where each {@link ParameterGroup} lives in the full parameter vector of a structure of n sites, and which
 * parameters are free (refined). The full vector is the structure part, then the instrument block:
 * <pre>
 *   [a, b, c, α, β, γ,  x₁, y₁, z₁, ..., xₙ, yₙ, zₙ,  U, V, W, η, Z,  extra instrument parameters]
 *    0 .. 5             6 .. 6 + 3n − 1              6 + 3n .. 6 + 3n + 4
 * </pre>
 * whose prefix of 6 + 3n numbers is the symmetry projectors' vector. The instrument block
 * ({@link #instrument()}) is {@link #PROFILE_PARAMETERS} followed by the parameters of the {@link ParameterGroup#INSTRUMENT}
 * selection that are not among them (scale, displacement, Kα2 ratio), in their given order; without such a
 * selection the vector is the study's [structure, U, V, W, η, Z]. Optimizers see only the free parameters, packed in
 * the order of the full vector ({@link #pack}, {@link #unpack}); the others keep their starting values.
 *
 * <p>The scale factor, when selected, is not free: against a measured pattern it is solved in closed form at every
 * evaluation (see {@link Objective}), so it has a place in the block (its value is reported) but no learning rate.
 */
public final class ParameterLayout {

    /** The instrument parameters of the {@link ParameterGroup#PROFILE} group, in order: U, V, W, η, zero shift. */
    public static final InstrumentParameters PROFILE_PARAMETERS = InstrumentParameters.of(InstrumentParameter.U,
            InstrumentParameter.V, InstrumentParameter.W, InstrumentParameter.ETA, InstrumentParameter.ZERO);

    private final int sites;
    private final Set<ParameterGroup> refined;
    private final InstrumentParameters selection;
    private final InstrumentParameters block;
    private final int blockOffset;
    private final ParameterGroup[] groupOf;
    private final int[] free;
    private final ParameterGroup[] groupOfFree;

    /** A layout without an instrument selection (the study's: the instrument block is U, V, W, η, Z). */
    public ParameterLayout(int sites, Set<ParameterGroup> refined) {
        this(sites, refined, InstrumentParameters.of());
    }

    /**
     * @param sites the number of sites of the structure
     * @param refined the groups that move (at least one)
     * @param instrument the parameters of the {@link ParameterGroup#INSTRUMENT} group (ignored when it is not refined;
     *         the group is empty without parameters)
     * @throws IllegalArgumentException when no group is refined, or the profile and the instrument group are refined
     *         with a parameter in common
     */
    public ParameterLayout(int sites, Set<ParameterGroup> refined, InstrumentParameters instrument) {
        if (refined.isEmpty()) {
            throw new IllegalArgumentException("no parameter group to refine");
        }
        this.sites = sites;
        this.refined = Collections.unmodifiableSet(EnumSet.copyOf(refined));
        boolean refinesInstrument = refined.contains(ParameterGroup.INSTRUMENT);
        this.selection = refinesInstrument ? instrument : InstrumentParameters.of();
        List<InstrumentParameter> all = new ArrayList<>(PROFILE_PARAMETERS.parameters());
        for (InstrumentParameter p : selection.parameters()) {
            if (PROFILE_PARAMETERS.parameters().contains(p)) {
                if (refined.contains(ParameterGroup.PROFILE)) {
                    throw new IllegalArgumentException("instrument parameter " + p.id() + " is refined twice: in the "
                            + "profile group (U, V, W, eta, zero) and in the instrument group; name it once");
                }
            } else {
                all.add(p);
            }
        }
        this.block = InstrumentParameters.of(all);
        this.blockOffset = 6 + 3 * sites;
        int size = blockOffset + block.size();
        this.groupOf = new ParameterGroup[size];
        for (int i = 0; i < size; i++) {
            groupOf[i] = i < 6 ? ParameterGroup.LATTICE : i < blockOffset ? ParameterGroup.COORDINATES
                    : selection.parameters().contains(block.parameters().get(i - blockOffset))
                            ? ParameterGroup.INSTRUMENT : ParameterGroup.PROFILE;
        }
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (this.refined.contains(groupOf[i]) && !(i >= blockOffset && isSolved(i))) {
                indices.add(i);
            }
        }
        this.free = indices.stream().mapToInt(Integer::intValue).toArray();
        this.groupOfFree = new ParameterGroup[free.length];
        for (int i = 0; i < free.length; i++) {
            groupOfFree[i] = groupOf[free[i]];
        }
    }

    private boolean isSolved(int fullIndex) {
        return block.parameters().get(fullIndex - blockOffset) == InstrumentParameter.SCALE;
    }

    public int sites() {
        return sites;
    }

    /** The refined groups. */
    public Set<ParameterGroup> refined() {
        return refined;
    }

    public boolean isRefined(ParameterGroup group) {
        return refined.contains(group);
    }

    /** Length of the full vector. */
    public int size() {
        return groupOf.length;
    }

    /** Length of the structure part [a..γ, coordinates] that projectors act on: 6 + 3n. */
    public int structureSize() {
        return blockOffset;
    }

    /** The instrument block of the full vector, from index {@link #structureSize()} on. */
    public InstrumentParameters instrument() {
        return block;
    }

    /** The parameters of the {@link ParameterGroup#INSTRUMENT} group (empty when it is not refined). */
    public InstrumentParameters instrumentSelection() {
        return selection;
    }

    /** Whether the scale factor is selected: it is then solved in closed form rather than stepped. */
    public boolean solvesScale() {
        return selection.parameters().contains(InstrumentParameter.SCALE);
    }

    /** Number of entries of a group in the full vector. */
    public int size(ParameterGroup group) {
        int n = 0;
        for (ParameterGroup g : groupOf) {
            n += g == group ? 1 : 0;
        }
        return n;
    }

    /** Index of a group's first parameter in the full vector (−1 for an instrument group without parameters). */
    public int offset(ParameterGroup group) {
        for (int i = 0; i < groupOf.length; i++) {
            if (groupOf[i] == group) {
                return i;
            }
        }
        return -1;
    }

    /** Whether full-vector index i is free (refined and not solved in closed form). */
    public boolean isFree(int i) {
        return java.util.Arrays.binarySearch(free, i) >= 0;
    }

    /** Number of free parameters. */
    public int freeCount() {
        return free.length;
    }

    /** The index in the full vector of free parameter i. */
    public int fullIndex(int i) {
        return free[i];
    }

    /** The group of free parameter i. */
    public ParameterGroup groupOfFree(int i) {
        return groupOfFree[i];
    }

    /** The instrument parameter at full-vector index i, or null in the structure part. */
    public InstrumentParameter instrumentParameter(int i) {
        return i < blockOffset ? null : block.parameters().get(i - blockOffset);
    }

    /** Whether full-vector index i is a fractional coordinate (a periodic parameter). */
    public boolean isCoordinate(int i) {
        return i >= 6 && i < blockOffset;
    }

    /** The study's full vector of a structure (lattice, coordinates as stored) under an instrument profile. */
    public static double[] vector(Structure structure, ProfileParameters profile) {
        int structureSize = 6 + 3 * structure.size();
        double[] v = new double[structureSize + ProfileParameters.COUNT];
        System.arraycopy(ParameterVector.of(structure), 0, v, 0, structureSize);
        System.arraycopy(profile.toArray(), 0, v, structureSize, ProfileParameters.COUNT);
        return v;
    }

    /** The full vector of this layout: the structure (lattice, coordinates as stored), the instrument's values. */
    public double[] vector(Structure structure, InstrumentSettings instrument) {
        double[] v = new double[size()];
        System.arraycopy(ParameterVector.of(structure), 0, v, 0, blockOffset);
        System.arraycopy(block.values(instrument), 0, v, blockOffset, block.size());
        return v;
    }

    /** The instrument block of a full vector. */
    public double[] instrumentValues(double[] full) {
        double[] v = new double[block.size()];
        System.arraycopy(full, blockOffset, v, 0, v.length);
        return v;
    }

    /** Copies the free parameters of a full vector into {@code packed}. */
    public void pack(double[] full, double[] packed) {
        for (int i = 0; i < free.length; i++) {
            packed[i] = full[free[i]];
        }
    }

    /** Writes the free parameters into a full vector, leaving the others as they are. */
    public void unpack(double[] packed, double[] full) {
        for (int i = 0; i < free.length; i++) {
            full[free[i]] = packed[i];
        }
    }

    /** Keeps the instrument parameters within their box bounds (η and the Kα2 ratio in [0, 1], scale ≥ 0). */
    public void clampBounds(double[] full) {
        for (int i = 0; i < block.size(); i++) {
            InstrumentParameter p = block.parameters().get(i);
            double v = full[blockOffset + i];
            full[blockOffset + i] = Math.min(p.upperBound(), Math.max(p.lowerBound(), v));
        }
    }

    /**
     * The trace names of the full vector, in order: {@code a_A ... gamma_deg}, {@code x1, y1, z1, ...}, then each
     * instrument parameter's id with its unit ({@code U_deg2, V_deg2, W_deg2, eta, zero_deg, scale,
     * displacement_mm, alpha2Ratio}).
     */
    public List<String> names() {
        List<String> names = new ArrayList<>(size());
        names.addAll(List.of("a_A", "b_A", "c_A", "alpha_deg", "beta_deg", "gamma_deg"));
        for (int i = 1; i <= sites; i++) {
            names.add("x" + i);
            names.add("y" + i);
            names.add("z" + i);
        }
        for (InstrumentParameter p : block.parameters()) {
            names.add(p.unit().isEmpty() ? p.id() : p.id() + "_" + p.unit().replace("^", "").toLowerCase(Locale.ROOT));
        }
        return names;
    }
}
