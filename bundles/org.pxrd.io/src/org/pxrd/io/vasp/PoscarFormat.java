package org.pxrd.io.vasp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.io.StructureFormat;
import org.pxrd.io.StructureFormatException;
import org.pxrd.io.TextNumbers;
import org.pxrd.model.Element;
import org.pxrd.model.InvalidModelException;
import org.pxrd.model.Lattice;
import org.pxrd.model.Matrix3;
import org.pxrd.model.Site;
import org.pxrd.model.Species;
import org.pxrd.model.Structure;

/**
 * VASP 5 POSCAR/CONTCAR files (one structure per file), read and written.
 *
 * <p>Reading, line by line (VASP wiki, "POSCAR"):
 * <ol>
 * <li>a comment: the structure's name;</li>
 * <li>the scaling: one number s (s &gt; 0 multiplies the lattice vectors; s &lt; 0 is the target cell volume
 * |s| in Å³, giving s = (|s| / V₀)^(1/3) with V₀ the volume of the unscaled vectors), or three positive numbers
 * scaling the x, y and z Cartesian components separately;</li>
 * <li>three lines with the lattice vectors a, b, c (Cartesian, Å before scaling);</li>
 * <li>the element symbols (VASP 5; a POTCAR suffix such as {@code Fe_pv} or {@code Fe/3f7a} is dropped);</li>
 * <li>the number of atoms of each element;</li>
 * <li>optionally {@code Selective dynamics} (first letter S or s), then the coordinate mode: {@code Direct}
 * (first letter D or d: fractional) or {@code Cartesian} (C, c, K or k: Å, scaled like the lattice);</li>
 * <li>one line per atom: three coordinates, then three T/F flags under selective dynamics; anything after
 * (a site label, velocities or predictor-corrector blocks of a CONTCAR) is ignored.</li>
 * </ol>
 * A VASP 4 file (counts without element symbols) is refused with a message saying so: the elements would have to
 * come from the POTCAR. Selective-dynamics flags are checked but not kept (the model has no place for them).
 * Text after the values on the scaling, lattice, count and coordinate lines is ignored, as VASP does.
 *
 * <p>Writing: the name on the comment line, scale 1, the lattice matrix, the elements in order of first
 * appearance with their counts, and Direct coordinates, all numbers exact ({@link TextNumbers#exact}). POSCAR
 * needs the atoms of one element together, so sites are grouped by element in order of first appearance,
 * keeping their order within an element: the only change of site order in a round trip. Oxidation states,
 * labels and displacement parameters are not part of the format and are not written; a site with partial
 * occupancy cannot be written (an error names it).
 */
public class PoscarFormat implements StructureFormat {

    @Override
    public List<Structure> read(String text, String source) throws StructureFormatException {
        return List.of(new Reader(text, source).read());
    }

    @Override
    public boolean recognizes(String head) {
        String[] lines = head.split("\r\n|\r|\n", 9);
        if (lines.length < 8) {
            return false;
        }
        if (numbers(lines[1]) != 1 && numbers(lines[1]) != 3) {
            return false;
        }
        for (int i = 2; i < 5; i++) {
            if (numbers(lines[i]) < 3) {
                return false;
            }
        }
        String[] species = lines[5].strip().split("\\s+");
        return !species[0].isEmpty() && (Reader.element(species[0]) != null || TextNumbers.isNumber(species[0]));
    }

    /** How many leading tokens of a line are numbers. */
    private static int numbers(String line) {
        int n = 0;
        for (String token : line.strip().split("\\s+")) {
            if (!TextNumbers.isNumber(token)) {
                break;
            }
            n++;
        }
        return n;
    }

    @Override
    public boolean canWrite() {
        return true;
    }

