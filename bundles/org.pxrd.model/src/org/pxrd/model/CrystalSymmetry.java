package org.pxrd.model;

import java.util.List;
import java.util.Objects;

/**
 * The space group a structure was described in: its Hermann-Mauguin symbol, its number (1-230, or 0 when
 * unknown) and its operations in the structure's cell (empty when only the symbol is known).
 */
public record CrystalSymmetry(String hermannMauguin, int number, List<SymmetryOperation> operations) {

    public CrystalSymmetry {
        Objects.requireNonNull(hermannMauguin, "hermannMauguin");
        if (number < 0 || number > 230) {
            throw new InvalidModelException("space group number " + number + " is outside 1..230");
        }
        operations = List.copyOf(operations);
    }
}
