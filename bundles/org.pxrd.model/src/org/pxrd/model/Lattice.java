package org.pxrd.model;

import java.util.Arrays;

/**
 * A crystal lattice: lengths a, b, c in Å and angles α (between b and c), β (a, c), γ (a, b) in degrees, and the
 * equivalent 3x3 matrix whose <em>rows</em> are the lattice vectors a, b, c in Cartesian Å.
 *
 * <p>From parameters, the vectors follow pymatgen's {@code Lattice.from_parameters} orientation (c along z,
 * a in the xz plane), with γ* the reciprocal angle:
 * <pre>
 *   cos γ* = (cos α cos β − cos γ) / (sin α sin β)
 *   a = (a sin β, 0, a cos β)
 *   b = (−b sin α cos γ*, b sin α sin γ*, b cos α)
 *   c = (0, 0, c)
 * </pre>
 * A fractional coordinate row vector f maps to Cartesian r = f·M; the metric tensor is G = M·Mᵀ and the volume
 * V = |det M| = abc·√(1 − cos²α − cos²β − cos²γ + 2 cos α cos β cos γ).
 *
 * <p>Instances are immutable and always valid: lengths finite and positive, angles in (0°, 180°), and the
 * three angles able to close a cell (the square root above is real and positive).
 */
public final class Lattice {

    /** Smallest accepted V/(abc): below it the three vectors are practically coplanar. */
    public static final double MIN_NORMALISED_VOLUME = 1e-6;

    private final double[][] matrix;
    private final double[][] inverse;
    private final double a;
    private final double b;
    private final double c;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double volume;

    private Lattice(double[][] m) {
        this.matrix = m;
        this.inverse = Matrix3.inverse(m);
        this.a = Matrix3.norm(m[0]);
        this.b = Matrix3.norm(m[1]);
        this.c = Matrix3.norm(m[2]);
        this.alpha = angle(m[1], m[2]);
        this.beta = angle(m[0], m[2]);
        this.gamma = angle(m[0], m[1]);
        this.volume = Math.abs(Matrix3.det(m));
    }

    /**
     * A lattice from its parameters (Å, degrees).
     *
     * @throws InvalidModelException naming the parameter that cannot describe a cell
     */
    public static Lattice fromParameters(double a, double b, double c, double alpha, double beta, double gamma) {
        checkLength("a", a);
        checkLength("b", b);
        checkLength("c", c);
        checkAngle("alpha", alpha);
        checkAngle("beta", beta);
        checkAngle("gamma", gamma);
        double ca = cosd(alpha);
        double cb = cosd(beta);
        double cg = cosd(gamma);
        double sa = sind(alpha);
        double sb = sind(beta);
        double normalised = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        if (!(normalised > MIN_NORMALISED_VOLUME * MIN_NORMALISED_VOLUME)) {
            throw new InvalidModelException(String.format(
                    "angles alpha=%s beta=%s gamma=%s do not form a cell (each angle must be less than the sum of "
                            + "the other two, and their sum less than 360 degrees)", alpha, beta, gamma));
        }
        double cosGammaStar = clamp((ca * cb - cg) / (sa * sb));
        double sinGammaStar = Math.sqrt(1 - cosGammaStar * cosGammaStar);
        double[][] m = {
                {a * sb, 0, a * cb},
                {-b * sa * cosGammaStar, b * sa * sinGammaStar, b * ca},
                {0, 0, c}};
        return fromMatrix(m);
    }

    /** A lattice from parameters {a, b, c, α, β, γ}. */
    public static Lattice fromParameters(double[] parameters) {
        if (parameters.length != 6) {
            throw new InvalidModelException("a lattice needs 6 parameters (a b c alpha beta gamma), got "
                    + parameters.length);
        }
        return fromParameters(parameters[0], parameters[1], parameters[2], parameters[3], parameters[4],
                parameters[5]);
    }

    /**
     * A lattice from a 3x3 matrix whose rows are the lattice vectors in Å. The matrix is copied.
     *
     * @throws InvalidModelException when an entry is not finite or the vectors are (nearly) coplanar
     */
    public static Lattice fromMatrix(double[][] rows) {
        if (rows.length != 3 || rows[0].length != 3 || rows[1].length != 3 || rows[2].length != 3) {
            throw new InvalidModelException("a lattice matrix must be 3x3");
        }
        double[][] m = new double[3][];
        for (int i = 0; i < 3; i++) {
            m[i] = rows[i].clone();
            for (double v : m[i]) {
                if (!Double.isFinite(v)) {
                    throw new InvalidModelException("lattice matrix has a non-finite entry: " + Arrays.deepToString(rows));
                }
            }
        }
        double lengths = Matrix3.norm(m[0]) * Matrix3.norm(m[1]) * Matrix3.norm(m[2]);
        if (!(lengths > 0) || !(Math.abs(Matrix3.det(m)) > MIN_NORMALISED_VOLUME * lengths)) {
            throw new InvalidModelException("lattice vectors " + Arrays.deepToString(rows)
                    + " span no volume (zero length or coplanar)");
        }
        return new Lattice(m);
    }

