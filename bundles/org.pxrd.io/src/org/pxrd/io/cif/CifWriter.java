package org.pxrd.io.cif;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.pxrd.io.TextNumbers;
import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/**
 * Writes structures as CIF 1.1 data blocks that {@link CifStructureReader} (and other CIF readers) read back.
 *
 * <p>Every number is written as the shortest decimal that reads back to the same double
 * ({@link TextNumbers#exact}), so lattice parameters and coordinates survive a round trip bit for bit.
 *
 * <p>A structure carrying a {@link CrystalSymmetry} with more than the identity is written as its asymmetric
 * unit with the operations loop, when the sites are invariant under the operations: the sites are grouped into
 * orbits ({@link SymmetryOrbits#asymmetricUnit}), the first site of each orbit in site order is its
 * representative, and every image must coincide with a site within {@link #SYMMETRY_MATCH_TOLERANCE}. Reading
 * back expands each representative with the operations in their order, so the sites come back grouped by
 * orbit, each orbit in the order the operations generate it from its representative: the same order as the
 * structure's when it was itself read from a CIF whose first operation is the identity. Otherwise (no symmetry,
 * P1, sites not invariant, or operations whose text form would not reproduce them) the block is P1 with every
 * site, in order; a comment line says why symmetry was dropped.
 *
 * <p>Labels are made unique within a block ({@code O2}, {@code O2_2}, ...) as CIF requires; sites without a
 * label of their own are numbered per element ({@code O1}, {@code O2}, ...); block names and labels are made of
 * printable ASCII without spaces. Oxidation states are written in the type symbol
 * ({@code Fe3+}), occupancies always, B<sub>iso</sub> (Å²) when any site has one ({@code ?} for the others).
 */
public final class CifWriter {

    /**
     * Largest difference of fractional coordinates (each component, modulo 1) between an image of an orbit's
     * representative and the site it stands for: writing the asymmetric unit moves no atom further than this, so
     * every round trip is exact to it. It is far above the rounding of coordinates computed by symmetry operations
     * (~1e-16) and below the precision of coordinates in files (a CIF with 8 decimals of 1/3 is 3e-9 off, and is
     * written in P1 when its operations do not start with the identity).
     */
    public static final double SYMMETRY_MATCH_TOLERANCE = 1e-9;
    /** Operations whose written form reads back with a translation further off than this are not written. */
    private static final double OPERATION_TEXT_TOLERANCE = 1e-12;
    /** CIF 1.1 limits data names and block codes to 75 characters. */
    private static final int MAX_NAME_LENGTH = 75;

    private final double mergeTolerance;

    /** A writer for readers that merge symmetry images closer than {@code mergeTolerance} Å. */
    public CifWriter(double mergeTolerance) {
        this.mergeTolerance = mergeTolerance;
    }

    /** A writer matching {@link CifStructureReader#DEFAULT_MERGE_TOLERANCE}. */
    public CifWriter() {
        this(CifStructureReader.DEFAULT_MERGE_TOLERANCE);
    }

    /** The text of a CIF file with one data block per structure (block names made unique). */
    public String write(List<Structure> structures) {
        StringBuilder out = new StringBuilder();
        Set<String> blockNames = new HashSet<>();
        for (Structure s : structures) {
            String name = unique(sanitize(s.name(), "structure"), blockNames);
            if (out.length() > 0) {
                out.append('\n');
            }
            block(s, name, out);
        }
        return out.toString();
    }

    /** The text of a CIF file holding one structure. */
    public String write(Structure structure) {
        return write(List.of(structure));
    }

    /**
     * The representatives of the orbits the writer would write for this structure, or empty when it writes P1
     * (no symmetry beyond the identity, or sites not invariant under the operations).
     */
    public Optional<List<Site>> asymmetricUnit(Structure structure) {
        Optional<CrystalSymmetry> symmetry = structure.symmetry();
        if (symmetry.isEmpty() || symmetry.get().operations().size() < 2
                || !operationsSurviveText(symmetry.get().operations())) {
            return Optional.empty();
        }
        return SymmetryOrbits.asymmetricUnit(structure, symmetry.get().operations(), SYMMETRY_MATCH_TOLERANCE,
                mergeTolerance);
    }

