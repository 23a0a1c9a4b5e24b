#!/usr/bin/python3
"""Reference Niggli- and LLL-reduced lattices for tests/org.pxrd.model.tests (NiggliReductionTest).

Lattices: every cell of tests/org.pxrd.testdata/data/{paper10,mp20-dev50}/cif (MP-20, CC BY 4.0), each also in a
skewed basis M @ L (M a seeded random unimodular integer matrix with entries up to 3), and textbook cells given in
non-reduced bases (fcc, bcc, hexagonal, rhombohedral, monoclinic C). For each: the input matrix (rows = lattice
vectors, Angstrom), pymatgen 2022.11.7's get_niggli_reduced_lattice() parameters (tol 1e-5) and
get_lll_reduced_lattice() parameters (delta 0.75).

Run from the repository root:  /usr/bin/python3 tests/org.pxrd.model.tests/scripts/make_niggli_reference.py
Writes tests/org.pxrd.model.tests/data/niggli_pymatgen.csv.
"""
import csv
import glob
import os
import warnings

import numpy as np
from pymatgen.core import Lattice, Structure

warnings.filterwarnings("ignore")
OUT = "tests/org.pxrd.model.tests/data/niggli_pymatgen.csv"


def unimodular(rng):
    while True:
        m = rng.integers(-3, 4, (3, 3))
        if round(abs(np.linalg.det(m))) == 1:
            return m


def main():
    rng = np.random.default_rng(1976)
    cases = []
    for path in sorted(glob.glob("tests/org.pxrd.testdata/data/paper10/cif/*.cif")
                       + glob.glob("tests/org.pxrd.testdata/data/mp20-dev50/cif/*.cif")):
        lattice = Structure.from_file(path).lattice
        name = os.path.basename(path)[:-4]
        cases.append((name, lattice.matrix))
        cases.append((name + " skewed", unimodular(rng) @ lattice.matrix))
    a = 4.05
    cases += [
        ("fcc conventional", Lattice.cubic(a).matrix),
        ("fcc primitive", np.array([[0, a / 2, a / 2], [a / 2, 0, a / 2], [a / 2, a / 2, 0]])),
        ("fcc primitive skewed", np.array([[1, 1, 0], [0, 1, 1], [1, 2, 2]]) @ np.array(
            [[0, a / 2, a / 2], [a / 2, 0, a / 2], [a / 2, a / 2, 0]])),
        ("bcc primitive", np.array([[-a / 2, a / 2, a / 2], [a / 2, -a / 2, a / 2], [a / 2, a / 2, -a / 2]])),
        ("hexagonal 120", Lattice.hexagonal(3.2, 5.1).matrix),
        ("hexagonal 60", np.array([[1, 0, 0], [1, 1, 0], [0, 0, 1]]) @ Lattice.hexagonal(3.2, 5.1).matrix),
        ("rhombohedral", Lattice.rhombohedral(5.0, 70.0).matrix),
        ("monoclinic C", np.array([[0.5, 0.5, 0], [-0.5, 0.5, 0], [0, 0, 1]]) @ Lattice.monoclinic(5.1, 7.3, 6.2, 104.0).matrix),
        ("triclinic obtuse", Lattice.from_parameters(3.3, 4.4, 5.5, 100.0, 110.0, 120.0).matrix),
        ("long c", np.array([[1, 0, 5], [0, 1, 3], [0, 0, 1]]) @ Lattice.orthorhombic(3.0, 3.5, 4.0).matrix),
    ]
    with open(OUT, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["name"] + [f"m{i}{j}" for i in range(3) for j in range(3)]
                   + ["niggli_a", "niggli_b", "niggli_c", "niggli_alpha", "niggli_beta", "niggli_gamma",
                      "lll_a", "lll_b", "lll_c", "lll_alpha", "lll_beta", "lll_gamma"])
        for name, m in cases:
            lattice = Lattice(m)
            n = lattice.get_niggli_reduced_lattice()
            lll = lattice.get_lll_reduced_lattice()
            w.writerow([name] + [repr(float(x)) for x in np.ravel(m)]
                       + [repr(float(x)) for x in n.abc + n.angles] + [repr(float(x)) for x in lll.abc + lll.angles])
    print(len(cases), "lattices")


if __name__ == "__main__":
    main()
