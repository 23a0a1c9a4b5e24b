package org.pxrd.symmetry;

import java.util.Arrays;
import java.util.List;

/**
 * Identifies a crystallographic point group from its rotation matrices by counting the rotation types
 * (International Tables Vol. A, Table 1.2.1.1; the method of R. W. Grosse-Kunstleve, Acta Cryst. A55 (1999) 383,
 * also used by spglib). A rotation's type follows from its determinant and trace: proper rotations 1, 2, 3, 4, 6
 * have traces 3, −1, 0, 1, 2; improper −1, m, −3, −4, −6 have traces −3, 1, 0, −1, −2.
 */
final class PointGroups {

    /** Order of the type counts: −6, −4, −3, m, −1, 1, 2, 3, 4, 6. */
    private static final List<Object[]> TABLE = List.of(
            new Object[] {"1", new int[] {0, 0, 0, 0, 0, 1, 0, 0, 0, 0}},
            new Object[] {"-1", new int[] {0, 0, 0, 0, 1, 1, 0, 0, 0, 0}},
            new Object[] {"2", new int[] {0, 0, 0, 0, 0, 1, 1, 0, 0, 0}},
            new Object[] {"m", new int[] {0, 0, 0, 1, 0, 1, 0, 0, 0, 0}},
            new Object[] {"2/m", new int[] {0, 0, 0, 1, 1, 1, 1, 0, 0, 0}},
            new Object[] {"222", new int[] {0, 0, 0, 0, 0, 1, 3, 0, 0, 0}},
            new Object[] {"mm2", new int[] {0, 0, 0, 2, 0, 1, 1, 0, 0, 0}},
            new Object[] {"mmm", new int[] {0, 0, 0, 3, 1, 1, 3, 0, 0, 0}},
            new Object[] {"4", new int[] {0, 0, 0, 0, 0, 1, 1, 0, 2, 0}},
            new Object[] {"-4", new int[] {0, 2, 0, 0, 0, 1, 1, 0, 0, 0}},
            new Object[] {"4/m", new int[] {0, 2, 0, 1, 1, 1, 1, 0, 2, 0}},
            new Object[] {"422", new int[] {0, 0, 0, 0, 0, 1, 5, 0, 2, 0}},
            new Object[] {"4mm", new int[] {0, 0, 0, 4, 0, 1, 1, 0, 2, 0}},
            new Object[] {"-42m", new int[] {0, 2, 0, 2, 0, 1, 3, 0, 0, 0}},
            new Object[] {"4/mmm", new int[] {0, 2, 0, 5, 1, 1, 5, 0, 2, 0}},
            new Object[] {"3", new int[] {0, 0, 0, 0, 0, 1, 0, 2, 0, 0}},
            new Object[] {"-3", new int[] {0, 0, 2, 0, 1, 1, 0, 2, 0, 0}},
            new Object[] {"32", new int[] {0, 0, 0, 0, 0, 1, 3, 2, 0, 0}},
            new Object[] {"3m", new int[] {0, 0, 0, 3, 0, 1, 0, 2, 0, 0}},
            new Object[] {"-3m", new int[] {0, 0, 2, 3, 1, 1, 3, 2, 0, 0}},
            new Object[] {"6", new int[] {0, 0, 0, 0, 0, 1, 1, 2, 0, 2}},
            new Object[] {"-6", new int[] {2, 0, 0, 1, 0, 1, 0, 2, 0, 0}},
            new Object[] {"6/m", new int[] {2, 0, 2, 1, 1, 1, 1, 2, 0, 2}},
            new Object[] {"622", new int[] {0, 0, 0, 0, 0, 1, 7, 2, 0, 2}},
            new Object[] {"6mm", new int[] {0, 0, 0, 6, 0, 1, 1, 2, 0, 2}},
            new Object[] {"-6m2", new int[] {2, 0, 0, 4, 0, 1, 3, 2, 0, 0}},
            new Object[] {"6/mmm", new int[] {2, 0, 2, 7, 1, 1, 7, 2, 0, 2}},
            new Object[] {"23", new int[] {0, 0, 0, 0, 0, 1, 3, 8, 0, 0}},
            new Object[] {"m-3", new int[] {0, 0, 8, 3, 1, 1, 3, 8, 0, 0}},
            new Object[] {"432", new int[] {0, 0, 0, 0, 0, 1, 9, 8, 6, 0}},
            new Object[] {"-43m", new int[] {0, 6, 0, 6, 0, 1, 3, 8, 0, 0}},
            new Object[] {"m-3m", new int[] {0, 6, 8, 9, 1, 1, 9, 8, 6, 0}});

