package org.pxrd.symmetry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pxrd.model.Structure;
import org.pxrd.model.SymmetryOperation;

/**
 * What {@link SymmetryFinder} found for one structure: the space group (in its standard setting), the operations
 * in the input cell, the symmetry-equivalent atoms and their Wyckoff letters, the refined conventional cell in the
 * standard setting (spglib's {@code refine_cell}), and the standard conventional and primitive cells as pymatgen's
 * {@code SpacegroupAnalyzer} defines them ({@link StandardCells}).
 */
public final class SymmetryDataset {

    private final SpaceGroup spaceGroup;
    private final List<SymmetryOperation> operations;
    private final int[] equivalentAtoms;
    private final String[] wyckoffLetters;
    private final String[] siteSymmetries;
    private final Structure refined;
    private final Structure symmetrized;
    private final int[][] conventionalBasis;
    private final double[] originShift;
    private final double tolerance;
    private final java.util.function.Supplier<List<List<String>>> equivalentDescriptions;

    SymmetryDataset(SpaceGroup spaceGroup, List<SymmetryOperation> operations, int[] equivalentAtoms,
            String[] wyckoffLetters, String[] siteSymmetries, Structure refined, Structure symmetrized,
            int[][] conventionalBasis, double[] originShift, double tolerance,
            java.util.function.Supplier<List<List<String>>> equivalentDescriptions) {
        this.equivalentDescriptions = equivalentDescriptions;
        this.spaceGroup = spaceGroup;
        this.operations = List.copyOf(operations);
        this.equivalentAtoms = equivalentAtoms;
        this.wyckoffLetters = wyckoffLetters;
        this.siteSymmetries = siteSymmetries;
        this.refined = refined;
        this.symmetrized = symmetrized;
        this.conventionalBasis = conventionalBasis;
        this.originShift = originShift;
        this.tolerance = tolerance;
    }

    /** The space group in its standard setting (spglib's choice: the first setting of the number). */
    public SpaceGroup spaceGroup() {
        return spaceGroup;
    }

    /** International Tables number 1-230. */
    public int number() {
        return spaceGroup.number();
    }

    /** Short Hermann-Mauguin symbol as spglib and pymatgen print it, e.g. {@code P6_3/mmc}. */
    public String symbol() {
        return spaceGroup.shortSymbol();
    }

    public CrystalSystem crystalSystem() {
        return spaceGroup.crystalSystem();
    }

    /**
     * pymatgen's lattice type: the crystal system, except that the seven R groups (146, 148, 155, 160, 161, 166,
     * 167) are {@code rhombohedral} and the other trigonal groups {@code hexagonal}.
     */
    public String latticeType() {
        int n = number();
        if (n == 146 || n == 148 || n == 155 || n == 160 || n == 161 || n == 166 || n == 167) {
            return "rhombohedral";
        }
        return crystalSystem() == CrystalSystem.TRIGONAL ? "hexagonal" : crystalSystem().label();
    }

    /** The operations of the input cell (fractional, its pure translations included). */
    public List<SymmetryOperation> operations() {
        return operations;
    }

    /** For every input site, the index of the first input site equivalent to it. */
    public int[] equivalentAtoms() {
        return equivalentAtoms.clone();
    }

    /** The Wyckoff letter of every input site (in the standard setting). */
    public List<String> wyckoffLetters() {
        return List.of(wyckoffLetters);
    }

    /** The site-symmetry point group of every input site. */
    public List<String> siteSymmetries() {
        return List.of(siteSymmetries);
    }

    /**
     * One symbol per set of equivalent input sites: the number of input sites in the set followed by their
     * Wyckoff letter (pymatgen's {@code SymmetrizedStructure.wyckoff_symbols}), sorted by count then letter,
     * e.g. {@code [2a, 2c]}.
     */
    public List<String> wyckoffSymbols() {
        return symbols(equivalentAtoms, wyckoffLetters);
    }

    /**
     * The {@link #wyckoffSymbols()} of every equivalent description of the structure in the standard setting
     * (other origins and axis choices that give the same operations, which can relabel Wyckoff positions, e.g.
     * 1a and 1b of Pm-3m); the reported description first.
     */
    public List<List<String>> equivalentWyckoffSymbols() {
        return equivalentDescriptions.get();
    }

    static List<String> symbols(int[] equivalent, String[] letters) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int e : equivalent) {
            counts.merge(e, 1, Integer::sum);
        }
        List<String> symbols = new ArrayList<>();
        counts.forEach((first, count) -> symbols.add(count + letters[first]));
        symbols.sort(Comparator.comparingInt((String s) -> Integer.parseInt(s.replaceAll("[^0-9]", "")))
                .thenComparing(s -> s.replaceAll("[0-9]", "")));
        return List.copyOf(symbols);
    }

    /** The sites grouped by equivalence: lists of input site indices, in order of their first member. */
    public List<List<Integer>> equivalentSites() {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < equivalentAtoms.length; i++) {
            groups.computeIfAbsent(equivalentAtoms[i], k -> new ArrayList<>()).add(i);
        }
        return List.copyOf(groups.values());
    }

    /** The input structure with every site moved to its exactly symmetric position (same cell, same order). */
    public Structure symmetrizedStructure() {
        return symmetrized;
    }

    /**
     * The refined cell: the conventional cell of the standard setting with the idealized lattice (spglib's
     * {@code refine_cell}); its sites are labelled with the group's operations.
     */
    public Structure refinedStructure() {
        return refined;
    }

    /** The conventional standard structure (pymatgen's {@code get_conventional_standard_structure}). */
    public Structure conventionalStandardStructure() {
        return StandardCells.conventional(this);
    }

    /** The primitive standard structure (pymatgen's {@code get_primitive_standard_structure}). */
    public Structure primitiveStandardStructure() {
        return StandardCells.primitive(this);
    }

    /** Columns: the conventional basis vectors in coordinates of the reduced primitive cell. */
    int[][] conventionalBasis() {
        return conventionalBasis;
    }

    /** Origin shift of the standard setting (conventional fractional coordinates). */
    public double[] originShift() {
        return originShift.clone();
    }

    /** The symmetry tolerance (Å) the search succeeded with (the requested one, or less after retries). */
    public double tolerance() {
        return tolerance;
    }
}
