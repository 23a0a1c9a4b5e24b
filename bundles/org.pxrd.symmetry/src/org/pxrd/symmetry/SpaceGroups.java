package org.pxrd.symmetry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.SymmetryOperation;

/**
 * The table of the 230 space-group types in 530 settings: the standard settings and the common alternatives
 * (unique axis b and c and the three cell choices of monoclinic groups, the six axis permutations of
 * orthorhombic groups, origin choices 1 and 2, hexagonal and rhombohedral axes of R groups), looked up by
 * number, Hermann-Mauguin symbol or Hall symbol.
 *
 * <p>Data: the list of settings with their Hall and Hermann-Mauguin symbols is spglib 2.0.2's database
 * (A. Togo, BSD-3-Clause; the numbering of settings follows H. Seto's list); the Wyckoff positions come from
 * cctbx's sgtbx tables (R. W. Grosse-Kunstleve et al., BSD-3-Clause-LBNL), which follow International Tables for
 * Crystallography Vol. A (ed. Th. Hahn). Both are in {@code spacegroups.dat}, written by
 * {@code scripts/make_spacegroup_table.py}. The operations are not stored: {@link HallSymbol} generates them
 * from the Hall symbols (S. R. Hall, Acta Cryst. A37 (1981) 517).
 *
 * <p>Hermann-Mauguin symbols are matched without spaces and underscores, so {@code P 63/m m c},
 * {@code P6_3/mmc} and {@code P63/mmc} are the same group; short, full ({@code P 1 21/c 1}) and setting symbols
 * are known, an optional {@code :1}, {@code :2}, {@code :H}, {@code :R} or {@code :b1}-style suffix picks a
 * setting, and the former e-glide symbols (Cmca, Cmma, Ccca, Abm2, Aba2) are accepted. Without a suffix a symbol
 * means the first setting spglib lists for it (origin choice 1, hexagonal axes).
 */
public final class SpaceGroups {

    private static final String RESOURCE = "spacegroups.dat";
    /** Former symbols with the glide e written as the letter it was (International Tables 2002 renamed them). */
    private static final Map<String, String> FORMER_SYMBOLS = Map.of("Cmca", "Cmce", "Cmma", "Cmme", "Ccca", "Ccce",
            "Abm2", "Aem2", "Aba2", "Aea2");

    private static volatile SpaceGroups instance;

    private final List<SpaceGroup> settings;
    private final Map<String, SpaceGroup> bySymbol = new HashMap<>();
    private final Map<String, SpaceGroup> byHall = new HashMap<>();

    private SpaceGroups(List<SpaceGroup> settings) {
        this.settings = Collections.unmodifiableList(settings);
        for (SpaceGroup g : settings) {
            byHall.putIfAbsent(normalizeHall(g.hallSymbol()), g);
            List<String> names = new ArrayList<>(List.of(g.shortSymbol(), g.fullSymbol()));
            for (String part : g.settingSymbol().split("=")) {
                names.add(part);
            }
            for (String name : names) {
                String key = normalizeSymbol(name);
                bySymbol.putIfAbsent(key, g);
                if (!g.choice().isEmpty()) {
                    bySymbol.putIfAbsent(key + ":" + g.choice().toLowerCase(Locale.ROOT), g);
                }
            }
        }
    }

    /** The table (read once from the bundle). */
    public static SpaceGroups table() {
        SpaceGroups t = instance;
        if (t == null) {
            synchronized (SpaceGroups.class) {
                if (instance == null) {
                    instance = load();
                }
                t = instance;
            }
        }
        return t;
    }

    /** All 530 settings in spglib's order (hall numbers 1-530). */
    public List<SpaceGroup> settings() {
        return settings;
    }

    /** The setting with spglib's Hall number 1-530. */
    public SpaceGroup byHallNumber(int hallNumber) {
        if (hallNumber < 1 || hallNumber > settings.size()) {
            throw new IllegalArgumentException("Hall number " + hallNumber + " is outside 1.." + settings.size());
        }
        return settings.get(hallNumber - 1);
    }

    /** The standard setting of a space group number 1-230. */
    public SpaceGroup byNumber(int number) {
        for (SpaceGroup g : settings) {
            if (g.number() == number && g.standard()) {
                return g;
            }
        }
        throw new IllegalArgumentException("space group number " + number + " is outside 1..230");
    }

    /** Every setting of a space group number. */
    public List<SpaceGroup> settingsOf(int number) {
        return settings.stream().filter(g -> g.number() == number).toList();
    }

