package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pxrd.model.SymmetryOperation;

/**
 * Generates the operations of a space group from its Hall symbol (S. R. Hall, "Space-group notation with an
 * explicit origin", Acta Cryst. A37 (1981) 517-525; erratum A37 (1981) 921; International Tables for
 * Crystallography Vol. B, section 1.4, Tables A1.4.2.1-A1.4.2.6).
 *
 * <p>A Hall symbol is {@code L N1 N2 ... (V)}:
 * <ul>
 * <li>L, the lattice symbol: an optional {@code -} (the group is centrosymmetric: −1 at the origin is a
 * generator), then the centring P, A (0,½,½), B (½,0,½), C (½,½,0), I (½,½,½), R (⅔,⅓,⅓ and ⅓,⅔,⅔: obverse
 * hexagonal axes) or F (the three face centres);</li>
 * <li>each N, a generator: an optional {@code -} (improper: the rotation times −1), the order 1, 2, 3, 4 or 6,
 * an optional axis symbol and translation symbols. Axes: x, y, z (a, b, c); {@code '} and {@code "} the 2-fold
 * axes along the face diagonals normal to the preceding axis (for a preceding z: a−b and a+b); {@code *} the
 * body diagonal a+b+c. Without an axis symbol the first generator is along z, a second 2-fold is along x when
 * the first has order 2 or 4 and along a−b when it has order 3 or 6, and a third 3-fold is along a+b+c.
 * Translations: a, b, c (½ along that axis), n (½,½,½), u, v, w (¼ along x, y, z), d (¼,¼,¼), and a digit s
 * for a screw axis of order N (s/N along the rotation axis);</li>
 * <li>V, an optional change of origin {@code (vx vy vz)} in twelfths of the cell edges: every operation
 * (R, t) becomes (R, t + (I − R)·V).</li>
 * </ul>
 * The group is the closure of the generators and the centring translations under composition, with
 * translations reduced modulo the lattice. Translations are exact multiples of 1/12.
 */
public final class HallSymbol {

    /** Translations are integers in twelfths of the cell edges. */
    static final int DENOMINATOR = 12;

    private static final Map<Character, int[]> TRANSLATIONS = Map.of(
            'a', new int[] {6, 0, 0}, 'b', new int[] {0, 6, 0}, 'c', new int[] {0, 0, 6},
            'n', new int[] {6, 6, 6}, 'u', new int[] {3, 0, 0}, 'v', new int[] {0, 3, 0},
            'w', new int[] {0, 0, 3}, 'd', new int[] {3, 3, 3});

    private HallSymbol() {
    }

    /**
     * The operations of the group in its conventional cell (centring translations included), identity first,
     * translations in [0, 1).
     *
     * @throws IllegalArgumentException naming the symbol and the part that cannot be read
     */
    public static List<SymmetryOperation> operations(String hallSymbol) {
        List<SymmetryOperation> ops = new ArrayList<>();
        for (Seitz s : generate(hallSymbol)) {
            ops.add(s.toOperation());
        }
        return ops;
    }

    /** Exact operations: rotation (row-major 3x3) and translation in twelfths. */
    record Seitz(int[] r, int[] t) {

        static final Seitz IDENTITY = new Seitz(new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new int[3]);

        Seitz {
            t = new int[] {Math.floorMod(t[0], DENOMINATOR), Math.floorMod(t[1], DENOMINATOR),
                Math.floorMod(t[2], DENOMINATOR)};
        }

        /** this∘other: x ↦ this(other(x)). */
        Seitz compose(Seitz o) {
            int[] rr = new int[9];
            int[] tt = new int[3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    rr[3 * i + j] = r[3 * i] * o.r[j] + r[3 * i + 1] * o.r[3 + j] + r[3 * i + 2] * o.r[6 + j];
                }
                tt[i] = r[3 * i] * o.t[0] + r[3 * i + 1] * o.t[1] + r[3 * i + 2] * o.t[2] + t[i];
            }
            return new Seitz(rr, tt);
        }

        String key() {
            return Arrays.toString(r) + Arrays.toString(t);
        }

