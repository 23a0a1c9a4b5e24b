#!/usr/bin/python3
"""Writes data/editor_symmetry.csv: the space group of the study's BPO4 structure (the example CIF of
bundles/org.pxrd.examples, I-4) as the structure editor's tests edit it (lattice parameter a set to a value, all
else kept), and the sizes of its standard cells. Oracle: pymatgen 2022.11.7 (MIT) SpacegroupAnalyzer(structure,
symprec=0.01, angle_tolerance=5) over spglib 2.0.2 (BSD-3-Clause): get_space_group_symbol/_number,
get_crystal_system, len(get_primitive_standard_structure()), len(get_conventional_standard_structure()) and their
volumes (Å³).

Run:  /usr/bin/python3 make_editor_symmetry.py
"""
import os
import warnings

from pymatgen.core import Lattice, Structure
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
CIF = os.path.join(HERE, "..", "..", "..", "bundles", "org.pxrd.examples", "data", "study10", "conventional",
                   "mp-3589_BPO4_sg82.cif")
OUT = os.path.join(HERE, "..", "data", "editor_symmetry.csv")

s = Structure.from_file(CIF)
rows = ["a,symbol,number,crystal_system,primitive_sites,primitive_volume,conventional_sites,conventional_volume"]
for a in ["4.441994", "4.445", "5.2"]:
    t = Structure(Lattice.from_parameters(float(a), s.lattice.b, s.lattice.c, 90, 90, 90), s.species, s.frac_coords)
    sga = SpacegroupAnalyzer(t, symprec=0.01, angle_tolerance=5)
    prim = sga.get_primitive_standard_structure()
    conv = sga.get_conventional_standard_structure()
    rows.append("%s,%s,%d,%s,%d,%.10f,%d,%.10f" % (a, sga.get_space_group_symbol(), sga.get_space_group_number(),
                                                  sga.get_crystal_system(), len(prim), prim.volume, len(conv),
                                                  conv.volume))
with open(OUT, "w") as f:
    f.write("\n".join(rows) + "\n")
print("wrote", OUT)
