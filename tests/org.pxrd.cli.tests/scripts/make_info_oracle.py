#!/usr/bin/python3
"""What `pxrd info` must print for the reference structures, computed with pymatgen 2022.11.7 (MIT licence).

For every CIF of tests/org.pxrd.testdata/data/paper10/{cif,conventional-cif}: the cell formula, reduced formula
(pymatgen's reduced composition, written without grouping polyatomic units),
number of sites, lattice parameters (Angstrom, degrees), volume (Angstrom^3), density (g/cm^3), and the space
group symbol and number as the file states them (_symmetry_space_group_name_H-M, _symmetry_Int_Tables_number).
Output: data/info_paper10.csv. Run from the module folder: /usr/bin/python3 scripts/make_info_oracle.py
"""
import csv
import glob
import os
import re
import warnings

from pymatgen.io.cif import CifParser

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "org.pxrd.testdata", "data")
OUT = os.path.join(HERE, "..", "data", "info_paper10.csv")

with open(OUT, "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["file", "formula", "reduced_formula", "nsites", "a", "b", "c", "alpha", "beta", "gamma", "volume",
                "density", "space_group", "space_group_number"])
    for folder in ("cif", "conventional-cif"):
        for path in sorted(glob.glob(os.path.join(DATA, "paper10", folder, "*.cif"))):
            parser = CifParser(path)
            s = parser.get_structures(primitive=False)[0]
            block = list(parser.as_dict().values())[0]
            # the reduced formula without pymatgen's grouping of polyatomic units (Nd(Al2Cu)4 is NdAl8Cu4 here)
            reduced = re.sub(r"(?<=[A-Za-z])1(?![0-9.])", "", s.composition.reduced_composition.formula.replace(" ", ""))
            w.writerow(["paper10/" + folder + "/" + os.path.basename(path), s.composition.formula, reduced, len(s)]
                       + ["%.10f" % v for v in s.lattice.abc + s.lattice.angles]
                       + ["%.10f" % s.volume, "%.10f" % s.density,
                          block["_symmetry_space_group_name_H-M"], block["_symmetry_Int_Tables_number"]])
