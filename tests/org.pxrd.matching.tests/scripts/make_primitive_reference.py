#!/usr/bin/python3
"""Reference primitive cells for tests/org.pxrd.matching.tests (PrimitiveCellFinderTest).

For every structure of tests/org.pxrd.testdata/data/{paper10,mp20-dev50} (MP-20, CC BY 4.0) as its P1 CIF, as its
conventional cell (conventional-cif/, symmetric CIFs) and as a 2x1x2 supercell of the P1 cell: pymatgen
2022.11.7's Structure.get_primitive_structure() (tolerance 0.25 Angstrom): number of sites, volume and the
Niggli-reduced lattice lengths of the primitive cell.

Run from the repository root:  /usr/bin/python3 tests/org.pxrd.matching.tests/scripts/make_primitive_reference.py
Writes tests/org.pxrd.matching.tests/data/primitive_reference.csv.
"""
import csv
import glob
import os
import warnings

from pymatgen.core import Structure

warnings.filterwarnings("ignore")
DATA = "tests/org.pxrd.testdata/data"
OUT = "tests/org.pxrd.matching.tests/data/primitive_reference.csv"


def main():
    rows = []
    for folder in ("paper10", "mp20-dev50"):
        for path in sorted(glob.glob(os.path.join(DATA, folder, "cif", "*.cif"))):
            name = os.path.basename(path)
            for variant, file in (("p1", f"{folder}/cif/{name}"), ("conventional", f"{folder}/conventional-cif/{name}"),
                                  ("supercell", f"{folder}/cif/{name}")):
                full = os.path.join(DATA, file)
                if not os.path.exists(full):
                    continue
                s = Structure.from_file(full, primitive=False)
                if variant == "supercell":
                    s.make_supercell([2, 1, 2])
                p = s.get_primitive_structure()
                rows.append({"file": file, "variant": variant, "nsites": len(s), "prim_nsites": len(p),
                             "prim_volume": repr(p.volume), "prim_a": repr(p.lattice.a), "prim_b": repr(p.lattice.b),
                             "prim_c": repr(p.lattice.c)})
    with open(OUT, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(len(rows), "rows")


if __name__ == "__main__":
    main()