        SymmetryOperation toOperation() {
            int[][] m = {{r[0], r[1], r[2]}, {r[3], r[4], r[5]}, {r[6], r[7], r[8]}};
            return new SymmetryOperation(m, new double[] {t[0] / (double) DENOMINATOR, t[1] / (double) DENOMINATOR,
                t[2] / (double) DENOMINATOR});
        }
    }

    static List<Seitz> generate(String hallSymbol) {
        if (hallSymbol == null || hallSymbol.isBlank()) {
            throw new IllegalArgumentException("empty Hall symbol");
        }
        String text = hallSymbol.trim();
        int[] shift = new int[3];
        int open = text.indexOf('(');
        if (open >= 0) {
            int close = text.indexOf(')', open);
            if (close < 0) {
                throw error(hallSymbol, "unclosed origin shift");
            }
            String[] v = text.substring(open + 1, close).trim().split("\\s+");
            if (v.length != 3) {
                throw error(hallSymbol, "origin shift needs three numbers (twelfths)");
            }
            for (int i = 0; i < 3; i++) {
                try {
                    shift[i] = Integer.parseInt(v[i]);
                } catch (NumberFormatException e) {
                    throw error(hallSymbol, "origin shift component '" + v[i] + "' is not an integer");
                }
            }
            text = text.substring(0, open).trim();
        }
        String[] tokens = text.split("\\s+");
        List<Seitz> generators = new ArrayList<>();
        String lattice = tokens[0];
        boolean centric = lattice.startsWith("-");
        String letter = (centric ? lattice.substring(1) : lattice).toUpperCase(Locale.ROOT);
        List<int[]> centring = centring(hallSymbol, letter);
        if (centric) {
            generators.add(new Seitz(new int[] {-1, 0, 0, 0, -1, 0, 0, 0, -1}, new int[3]));
        }
        int previousOrder = 0;
        char previousAxis = 'z';
        for (int k = 1; k < tokens.length; k++) {
            Generator g = parseGenerator(hallSymbol, tokens[k], k - 1, previousOrder, previousAxis);
            generators.add(g.seitz);
            previousOrder = g.order;
            previousAxis = g.principalAxis;
        }
        // closure: breadth-first products of the elements found so far with the generators
        List<Seitz> gens = new ArrayList<>(generators);
        for (int[] c : centring) {
            gens.add(new Seitz(Seitz.IDENTITY.r(), c));
        }
        Map<String, Seitz> group = new LinkedHashMap<>();
        group.put(Seitz.IDENTITY.key(), Seitz.IDENTITY);
        java.util.ArrayDeque<Seitz> queue = new java.util.ArrayDeque<>(List.of(Seitz.IDENTITY));
        while (!queue.isEmpty()) {
            Seitz a = queue.poll();
            for (Seitz g : gens) {
                Seitz c = g.compose(a);
                if (group.putIfAbsent(c.key(), c) == null) {
                    queue.add(c);
                    if (group.size() > 192) {
                        throw error(hallSymbol, "generates more than 192 operations (not a space group)");
                    }
                }
            }
        }
        List<Seitz> ops = new ArrayList<>();
        for (Seitz s : group.values()) {
            ops.add(shifted(s, shift));
        }
        return ops;
    }

    /** (R, t) ↦ (R, t + (I − R)·V). */
    private static Seitz shifted(Seitz s, int[] v) {
        int[] t = s.t().clone();
        for (int i = 0; i < 3; i++) {
            t[i] += v[i] - (s.r()[3 * i] * v[0] + s.r()[3 * i + 1] * v[1] + s.r()[3 * i + 2] * v[2]);
        }
        return new Seitz(s.r(), t);
    }

    private static List<int[]> centring(String symbol, String letter) {
        return switch (letter) {
            case "P" -> List.of();
            case "A" -> List.of(new int[] {0, 6, 6});
            case "B" -> List.of(new int[] {6, 0, 6});
            case "C" -> List.of(new int[] {6, 6, 0});
            case "I" -> List.of(new int[] {6, 6, 6});
            case "R" -> List.of(new int[] {8, 4, 4}, new int[] {4, 8, 8});
            case "F" -> List.of(new int[] {0, 6, 6}, new int[] {6, 0, 6}, new int[] {6, 6, 0});
            default -> throw error(symbol, "unknown lattice symbol '" + letter + "'");
        };
    }

    private record Generator(Seitz seitz, int order, char principalAxis) {
    }

    private static Generator parseGenerator(String symbol, String token, int index, int previousOrder,
            char previousAxis) {
        int i = 0;
        boolean improper = token.startsWith("-");
        if (improper) {
            i++;
        }
        if (i >= token.length() || "12346".indexOf(token.charAt(i)) < 0) {
            throw error(symbol, "generator '" + token + "' must start with the order 1, 2, 3, 4 or 6");
        }
        int order = token.charAt(i++) - '0';
        char axis = 0;
        int screw = 0;
        int[] t = new int[3];
        for (; i < token.length(); i++) {
            char ch = token.charAt(i);
            if ("xyz'\"*".indexOf(ch) >= 0) {
                axis = ch;
            } else if (TRANSLATIONS.containsKey(ch)) {
                int[] d = TRANSLATIONS.get(ch);
                for (int j = 0; j < 3; j++) {
                    t[j] += d[j];
                }
            } else if (ch >= '1' && ch <= '5' && ch - '0' < order) {
                screw = ch - '0';
            } else {
                throw error(symbol, "generator '" + token + "' has an unknown symbol '" + ch + "'");
            }
        }
        if (axis == 0) {
            if (index == 0) {
                axis = 'z';
            } else if (index == 1 && order == 2) {
                axis = previousOrder == 2 || previousOrder == 4 ? 'x' : '\'';
            } else if (index == 2 && order == 3) {
                axis = '*';
            } else if (order == 1) {
                axis = 'z';
            } else {
                throw error(symbol, "generator '" + token + "' needs an explicit axis");
            }
        }
        int[] r = rotation(symbol, order, axis, previousAxis);
        char principal = "xyz".indexOf(axis) >= 0 ? axis : previousAxis;
        if (screw != 0) {
            int along = "xyz".indexOf(axis);
            if (along < 0) {
                throw error(symbol, "screw translation '" + token + "' needs a principal axis");
            }
            t[along] += DENOMINATOR * screw / order;
        }
        if (improper) {
            for (int j = 0; j < 9; j++) {
                r[j] = -r[j];
            }
        }
        return new Generator(new Seitz(r, t), order, principal);
    }

    /** Rotation matrices of International Tables Vol. B, Table A1.4.2.4. */
    private static int[] rotation(String symbol, int order, char axis, char previousAxis) {
        if (order == 1) {
            return new int[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        switch (axis) {
            case 'x':
                return switch (order) {
                    case 2 -> new int[] {1, 0, 0, 0, -1, 0, 0, 0, -1};
                    case 3 -> new int[] {1, 0, 0, 0, 0, -1, 0, 1, -1};
                    case 4 -> new int[] {1, 0, 0, 0, 0, -1, 0, 1, 0};
                    default -> new int[] {1, 0, 0, 0, 1, -1, 0, 1, 0};
                };
            case 'y':
                return switch (order) {
                    case 2 -> new int[] {-1, 0, 0, 0, 1, 0, 0, 0, -1};
                    case 3 -> new int[] {-1, 0, 1, 0, 1, 0, -1, 0, 0};
                    case 4 -> new int[] {0, 0, 1, 0, 1, 0, -1, 0, 0};
                    default -> new int[] {0, 0, 1, 0, 1, 0, -1, 0, 1};
                };
            case 'z':
                return switch (order) {
                    case 2 -> new int[] {-1, 0, 0, 0, -1, 0, 0, 0, 1};
                    case 3 -> new int[] {0, -1, 0, 1, -1, 0, 0, 0, 1};
                    case 4 -> new int[] {0, -1, 0, 1, 0, 0, 0, 0, 1};
                    default -> new int[] {1, -1, 0, 1, 0, 0, 0, 0, 1};
                };
            case '\'':
            case '"':
                if (order != 2) {
                    throw error(symbol, "face-diagonal axes carry only 2-fold rotations");
                }
                boolean prime = axis == '\'';
                return switch (previousAxis) {
                    case 'x' -> prime ? new int[] {-1, 0, 0, 0, 0, -1, 0, -1, 0} : new int[] {-1, 0, 0, 0, 0, 1, 0, 1, 0};
                    case 'y' -> prime ? new int[] {0, 0, -1, 0, -1, 0, -1, 0, 0} : new int[] {0, 0, 1, 0, -1, 0, 1, 0, 0};
                    default -> prime ? new int[] {0, -1, 0, -1, 0, 0, 0, 0, -1} : new int[] {0, 1, 0, 1, 0, 0, 0, 0, -1};
                };
            case '*':
                if (order != 3) {
                    throw error(symbol, "the body diagonal carries only 3-fold rotations");
                }
                return new int[] {0, 0, 1, 1, 0, 0, 0, 1, 0};
            default:
                throw error(symbol, "unknown axis '" + axis + "'");
        }
    }

    private static IllegalArgumentException error(String symbol, String problem) {
        return new IllegalArgumentException("Hall symbol '" + symbol + "': " + problem);
    }
}
