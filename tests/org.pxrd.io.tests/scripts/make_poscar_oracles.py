#!/usr/bin/python3
"""POSCAR files written by independent programs, to test PoscarFormat's reader against.

For each of the ten P1 structures of the study (tests/org.pxrd.testdata/data/paper10/cif):
  <stem>.pymatgen.vasp   pymatgen 2022.11.7 Poscar(structure).write_file: VASP 5, scale 1, Direct coordinates
  <stem>.ase.vasp        ASE 3.22.1 ase.io.write(format="vasp", direct=False, vasp5=True, sort=True):
                         Cartesian coordinates, sites sorted by element (order changes)
Both programs are MIT / LGPL licensed; only their output is committed (tests/org.pxrd.io.tests/data/poscar).
Run from the module folder: /usr/bin/python3 scripts/make_poscar_oracles.py
"""
import glob
import os
import warnings

import ase.io
from pymatgen.io.ase import AseAtomsAdaptor
from pymatgen.io.cif import CifParser
from pymatgen.io.vasp import Poscar

warnings.filterwarnings("ignore")
HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join(HERE, "..", "..", "org.pxrd.testdata", "data", "paper10", "cif")
OUT = os.path.join(HERE, "..", "data", "poscar")

os.makedirs(OUT, exist_ok=True)
for path in sorted(glob.glob(os.path.join(SOURCE, "*.cif"))):
    stem = os.path.splitext(os.path.basename(path))[0]
    structure = CifParser(path).get_structures(primitive=False)[0]
    Poscar(structure, comment=stem).write_file(os.path.join(OUT, stem + ".pymatgen.vasp"))
    atoms = AseAtomsAdaptor.get_atoms(structure)
    ase.io.write(os.path.join(OUT, stem + ".ase.vasp"), atoms, format="vasp", direct=False, vasp5=True, sort=True)
