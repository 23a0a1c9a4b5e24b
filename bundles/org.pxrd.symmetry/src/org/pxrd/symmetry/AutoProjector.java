package org.pxrd.symmetry;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Structure;

/**
 * The crystal-family projector of the structure's own space group: the group named by the setting
 * {@code spaceGroup} (number, Hermann-Mauguin or Hall symbol), else the one {@link SymmetryFinder} finds at
 * {@code symprec} Å. Trigonal and hexagonal groups project onto the hexagonal family, R groups whose cell is on
 * rhombohedral axes (a = b = c, α = β = γ ≠ 90°) onto the rhombohedral constraint. The cell must be the
 * conventional cell of its group (as the study's cells are, distorted or not): a cell whose lengths the
 * constraint would change by more than {@link #LENGTH_TOLERANCE} (relative) or whose angles by more than
 * {@link #ANGLE_TOLERANCE} degrees is refused, since projecting, say, a primitive face-centred cubic cell
 * (α = β = γ = 60°) onto cubic parameters would change the crystal.
 */
public final class AutoProjector implements SymmetryProjector {

    /** Largest relative change of a cell length by the constraint: larger means another cell than the conventional. */
    public static final double LENGTH_TOLERANCE = 0.2;
    /** Largest change of a cell angle (degrees) by the constraint; distorted conventional cells stay well within. */
    public static final double ANGLE_TOLERANCE = 10;

    private final String spaceGroup;
    private final double symprec;

    public AutoProjector(String spaceGroup, double symprec) {
        this.spaceGroup = spaceGroup == null ? "" : spaceGroup.trim();
        this.symprec = symprec;
    }

    /** From the settings {@code spaceGroup} (empty: find it) and {@code symprec} (Å). */
    public AutoProjector(Settings settings) {
        this(settings.getString("spaceGroup"), settings.getDouble("symprec"));
    }

    @Override
    public Projection prepare(Structure reference) {
        SpaceGroup group = spaceGroup.isEmpty() ? new SymmetryFinder(symprec, SymmetryFinder.DEFAULT_ANGLE_TOLERANCE)
                .analyze(reference).spaceGroup() : SpaceGroupProjector.named(spaceGroup);
        LatticeConstraint constraint = LatticeConstraint.of(group);
        double[] p = reference.lattice().parameters();
        if (constraint == LatticeConstraint.HEXAGONAL && group.crystalSystem() == CrystalSystem.TRIGONAL
                && Math.abs(p[3] - 90) > ANGLE_TOLERANCE && Math.abs(p[0] - p[2]) < LENGTH_TOLERANCE * p[0]) {
            constraint = LatticeConstraint.RHOMBOHEDRAL;
        }
        double[] q = new double[6];
        constraint.project(p, q);
        for (int i = 0; i < 6; i++) {
            if (Math.abs(p[i] - q[i]) > (i < 3 ? LENGTH_TOLERANCE * p[i] : ANGLE_TOLERANCE)) {
                throw new IllegalArgumentException("the cell of " + reference.name() + " (" + reference.lattice()
                        + ") is not a conventional cell of " + group.shortSymbol() + " (" + constraint.label()
                        + " family); standardize it first");
            }
        }
        return CrystalFamilyProjector.projection(constraint);
    }
}
