package org.pxrd.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * A crystallographic symmetry operation in fractional coordinates, x' = R·x + t, with an integer rotation
 * part R and a translation t. Parsed from and written as the Jones-faithful form used by CIF files
 * ({@code x,y,z}, {@code -x+1/2,y,1/2-z}, {@code x-y,x,z+0.25}).
 */
public final class SymmetryOperation {

    private final int[][] rotation;
    private final double[] translation;

    /** An operation; the translation is kept as given (not reduced modulo 1). */
    public SymmetryOperation(int[][] rotation, double[] translation) {
        if (rotation.length != 3 || translation.length != 3) {
            throw new IllegalArgumentException("a symmetry operation needs a 3x3 rotation and a 3-vector translation");
        }
        this.rotation = new int[][] {rotation[0].clone(), rotation[1].clone(), rotation[2].clone()};
        this.translation = translation.clone();
    }

    /** The identity x, y, z. */
    public static SymmetryOperation identity() {
        return new SymmetryOperation(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[3]);
    }

    /**
     * Parses a Jones-faithful triplet such as {@code -x+1/2, y, 1/2-z}, {@code x-y,x,z} or {@code X+0.5,Y,Z}
     * (case-insensitive; quotes and spaces ignored; translations as fractions or decimals).
     *
     * @throws IllegalArgumentException naming the text and what is wrong with it
     */
    public static SymmetryOperation parse(String text) {
        String s = text.replace("'", "").replace("\"", "").replace(" ", "").toLowerCase(Locale.ROOT);
        String[] parts = s.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("symmetry operation '" + text + "' must have three comma-separated parts");
        }
        int[][] r = new int[3][3];
        double[] t = new double[3];
        for (int row = 0; row < 3; row++) {
            parseComponent(text, parts[row], r[row], t, row);
        }
        if (Math.abs(determinant(r)) != 1) {
            throw new IllegalArgumentException("symmetry operation '" + text + "' is not a valid rotation (determinant "
                    + determinant(r) + ")");
        }
        return new SymmetryOperation(r, t);
    }

    private static void parseComponent(String text, String part, int[] rotationRow, double[] t, int row) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("symmetry operation '" + text + "' has an empty part");
        }
        int i = 0;
        while (i < part.length()) {
            int sign = 1;
            char ch = part.charAt(i);
            if (ch == '+' || ch == '-') {
                sign = ch == '-' ? -1 : 1;
                i++;
                if (i >= part.length()) {
                    throw new IllegalArgumentException("symmetry operation '" + text + "' ends in a sign");
                }
            }
            int start = i;
            while (i < part.length() && (Character.isDigit(part.charAt(i)) || part.charAt(i) == '.'
                    || part.charAt(i) == '/')) {
                i++;
            }
            boolean hasNumber = i > start;
            double number = hasNumber ? parseNumber(text, part.substring(start, i)) : 1;
            if (hasNumber && i < part.length() && part.charAt(i) == '*') {
                i++;
            }
            int axis = i < part.length() ? "xyz".indexOf(part.charAt(i)) : -1;
            if (axis >= 0) {
                if (number != Math.rint(number)) {
                    throw new IllegalArgumentException("symmetry operation '" + text
                            + "' has a non-integer coefficient in '" + part + "'");
                }
                rotationRow[axis] += sign * (int) number;
                i++;
            } else if (hasNumber && (i == part.length() || part.charAt(i) == '+' || part.charAt(i) == '-')) {
                t[row] += sign * number;
            } else {
                throw new IllegalArgumentException("symmetry operation '" + text + "' is malformed in '" + part + "'");
            }
        }
    }

    private static double parseNumber(String text, String number) {
        try {
            int slash = number.indexOf('/');
            if (slash >= 0) {
                double denominator = Double.parseDouble(number.substring(slash + 1));
                if (denominator == 0) {
                    throw new NumberFormatException("division by zero");
                }
                return Double.parseDouble(number.substring(0, slash)) / denominator;
            }
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("symmetry operation '" + text + "' has a bad number '" + number + "'");
        }
    }

    private static int determinant(int[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /** A copy of the rotation part R. */
    public int[][] rotation() {
        return new int[][] {rotation[0].clone(), rotation[1].clone(), rotation[2].clone()};
    }

    /** A copy of the translation part t (fractional). */
    public double[] translation() {
        return translation.clone();
    }

    /** R·x + t (not wrapped into the unit cell). */
    public double[] apply(double[] x) {
        double[] y = new double[3];
        for (int i = 0; i < 3; i++) {
            y[i] = rotation[i][0] * x[0] + rotation[i][1] * x[1] + rotation[i][2] * x[2] + translation[i];
        }
        return y;
    }

    /** The composition this∘other: x ↦ this(other(x)). */
    public SymmetryOperation compose(SymmetryOperation other) {
        int[][] r = new int[3][3];
        double[] t = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    r[i][j] += rotation[i][k] * other.rotation[k][j];
                }
            }
            t[i] = rotation[i][0] * other.translation[0] + rotation[i][1] * other.translation[1]
                    + rotation[i][2] * other.translation[2] + translation[i];
        }
        return new SymmetryOperation(r, t);
    }

    /** The Jones-faithful form, e.g. {@code -x+1/2,y,-z+1/2}, with translations reduced to [0, 1). */
    public String toXyz() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if (i > 0) {
                sb.append(',');
            }
            StringBuilder part = new StringBuilder();
            for (int j = 0; j < 3; j++) {
                int c = rotation[i][j];
                if (c == 0) {
                    continue;
                }
                if (c < 0) {
                    part.append('-');
                } else if (part.length() > 0) {
                    part.append('+');
                }
                if (Math.abs(c) != 1) {
                    part.append(Math.abs(c));
                }
                part.append("xyz".charAt(j));
            }
            double t = translation[i] - Math.floor(translation[i]);
            if (Math.abs(t) > 1e-9 && Math.abs(t - 1) > 1e-9) {
                part.append('+').append(fraction(t));
            }
            sb.append(part.length() == 0 ? "0" : part);
        }
        return sb.toString();
    }

    private static String fraction(double t) {
        for (int d : new int[] {2, 3, 4, 6, 8, 12}) {
            double n = t * d;
            if (Math.abs(n - Math.rint(n)) < 1e-6) {
                return (long) Math.rint(n) + "/" + d;
            }
        }
        return Double.toString(t);
    }

    /** Same rotation and translations equal modulo 1 within {@code tol}. */
    public boolean equivalent(SymmetryOperation other, double tol) {
        if (!Arrays.deepEquals(rotation, other.rotation)) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            double d = translation[i] - other.translation[i];
            if (Math.abs(d - Math.rint(d)) > tol) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymmetryOperation op && Arrays.deepEquals(rotation, op.rotation)
                && Arrays.equals(translation, op.translation);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(rotation) + Arrays.hashCode(translation);
    }

    @Override
    public String toString() {
        return toXyz();
    }
}