    private void block(Structure s, String name, StringBuilder out) {
        Optional<List<Site>> unit = asymmetricUnit(s);
        CrystalSymmetry symmetry = s.symmetry().orElse(null);
        out.append("# ").append(s.formula()).append(", written by PXRD Workbench\n");
        boolean symmetric = unit.isPresent();
        if (!symmetric && symmetry != null && symmetry.operations().size() > 1) {
            out.append("# written in P1: the sites are not invariant (within ").append(SYMMETRY_MATCH_TOLERANCE)
                    .append(" in fractional coordinates) under the ").append(symmetry.operations().size())
                    .append(" operations of ")
                    .append(symmetry.hermannMauguin().isBlank() ? "its space group" : symmetry.hermannMauguin())
                    .append('\n');
        }
        out.append("data_").append(name).append('\n');
        if (symmetric) {
            if (!symmetry.hermannMauguin().isBlank()) {
                item(out, "_symmetry_space_group_name_H-M", value(symmetry.hermannMauguin()));
            }
            if (symmetry.number() > 0) {
                item(out, "_symmetry_Int_Tables_number", Integer.toString(symmetry.number()));
            }
        } else {
            item(out, "_symmetry_space_group_name_H-M", "'P 1'");
            item(out, "_symmetry_Int_Tables_number", "1");
        }
        Lattice lattice = s.lattice();
        String[] cellTags = {"_cell_length_a", "_cell_length_b", "_cell_length_c", "_cell_angle_alpha",
            "_cell_angle_beta", "_cell_angle_gamma"};
        double[] parameters = lattice.parameters();
        for (int i = 0; i < 6; i++) {
            item(out, cellTags[i], TextNumbers.exact(parameters[i]));
        }
        item(out, "_cell_volume", TextNumbers.exact(lattice.volume()));
        out.append("loop_\n _symmetry_equiv_pos_site_id\n _symmetry_equiv_pos_as_xyz\n");
        List<SymmetryOperation> operations = symmetric ? symmetry.operations() : List.of(SymmetryOperation.identity());
        for (int i = 0; i < operations.size(); i++) {
            out.append("  ").append(i + 1).append("  '").append(operations.get(i).toXyz()).append("'\n");
        }
        List<Site> sites = symmetric ? unit.get() : s.sites();
        boolean withB = sites.stream().anyMatch(Site::hasDisplacement);
        out.append("loop_\n _atom_site_label\n _atom_site_type_symbol\n _atom_site_fract_x\n _atom_site_fract_y\n"
                + " _atom_site_fract_z\n _atom_site_occupancy\n");
        if (withB) {
            out.append(" _atom_site_B_iso_or_equiv\n");
        }
        Set<String> labels = new HashSet<>();
        Map<Element, Integer> unlabelled = new HashMap<>();
        for (Site site : sites) {
            String label = site.label().equals(site.species().toString())
                    ? site.element().symbol() + unlabelled.merge(site.element(), 1, Integer::sum)
                    : sanitize(site.label(), site.element().symbol());
            out.append("  ").append(value(unique(label, labels)));
            out.append("  ").append(value(site.species().toString()));
            for (int i = 0; i < 3; i++) {
                out.append("  ").append(TextNumbers.exact(site.frac(i)));
            }
            out.append("  ").append(TextNumbers.exact(site.occupancy()));
            if (withB) {
                out.append("  ").append(site.hasDisplacement() ? TextNumbers.exact(site.bIso()) : "?");
            }
            out.append('\n');
        }
    }

    private static boolean operationsSurviveText(List<SymmetryOperation> operations) {
        for (SymmetryOperation op : operations) {
            SymmetryOperation back;
            try {
                back = SymmetryOperation.parse(op.toXyz());
            } catch (IllegalArgumentException e) {
                return false;
            }
            if (!back.equivalent(op, OPERATION_TEXT_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    private static void item(StringBuilder out, String tag, String value) {
        out.append(tag).append("   ").append(value).append('\n');
    }

    /**
     * A value as CIF 1.1 writes it, on one line (characters outside printable ASCII become blanks): bare when it
     * cannot be mistaken for anything else, otherwise in single quotes, in double quotes when it holds a single
     * quote followed by a blank, and as a text field when it holds both kinds.
     */
    static String value(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c >= ' ' && c < 127 ? c : ' ');
        }
        String t = sb.toString().strip();
        if (t.isEmpty()) {
            return "?";
        }
        String lower = t.toLowerCase(Locale.ROOT);
        boolean bare = t.indexOf(' ') < 0 && "_#$'\"[];".indexOf(t.charAt(0)) < 0 && !t.equals("?")
                && !t.equals(".") && !lower.startsWith("data_") && !lower.startsWith("save_") && !lower.equals("loop_")
                && !lower.equals("global_") && !lower.equals("stop_");
        if (bare) {
            return t;
        }
        if (!closesQuote(t, '\'')) {
            return "'" + t + "'";
        }
        if (!closesQuote(t, '"')) {
            return "\"" + t + "\"";
        }
        return "\n;" + t + "\n;";
    }

    /** Whether a quote character inside the text would end a value quoted with it (quote then blank or end). */
    private static boolean closesQuote(String t, char quote) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == quote && (i + 1 == t.length() || t.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** Printable ASCII without blanks or quotes, at most 75 characters; the fallback when nothing is left. */
    private static String sanitize(String text, String fallback) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            sb.append(c > ' ' && c < 127 && c != '\'' && c != '"' ? c : '_');
        }
        String s = sb.toString().replaceAll("_+", "_");
        if (s.isEmpty() || s.equals("_")) {
            s = fallback;
        }
        return s.length() > MAX_NAME_LENGTH ? s.substring(0, MAX_NAME_LENGTH) : s;
    }

    /** The name, or the name with the first free suffix {@code _2}, {@code _3}, ... (case-insensitive). */
    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int k = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); k++) {
            String suffix = "_" + k;
            candidate = (name.length() + suffix.length() > MAX_NAME_LENGTH
                    ? name.substring(0, MAX_NAME_LENGTH - suffix.length()) : name) + suffix;
        }
        return candidate;
    }
}
