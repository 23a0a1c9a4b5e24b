package org.pxrd.optimization.refine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.pxrd.diffraction.ProfileParameters;
import org.pxrd.model.Structure;
import org.pxrd.symmetry.ParameterVector;

/**
 * Where each {@link ParameterGroup} lives in the full parameter vector of a structure of n sites, and which
 * parameters are free (refined). The full vector is every group in enum order:
 * <pre>
 *   [a, b, c, α, β, γ,  x₁, y₁, z₁, ..., xₙ, yₙ, zₙ,  U, V, W, η, Z]
 *    0 .. 5             6 .. 6 + 3n − 1              6 + 3n .. 6 + 3n + 4
 * </pre>
 * whose prefix of 6 + 3n numbers is the symmetry projectors' vector. Optimizers see only the free parameters,
 * packed in this order ({@link #pack}, {@link #unpack}); the others keep their starting values.
 */
public final class ParameterLayout {

    /** Index of the pseudo-Voigt mixing η within the profile group: it is bounded to [0, 1]. */
    private static final int ETA = 3;

    private final int sites;
    private final Set<ParameterGroup> refined;
    private final int[] offsets = new int[ParameterGroup.values().length];
    private final int size;
    private final int[] free;
    private final ParameterGroup[] groupOfFree;

    /**
     * @param sites the number of sites of the structure
     * @param refined the groups that move (at least one)
     * @throws IllegalArgumentException when no group is refined
     */
    public ParameterLayout(int sites, Set<ParameterGroup> refined) {
        if (refined.isEmpty()) {
            throw new IllegalArgumentException("no parameter group to refine");
        }
        this.sites = sites;
        this.refined = Collections.unmodifiableSet(EnumSet.copyOf(refined));
        int offset = 0;
        for (ParameterGroup g : ParameterGroup.values()) {
            offsets[g.ordinal()] = offset;
            offset += g.size(sites);
        }
        this.size = offset;
        List<Integer> indices = new ArrayList<>();
        List<ParameterGroup> groups = new ArrayList<>();
        for (ParameterGroup g : this.refined) {
            for (int i = 0; i < g.size(sites); i++) {
                indices.add(offsets[g.ordinal()] + i);
                groups.add(g);
            }
        }
        this.free = indices.stream().mapToInt(Integer::intValue).toArray();
        this.groupOfFree = groups.toArray(new ParameterGroup[0]);
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
        return size;
    }

    /** Length of the structure part [a..γ, coordinates] that projectors act on: 6 + 3n. */
    public int structureSize() {
        return 6 + 3 * sites;
    }

    /** Index of a group's first parameter in the full vector. */
    public int offset(ParameterGroup group) {
        return offsets[group.ordinal()];
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

    /** Whether full-vector index i is a fractional coordinate (a periodic parameter). */
    public boolean isCoordinate(int i) {
        int start = offset(ParameterGroup.COORDINATES);
        return i >= start && i < start + 3 * sites;
    }

    /** The full vector of a structure (lattice, coordinates as stored) under an instrument profile. */
    public static double[] vector(Structure structure, ProfileParameters profile) {
        int structureSize = 6 + 3 * structure.size();
        double[] v = new double[structureSize + ParameterGroup.PROFILE.size(structure.size())];
        System.arraycopy(ParameterVector.of(structure), 0, v, 0, structureSize);
        System.arraycopy(profile.toArray(), 0, v, structureSize, ProfileParameters.COUNT);
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

    /** Keeps bounded instrument parameters in their range: η ∈ [0, 1]. */
    public void clampBounds(double[] full) {
        int eta = offset(ParameterGroup.PROFILE) + ETA;
        full[eta] = Math.min(1, Math.max(0, full[eta]));
    }

    /** The trace names of the full vector, in order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(size);
        for (ParameterGroup g : ParameterGroup.values()) {
            names.addAll(g.names(sites));
        }
        return names;
    }
}