    @Override
    public String write(Structure structure) throws StructureFormatException {
        Map<Element, List<Site>> byElement = new LinkedHashMap<>();
        for (Site site : structure.sites()) {
            if (site.occupancy() != 1) {
                throw new StructureFormatException(structure.name(), 0, "POSCAR cannot hold partial occupancies (site "
                        + site.label() + " has occupancy " + site.occupancy() + "); write a CIF instead");
            }
            byElement.computeIfAbsent(site.element(), e -> new ArrayList<>()).add(site);
        }
        StringBuilder out = new StringBuilder();
        out.append(structure.name().replaceAll("[\\r\\n]+", " ")).append('\n');
        out.append("1.0\n");
        for (double[] row : structure.lattice().matrix()) {
            out.append(' ').append(' ').append(TextNumbers.exact(row[0])).append(' ').append(TextNumbers.exact(row[1]))
                    .append(' ').append(TextNumbers.exact(row[2])).append('\n');
        }
        StringBuilder symbols = new StringBuilder();
        StringBuilder counts = new StringBuilder();
        for (Map.Entry<Element, List<Site>> e : byElement.entrySet()) {
            symbols.append(' ').append(e.getKey().symbol());
            counts.append(' ').append(e.getValue().size());
        }
        out.append(symbols).append('\n').append(counts).append('\n').append("Direct\n");
        for (List<Site> sites : byElement.values()) {
            for (Site s : sites) {
                out.append(' ').append(' ').append(TextNumbers.exact(s.frac(0))).append(' ')
                        .append(TextNumbers.exact(s.frac(1))).append(' ').append(TextNumbers.exact(s.frac(2)))
                        .append(' ').append(s.element().symbol()).append('\n');
            }
        }
        return out.toString();
    }

    /** One pass over the lines of a file. */
    private static final class Reader {

        private final String[] lines;
        private final String source;
        private int next;

        Reader(String text, String source) {
            String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lines = t.split("\r\n|\r|\n", -1);
            this.source = source;
        }

        Structure read() throws StructureFormatException {
            String name = line("the comment line").strip();
            double[] scale = scale();
            int scaleLine = next;
            double[][] vectors = new double[3][];
            for (int i = 0; i < 3; i++) {
                vectors[i] = numbers(line("lattice vector " + "abc".charAt(i)), 3, "lattice vector " + "abc".charAt(i));
            }
            String[] symbols = tokens(line("the element symbols"));
            int symbolLine = next;
            if (TextNumbers.isNumber(symbols[0])) {
                throw error(symbolLine, "no element symbols before the atom counts (VASP 4 format): add a line "
                        + "with the element symbols");
            }
            List<Element> elements = new ArrayList<>();
            for (String symbol : symbols) {
                Element e = element(symbol);
                if (e == null) {
                    throw error(symbolLine, "unknown element '" + TextNumbers.abbreviate(symbol) + "'");
                }
                elements.add(e);
            }
            int[] counts = counts(line("the atom counts"), elements.size());
            String mode = line("the coordinate mode").strip();
            boolean selective = !mode.isEmpty() && (mode.charAt(0) == 'S' || mode.charAt(0) == 's');
            if (selective) {
                mode = line("the coordinate mode").strip();
            }
            boolean cartesian = coordinateMode(mode);
            double[] factors = factors(vectors, scale, scaleLine);
            Lattice lattice = lattice(vectors, factors, scaleLine);
            List<Site> sites = new ArrayList<>();
            for (int e = 0; e < elements.size(); e++) {
                for (int k = 0; k < counts[e]; k++) {
                    String what = "the coordinates of atom " + (sites.size() + 1);
                    String line = line(what);
                    double[] x = numbers(line, 3, what);
                    if (selective) {
                        flags(line);
                    }
                    if (cartesian) {
                        for (int i = 0; i < 3; i++) {
                            x[i] *= factors[i];
                        }
                        x = lattice.toFractional(x);
                    }
                    try {
                        sites.add(new Site(Species.of(elements.get(e)), x));
                    } catch (InvalidModelException ex) {
                        throw error(next, ex.getMessage());
                    }
                }
            }
            return new Structure(name, lattice, sites);
        }

        /** The scaling line: one factor, a negative target volume, or three positive factors. */
        private double[] scale() throws StructureFormatException {
            String[] t = tokens(line("the scaling factor"));
            int count = 0;
            while (count < t.length && count < 3 && TextNumbers.isNumber(t[count])) {
                count++;
            }
            double[] s = numbers(String.join(" ", t), count == 3 ? 3 : 1, "the scaling factor");
            if (s.length == 3 && !(s[0] > 0 && s[1] > 0 && s[2] > 0)) {
                throw error(next, "three scaling factors must all be positive");
            }
            if (s[0] == 0) {
                throw error(next, "the scaling factor is zero");
            }
            return s;
        }