    /** A cubic lattice with edge {@code a} in Å. */
    public static Lattice cubic(double a) {
        return fromParameters(a, a, a, 90, 90, 90);
    }

    private static void checkLength(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidModelException("lattice length " + name + " = " + v + " Å must be positive and finite");
        }
    }

    private static void checkAngle(String name, double v) {
        if (!(v > 0 && v < 180)) {
            throw new InvalidModelException("lattice angle " + name + " = " + v
                    + " degrees must lie strictly between 0 and 180");
        }
    }

    public double a() {
        return a;
    }

    public double b() {
        return b;
    }

    public double c() {
        return c;
    }

    /** α in degrees: the angle between b and c. */
    public double alpha() {
        return alpha;
    }

    /** β in degrees: the angle between a and c. */
    public double beta() {
        return beta;
    }

    /** γ in degrees: the angle between a and b. */
    public double gamma() {
        return gamma;
    }

    /** {a, b, c, α, β, γ} in Å and degrees. */
    public double[] parameters() {
        return new double[] {a, b, c, alpha, beta, gamma};
    }

    /** Volume in Å³. */
    public double volume() {
        return volume;
    }

    /** A copy of the matrix with the lattice vectors as rows (Å). */
    public double[][] matrix() {
        return Matrix3.copy(matrix);
    }

    /** Metric tensor G = M·Mᵀ (Å²): G[i][j] = a_i · a_j. */
    public double[][] metricTensor() {
        double[][] g = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                g[i][j] = Matrix3.dot(matrix[i], matrix[j]);
            }
        }
        return g;
    }

    /**
     * The crystallographic reciprocal lattice (no 2π): rows a*, b*, c* with a_i · a*_j = δ_ij, in Å⁻¹. Its matrix
     * is (M⁻¹)ᵀ. A reflection hkl has g = h a* + k b* + l c* and d = 1/|g|.
     */
    public Lattice reciprocalCrystallographic() {
        return fromMatrix(Matrix3.transpose(inverse));
    }

    /** The physicist's reciprocal lattice, 2π times {@link #reciprocalCrystallographic()}, in Å⁻¹. */
    public Lattice reciprocal() {
        double[][] r = Matrix3.transpose(inverse);
        for (double[] row : r) {
            for (int j = 0; j < 3; j++) {
                row[j] *= 2 * Math.PI;
            }
        }
        return fromMatrix(r);
    }

    /** Cartesian position (Å) of a fractional coordinate: r = f·M. */
    public double[] toCartesian(double[] frac) {
        return Matrix3.multiply(frac, matrix);
    }

    /** Fractional coordinate of a Cartesian position (Å): f = r·M⁻¹. */
    public double[] toFractional(double[] cart) {
        return Matrix3.multiply(cart, inverse);
    }

    /** This lattice with every length multiplied by the cube root of {@code factor} (volume scaled by it). */
    public Lattice scaleVolume(double factor) {
        double s = Math.cbrt(factor);
        double[][] m = matrix();
        for (double[] row : m) {
            for (int j = 0; j < 3; j++) {
                row[j] *= s;
            }
        }
        return fromMatrix(m);
    }

    /** Whether the parameters agree within {@code lengthTol} Å and {@code angleTol} degrees. */
    public boolean parametersEqual(Lattice other, double lengthTol, double angleTol) {
        double[] p = parameters();
        double[] q = other.parameters();
        for (int i = 0; i < 6; i++) {
            if (Math.abs(p[i] - q[i]) > (i < 3 ? lengthTol : angleTol)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return String.format("Lattice[a=%.6f b=%.6f c=%.6f Å, alpha=%.4f beta=%.4f gamma=%.4f°]", a, b, c, alpha,
                beta, gamma);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && Arrays.deepEquals(matrix, l.matrix);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(matrix);
    }

    private static double angle(double[] u, double[] v) {
        return Math.toDegrees(Math.acos(clamp(Matrix3.dot(u, v) / (Matrix3.norm(u) * Matrix3.norm(v)))));
    }

    private static double clamp(double x) {
        return Math.max(-1, Math.min(1, x));
    }

    private static double cosd(double deg) {
        // exact values for the right angles crystallography is full of
        return deg == 90 ? 0 : Math.cos(Math.toRadians(deg));
    }

    private static double sind(double deg) {
        return deg == 90 ? 1 : Math.sin(Math.toRadians(deg));
    }
}
