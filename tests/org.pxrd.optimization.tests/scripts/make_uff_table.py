#!/usr/bin/python3
"""Writes the Lennard-Jones part of the Universal Force Field (UFF) as the table the product ships:
bundles/org.pxrd.optimization/src/org/pxrd/optimization/potentials/uff-lennard-jones.csv

Source of the numbers: A. K. Rappe, C. J. Casewit, K. S. Colwell, W. A. Goddard III, W. M. Skiff, "UFF, a full
periodic table force field for molecular mechanics and molecular dynamics simulations", J. Am. Chem. Soc. 114
(1992) 10024-10035, Table 1, columns x_I (nonbond distance, Angstrom) and D_I (nonbond energy, kcal/mol).
The machine-readable copy read here is Open Babel 3.1.1's data/UFF.prm (Debian package openbabel-data; its
header says it takes the table from RDKit). UFF's nonbond parameters belong to the element, not to the atom
type: the script checks that every type of an element carries the same x_I and D_I and writes one row per
element. Open Babel's type 'Lw' is lawrencium (Lr); the dummy atom 'Du' and deuterium 'D' are left out.

Run: /usr/bin/python3 make_uff_table.py /usr/share/openbabel/3.1.1/UFF.prm > uff-lennard-jones.csv
"""
import re
import sys

SYMBOL_FIXES = {"Lw": "Lr"}


def main(path):
    by_element = {}
    order = []
    with open(path) as f:
        for line in f:
            if not line.startswith("param"):
                continue
            fields = line.split()
            atom_type, x, d = fields[1], float(fields[4]), float(fields[5])
            symbol = re.match(r"[A-Z][a-z]?", atom_type).group(0)
            if symbol in ("Du", "D"):
                continue
            symbol = SYMBOL_FIXES.get(symbol, symbol)
            if symbol in by_element:
                if by_element[symbol][1:] != (x, d):
                    raise SystemExit(f"{atom_type}: x, D differ from {by_element[symbol][0]}")
            else:
                by_element[symbol] = (atom_type, x, d)
                order.append(symbol)
    print("# UFF Lennard-Jones parameters per element: Rappe et al., J. Am. Chem. Soc. 114 (1992) 10024, Table 1")
    print("# x_I: nonbond (minimum-energy) distance in Angstrom; D_I: well depth in kcal/mol; type: the UFF atom")
    print("# type the row was read from (all types of an element share x_I and D_I).")
    print("# Transcribed by tests/org.pxrd.optimization.tests/scripts/make_uff_table.py from Open Babel 3.1.1 UFF.prm.")
    print("element,x_angstrom,d_kcal_per_mol,uff_type")
    for symbol in order:
        atom_type, x, d = by_element[symbol]
        print(f"{symbol},{x},{d},{atom_type}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/openbabel/3.1.1/UFF.prm")