        /**
         * The factors of the x, y, z Cartesian components: three given ones, or one factor s three times, with
         * s = (|s| / V₀)^(1/3) for a negative s (a target volume).
         */
        private double[] factors(double[][] vectors, double[] scale, int scaleLine) throws StructureFormatException {
            if (scale.length == 3) {
                return scale;
            }
            double factor = scale[0];
            if (factor < 0) {
                double v0 = Math.abs(Matrix3.det(vectors));
                if (!(v0 > 0)) {
                    throw error(scaleLine + 3, "the lattice vectors span no volume");
                }
                factor = Math.cbrt(-factor / v0);
            }
            return new double[] {factor, factor, factor};
        }

        private Lattice lattice(double[][] vectors, double[] factors, int scaleLine) throws StructureFormatException {
            double[][] m = Matrix3.copy(vectors);
            for (double[] row : m) {
                for (int i = 0; i < 3; i++) {
                    row[i] *= factors[i];
                }
            }
            try {
                return Lattice.fromMatrix(m);
            } catch (InvalidModelException e) {
                throw error(scaleLine + 3, "impossible cell: " + e.getMessage());
            }
        }

        private int[] counts(String line, int expected) throws StructureFormatException {
            String[] t = tokens(line);
            if (t.length < expected) {
                throw error(next, expected + " element symbols but " + t.length + " atom counts");
            }
            int[] counts = new int[expected];
            long total = 0;
            for (int i = 0; i < expected; i++) {
                if (!t[i].matches("\\d{1,9}") || Integer.parseInt(t[i]) == 0) {
                    throw error(next, "atom count '" + TextNumbers.abbreviate(t[i])
                            + "' is not a positive whole number");
                }
                counts[i] = Integer.parseInt(t[i]);
                total += counts[i];
            }
            if (total > lines.length) {
                throw error(next, "the file ends before the " + total + " atoms it announces");
            }
            return counts;
        }

        private boolean coordinateMode(String mode) throws StructureFormatException {
            char c = mode.isEmpty() ? ' ' : Character.toLowerCase(mode.charAt(0));
            if (c == 'd') {
                return false;
            }
            if (c == 'c' || c == 'k') {
                return true;
            }
            throw error(next, "expected 'Direct' or 'Cartesian', found '" + TextNumbers.abbreviate(mode) + "'");
        }

        private void flags(String line) throws StructureFormatException {
            String[] t = tokens(line);
            if (t.length < 6) {
                throw error(next, "selective dynamics needs three T/F flags after the coordinates");
            }
            for (int i = 3; i < 6; i++) {
                if (!t[i].equals("T") && !t[i].equals("F")) {
                    throw error(next, "selective dynamics flag '" + TextNumbers.abbreviate(t[i]) + "' is not T or F");
                }
            }
        }

        /** The element of a species entry: {@code Fe}, {@code Fe_pv}, {@code Fe/3f7a}; null when it names none. */
        static Element element(String entry) {
            String symbol = entry.split("[_/]", 2)[0];
            return symbol.matches("[A-Z][a-z]?") && Element.isSymbol(symbol) ? Element.of(symbol) : null;
        }

        private String line(String what) throws StructureFormatException {
            if (next >= lines.length || (next == lines.length - 1 && lines[next].isBlank() && next > 0)) {
                throw error(lines.length, "the file ends before " + what);
            }
            String line = lines[next++];
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c < ' ' && c != '\t') {
                    throw error(next, "control character 0x" + Integer.toHexString(c) + " (binary or corrupted file)");
                }
            }
            return line;
        }

        private double[] numbers(String line, int count, String what) throws StructureFormatException {
            String[] t = tokens(line);
            if (t.length < count || t[0].isEmpty()) {
                throw error(next, "expected " + count + " number" + (count > 1 ? "s" : "") + " for " + what
                        + ", found '" + TextNumbers.abbreviate(line.strip()) + "'");
            }
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                try {
                    v[i] = TextNumbers.parse(t[i]);
                } catch (NumberFormatException e) {
                    throw error(next, what + ": " + e.getMessage());
                }
            }
            return v;
        }

        private static String[] tokens(String line) {
            return line.strip().split("[\\s]+");
        }

        private StructureFormatException error(int line, String problem) {
            return new StructureFormatException(source, line, problem);
        }
    }
}
