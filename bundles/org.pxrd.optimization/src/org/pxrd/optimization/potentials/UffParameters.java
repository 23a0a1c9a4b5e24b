package org.pxrd.optimization.potentials;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.pxrd.model.Element;

/**
 * The nonbond (van der Waals) parameters of the Universal Force Field per element: Rappé, Casewit, Colwell,
 * Goddard and Skiff, "UFF, a full periodic table force field for molecular mechanics and molecular dynamics
 * simulations", J. Am. Chem. Soc. 114 (1992) 10024, Table 1: x_I, the minimum-energy distance of a like pair
 * in Å, and D_I, its well depth in kcal/mol, for H to Lr. The table ships as {@code uff-lennard-jones.csv} next
 * to this class (its header names the source and the script that transcribed it).
 */
public final class UffParameters {

    /** 1 kcal/mol in eV: 4184 J/mol divided by the Faraday constant 96485.33212 C/mol. */
    public static final double EV_PER_KCAL_PER_MOL = 4184.0 / 96485.33212;

    private static final String TABLE = "uff-lennard-jones.csv";

    /** Parameters of one element: x in Å, D in kcal/mol. */
    public record Entry(Element element, double x, double dKcalPerMol) {

        /** The well depth D in eV. */
        public double dEv() {
            return dKcalPerMol * EV_PER_KCAL_PER_MOL;
        }
    }

    private static volatile UffParameters standard;

    private final Map<Element, Entry> entries;

    private UffParameters(Map<Element, Entry> entries) {
        this.entries = entries;
    }

    /** The published table (read once). */
    public static UffParameters standard() {
        UffParameters s = standard;
        if (s == null) {
            synchronized (UffParameters.class) {
                if (standard == null) {
                    standard = read();
                }
                s = standard;
            }
        }
        return s;
    }

    /** The parameters of an element, if the table has them. */
    public Optional<Entry> get(Element element) {
        return Optional.ofNullable(entries.get(element));
    }

    /** Number of elements in the table. */
    public int size() {
        return entries.size();
    }

    private static UffParameters read() {
        Map<Element, Entry> map = new EnumMap<>(Element.class);
        try (InputStream in = UffParameters.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("the UFF table " + TABLE + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                Element e = Element.of(f[0]);
                map.put(e, new Entry(e, Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the UFF table " + TABLE + ": " + e.getMessage(), e);
        }
        return new UffParameters(map);
    }
}
