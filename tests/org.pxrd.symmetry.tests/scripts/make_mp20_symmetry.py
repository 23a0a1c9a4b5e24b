#!/usr/bin/python3
"""Writes data/mp20_symmetry.csv: the columns of the shared reference symmetry.csv files for 300 further MP-20
structures, drawn with a fixed seed from tests/org.pxrd.testdata/data/mp20-biternary/{val,test}.csv.gz (CIF text
in the `cif` column; Materials Project data, CC BY 4.0).

Oracle: pymatgen 2022.11.7 (MIT) SpacegroupAnalyzer(structure, symprec) with its default angle_tolerance=5,
over spglib 2.0.2 (BSD-3-Clause): get_space_group_number/_symbol, get_crystal_system,
get_conventional_standard_structure, get_primitive_standard_structure and
get_symmetrized_structure().wyckoff_symbols, at symprec 0.01 (_p01) and 0.1 (_p1).

Run with Debian's python3-pymatgen:  /usr/bin/python3 make_mp20_symmetry.py
"""
import csv
import gzip
import os
import random
import sys
import warnings

from pymatgen.core import Structure
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer

warnings.filterwarnings("ignore")
csv.field_size_limit(sys.maxsize)
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "org.pxrd.testdata", "data", "mp20-biternary")
OUT = os.path.join(HERE, "..", "data", "mp20_symmetry.csv")
COUNT = 300
SEED = 20260101

rows = []
for split in ("val", "test"):
    with gzip.open(os.path.join(DATA, split + ".csv.gz"), "rt") as f:
        for r in csv.DictReader(f):
            rows.append((split, r["material_id"], r["cif"]))
rows.sort(key=lambda r: (r[0], r[1]))
chosen = random.Random(SEED).sample(rows, COUNT)
chosen.sort(key=lambda r: (r[0], r[1]))

header = ["split", "material_id", "nsites"]
for suffix in ("p01", "p1"):
    header += [c + "_" + suffix for c in ("sg", "symbol", "system", "nconv", "nprim", "conv_abc", "conv_angles",
                                          "wyckoff")]
with open(OUT, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(header)
    for split, mid, cif in chosen:
        s = Structure.from_str(cif, fmt="cif")
        row = [split, mid, len(s)]
        for prec in (0.01, 0.1):
            a = SpacegroupAnalyzer(s, symprec=prec)
            conv = a.get_conventional_standard_structure()
            prim = a.get_primitive_standard_structure()
            wy = sorted(a.get_symmetrized_structure().wyckoff_symbols)
            row += [a.get_space_group_number(), a.get_space_group_symbol(), a.get_crystal_system(), len(conv),
                    len(prim), " ".join("%.6f" % x for x in conv.lattice.abc),
                    " ".join("%.4f" % x for x in conv.lattice.angles), " ".join(wy)]
        w.writerow(row)
print("wrote", OUT)
