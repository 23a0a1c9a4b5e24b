package org.pxrd.symmetry;

import org.pxrd.core.extensions.Settings;
import org.pxrd.model.Structure;

/**
 * Projects the lattice parameters onto a crystal family ({@link LatticeConstraint}: cubic, hexagonal, tetragonal,
 * orthorhombic, monoclinic, triclinic, or rhombohedral axes) and leaves the coordinates unchanged: the study's
 * symmetry constraint. Setting {@code family}.
 */
public final class CrystalFamilyProjector implements SymmetryProjector {

    private final LatticeConstraint constraint;

    public CrystalFamilyProjector(LatticeConstraint constraint) {
        this.constraint = constraint;
    }

    /** From the contribution's settings: {@code family} (cubic, hexagonal, ...). */
    public CrystalFamilyProjector(Settings settings) {
        this(LatticeConstraint.parse(settings.getString("family")));
    }

    public LatticeConstraint constraint() {
        return constraint;
    }

    @Override
    public Projection prepare(Structure reference) {
        return projection(constraint);
    }

    /** The projection of the lattice by a constraint, coordinates copied unchanged. */
    static Projection projection(LatticeConstraint constraint) {
        return (in, out) -> {
            if (out != in) {
                System.arraycopy(in, ParameterVector.COORDINATES, out, ParameterVector.COORDINATES,
                        in.length - ParameterVector.COORDINATES);
            }
            constraint.project(in, out);
        };
    }
}