    private PointGroups() {
    }

    /**
     * The rotation type: 1, 2, 3, 4, 6 for proper rotations, −1, −2 (a mirror), −3, −4, −6 for improper ones;
     * 0 when the matrix is no crystallographic rotation.
     */
    static int type(int[][] r) {
        int det = IntMatrix.det(r);
        int trace = IntMatrix.trace(r);
        if (det == 1) {
            return switch (trace) {
                case 3 -> 1;
                case -1 -> 2;
                case 0 -> 3;
                case 1 -> 4;
                case 2 -> 6;
                default -> 0;
            };
        }
        if (det == -1) {
            return switch (trace) {
                case -3 -> -1;
                case 1 -> -2;
                case 0 -> -3;
                case -1 -> -4;
                case -2 -> -6;
                default -> 0;
            };
        }
        return 0;
    }

    /** The Hermann-Mauguin symbol of the point group of these rotations, or null when they form none. */
    static String symbol(List<int[][]> rotations) {
        int[] counts = new int[10];
        int[] types = {-6, -4, -3, -2, -1, 1, 2, 3, 4, 6};
        for (int[][] r : rotations) {
            int t = type(r);
            int index = -1;
            for (int i = 0; i < types.length; i++) {
                if (types[i] == t) {
                    index = i;
                }
            }
            if (index < 0) {
                return null;
            }
            counts[index]++;
        }
        for (Object[] row : TABLE) {
            if (Arrays.equals((int[]) row[1], counts)) {
                return (String) row[0];
            }
        }
        return null;
    }

    /** The crystal family of a point group symbol. */
    static CrystalFamily family(String symbol) {
        return switch (symbol) {
            case "1", "-1" -> CrystalFamily.TRICLINIC;
            case "2", "m", "2/m" -> CrystalFamily.MONOCLINIC;
            case "222", "mm2", "mmm" -> CrystalFamily.ORTHORHOMBIC;
            case "4", "-4", "4/m", "422", "4mm", "-42m", "4/mmm" -> CrystalFamily.TETRAGONAL;
            case "23", "m-3", "432", "-43m", "m-3m" -> CrystalFamily.CUBIC;
            default -> CrystalFamily.HEXAGONAL;
        };
    }

    /** The proper rotation of a rotation or rotoinversion: R when det R = 1, −R otherwise. */
    static int[][] proper(int[][] r) {
        return IntMatrix.det(r) == 1 ? r : IntMatrix.negate(r);
    }

    /** The primitive integer vector v along the axis of a proper rotation other than the identity (R·v = v). */
    static int[] axis(int[][] rotation) {
        int[][] m = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = rotation[i][j] - (i == j ? 1 : 0);
            }
        }
        int[] best = null;
        for (int i = 0; i < 3 && best == null; i++) {
            for (int j = i + 1; j < 3 && best == null; j++) {
                int[] c = {m[i][1] * m[j][2] - m[i][2] * m[j][1], m[i][2] * m[j][0] - m[i][0] * m[j][2],
                    m[i][0] * m[j][1] - m[i][1] * m[j][0]};
                if (c[0] != 0 || c[1] != 0 || c[2] != 0) {
                    best = c;
                }
            }
        }
        if (best == null) {
            return null;
        }
        int g = IntMatrix.gcd(IntMatrix.gcd(best[0], best[1]), best[2]);
        return new int[] {best[0] / g, best[1] / g, best[2] / g};
    }
}