    /** The setting named by a Hermann-Mauguin symbol (see the class comment for the accepted forms). */
    public Optional<SpaceGroup> byHermannMauguin(String symbol) {
        if (symbol == null || symbol.isBlank()) {
            return Optional.empty();
        }
        String text = symbol.trim();
        String choice = null;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            choice = text.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            text = text.substring(0, colon);
        }
        String key = normalizeSymbol(text);
        key = FORMER_SYMBOLS.getOrDefault(key, key);
        SpaceGroup g = choice == null ? bySymbol.get(key) : bySymbol.get(key + ":" + choice);
        return Optional.ofNullable(g);
    }

    /**
     * The setting with this Hall symbol: by its text (spaces and case of the lattice letter aside), else any
     * setting whose operations equal those the symbol generates.
     *
     * @throws IllegalArgumentException when the symbol cannot be read
     */
    public Optional<SpaceGroup> byHall(String hallSymbol) {
        SpaceGroup g = byHall.get(normalizeHall(hallSymbol));
        if (g != null) {
            return Optional.of(g);
        }
        Set<String> ops = canonical(HallSymbol.operations(hallSymbol));
        for (SpaceGroup s : settings) {
            if (s.order() == ops.size() && canonical(s.operations()).equals(ops)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The space group a CIF names without listing operations: by Hall symbol first (the most explicit), then by
     * Hermann-Mauguin symbol, then by number (standard setting). A Hall symbol that is valid but not one of the
     * 530 settings still gives its operations (with number 0 when unknown).
     *
     * @param hermannMauguin the H-M symbol, or null
     * @param hall the Hall symbol, or null
     * @param number the International Tables number, or 0
     */
    public Optional<CrystalSymmetry> resolve(String hermannMauguin, String hall, int number) {
        if (hall != null && !hall.isBlank()) {
            try {
                Optional<SpaceGroup> g = byHall(hall);
                if (g.isPresent()) {
                    return Optional.of(g.get().toCrystalSymmetry());
                }
                List<SymmetryOperation> ops = HallSymbol.operations(hall);
                return Optional.of(new CrystalSymmetry(hall.trim(), number, ops));
            } catch (IllegalArgumentException unreadable) {
                // fall back to the other names
            }
        }
        Optional<SpaceGroup> g = byHermannMauguin(hermannMauguin);
        if (g.isPresent() && (number == 0 || g.get().number() == number)) {
            return Optional.of(g.get().toCrystalSymmetry());
        }
        if (number >= 1 && number <= 230) {
            return Optional.of(byNumber(number).toCrystalSymmetry());
        }
        return Optional.empty();
    }

    /** The symbol without spaces and underscores: {@code P 6_3/m m c} and {@code P63/mmc} become {@code P63/mmc}. */
    static String normalizeSymbol(String symbol) {
        String s = symbol.replace("_", "").replace(" ", "").replace("'", "").replace("\"", "").strip();
        if (s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    static String normalizeHall(String hall) {
        String s = hall.trim().replaceAll("\\s+", " ").replace("_", "");
        if (s.isEmpty()) {
            return s;
        }
        int letter = s.startsWith("-") ? 1 : 0;
        return s.substring(0, letter) + Character.toUpperCase(s.charAt(letter)) + s.substring(letter + 1);
    }

    /** The operations as text with translations modulo 1, for comparing groups as sets. */
    static Set<String> canonical(List<SymmetryOperation> ops) {
        Set<String> set = new HashSet<>();
        for (SymmetryOperation op : ops) {
            set.add(op.toXyz());
        }
        return set;
    }

    private static SpaceGroups load() {
        try (InputStream in = SpaceGroups.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the space-group table " + RESOURCE + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<SpaceGroup> settings = new ArrayList<>();
            String[] header = null;
            List<WyckoffPosition> wyckoff = new ArrayList<>();
            Set<Integer> numbersSeen = new HashSet<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f[0].equals("S")) {
                    if (header != null) {
                        settings.add(setting(header, wyckoff, numbersSeen));
                    }
                    header = f;
                    wyckoff = new ArrayList<>();
                } else {
                    wyckoff.add(new WyckoffPosition(f[1], Integer.parseInt(f[2]), f[3], affine(f[4])));
                }
            }
            settings.add(setting(header, wyckoff, numbersSeen));
            return new SpaceGroups(settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the space-group table " + RESOURCE, e);
        }
    }

    /**
     * An affine map written like a coordinate triplet, e.g. {@code x,2*x,1/4} or {@code -1/4,1/4,z}: each part a
     * sum of terms {@code [±][n*]x|y|z} and {@code [±]p/q}. Unlike an operation its matrix may be singular.
     */
    static SymmetryOperation affine(String text) {
        String[] parts = text.replace(" ", "").split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException("coordinates '" + text + "' need three parts");
        }
        int[][] r = new int[3][3];
        double[] t = new double[3];
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?)(\\d+(?:/\\d+)?)?(\\*?)([xyz]?)")
                .matcher("");
        for (int row = 0; row < 3; row++) {
            m.reset(parts[row]);
            int end = 0;
            while (end < parts[row].length() && m.find(end) && m.end() > m.start()) {
                int sign = "-".equals(m.group(1)) ? -1 : 1;
                String number = m.group(2);
                String axis = m.group(4);
                if (!axis.isEmpty()) {
                    r[row]["xyz".indexOf(axis)] += sign * (number == null ? 1 : Integer.parseInt(number));
                } else if (number != null) {
                    String[] pq = number.split("/");
                    t[row] += sign * Double.parseDouble(pq[0]) / (pq.length > 1 ? Double.parseDouble(pq[1]) : 1);
                }
                end = m.end();
            }
            if (end != parts[row].length()) {
                throw new IllegalArgumentException("coordinates '" + text + "' cannot be read");
            }
        }
        return new SymmetryOperation(r, t);
    }

    private static SpaceGroup setting(String[] f, List<WyckoffPosition> wyckoff, Set<Integer> numbersSeen) {
        int number = Integer.parseInt(f[2]);
        boolean standard = numbersSeen.add(number);
        return new SpaceGroup(Integer.parseInt(f[1]), number, f[3], f[4], f[5], f[6], f[7], f[8], f[9], standard,
                HallSymbol.operations(f[3]), wyckoff);
    }
}
