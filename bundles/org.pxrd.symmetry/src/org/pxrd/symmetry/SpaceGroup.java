package org.pxrd.symmetry;

import java.util.List;

import org.pxrd.model.CrystalSymmetry;
import org.pxrd.model.SymmetryOperation;

/**
 * One setting of a space group type (one of the 530 settings of spglib's database): the group in a given
 * choice of axes and origin, with its operations in the conventional cell generated from the Hall symbol by
 * {@link HallSymbol} and its Wyckoff positions.
 *
 * @param hallNumber serial number 1-530 of the setting in spglib's list (Seto's numbering)
 * @param number International Tables number 1-230
 * @param hallSymbol Hall symbol, e.g. {@code -P 6c 2c}
 * @param shortSymbol short Hermann-Mauguin symbol without spaces, subscripts as {@code _}, e.g. {@code P6_3/mmc}
 * @param fullSymbol full Hermann-Mauguin symbol of this setting, e.g. {@code P 6_3/m 2/m 2/c}
 * @param settingSymbol the setting as spglib names it, e.g. {@code P 2_1/c = P 1 2_1/c 1}
 * @param choice the setting choice: unique axis and cell choice ({@code b1}, {@code c2}), origin choice
 *        ({@code 1}, {@code 2}), hexagonal or rhombohedral axes ({@code H}, {@code R}), orthorhombic axis
 *        permutation ({@code ba-c}), or empty for the only setting
 * @param schoenflies Schoenflies symbol, e.g. {@code D6h^4}
 * @param pointGroup point group (crystal class) in Hermann-Mauguin notation, e.g. {@code 6/mmm}
 * @param standard whether this is the standard setting of its number (the first in spglib's list: unique
 *        axis b cell choice 1, origin choice 1, hexagonal axes), the setting the symmetry finder reports
 * @param operations every operation in the conventional cell, centring translations included, identity first,
 *        translations in [0, 1)
 * @param wyckoffPositions the Wyckoff positions, letter a (highest site symmetry) first
 */
public record SpaceGroup(int hallNumber, int number, String hallSymbol, String shortSymbol, String fullSymbol,
        String settingSymbol, String choice, String schoenflies, String pointGroup, boolean standard,
        List<SymmetryOperation> operations, List<WyckoffPosition> wyckoffPositions) {

    public SpaceGroup {
        operations = List.copyOf(operations);
        wyckoffPositions = List.copyOf(wyckoffPositions);
    }

    /** The centring letter of the conventional cell: P, A, B, C, I, F or R. */
    public char centring() {
        return hallSymbol.charAt(hallSymbol.startsWith("-") ? 1 : 0);
    }

    /** Number of lattice points per conventional cell (1 for P, 2 for A/B/C/I, 3 for R, 4 for F). */
    public int centringMultiplicity() {
        return switch (centring()) {
            case 'P' -> 1;
            case 'R' -> 3;
            case 'F' -> 4;
            default -> 2;
        };
    }

    public CrystalSystem crystalSystem() {
        return CrystalSystem.of(number);
    }

    public CrystalFamily crystalFamily() {
        return crystalSystem().family();
    }

    /** Whether the R group is described on rhombohedral axes (a = b = c, α = β = γ). */
    public boolean rhombohedralAxes() {
        return "R".equals(choice);
    }

    /** Order of the group in the conventional cell (operations times centring). */
    public int order() {
        return operations.size();
    }

    /** The Wyckoff position with this letter. */
    public WyckoffPosition wyckoff(String letter) {
        for (WyckoffPosition w : wyckoffPositions) {
            if (w.letter().equals(letter)) {
                return w;
            }
        }
        throw new IllegalArgumentException("space group " + shortSymbol + " has no Wyckoff position " + letter);
    }

    /** The short symbol with a setting suffix when this is not the only setting, e.g. {@code Fd-3m:2}. */
    public String label() {
        return choice.isEmpty() ? shortSymbol : shortSymbol + ":" + choice;
    }

    /** This group as the model's label for a structure described in it. */
    public CrystalSymmetry toCrystalSymmetry() {
        return new CrystalSymmetry(fullSymbol, number, operations);
    }

    @Override
    public String toString() {
        return label() + " (" + number + ", Hall " + hallSymbol + ")";
    }
}
