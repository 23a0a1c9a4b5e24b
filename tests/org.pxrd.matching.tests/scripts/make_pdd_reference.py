#!/usr/bin/python3
"""Reference PDD earth mover's distances for tests/org.pxrd.matching.tests (PddTest).

For the first pair of every kind among the first 100 development pairs (matcher-dev, MP-20 structures, CC BY 4.0)
and k in {1, 10, 100}: the pointwise distance distribution of each structure (Widdowson & Kurlin, NeurIPS 2022:
rows = sorted distances to the k nearest neighbours of each atom, from pymatgen's neighbour lists; weights 1/m;
rows closer than 1e-4 Angstrom in L-infinity merged) and the earth mover's distance between them with the
L-infinity ground metric, solved as a linear program by scipy.optimize.linprog (HiGHS). pymatgen 2022.11.7 reads
the CIFs (it rounds coordinates within 1e-4 relative of 1/3 and 2/3, as the tests do).

Run from the repository root:  /usr/bin/python3 tests/org.pxrd.matching.tests/scripts/make_pdd_reference.py
Writes tests/org.pxrd.matching.tests/data/pdd_emd_reference.csv.
"""
import csv
import os
import warnings

import numpy as np
from pymatgen.core import Structure
from scipy.optimize import linprog

warnings.filterwarnings("ignore")
DEV = "tests/org.pxrd.testdata/data/matcher-dev"
OUT = "tests/org.pxrd.matching.tests/data/pdd_emd_reference.csv"
COLLAPSE = 1e-4


def pdd(s, k):
    r = (3 * 2 * (k + 1) * s.volume / (4 * np.pi * len(s))) ** (1 / 3)
    while True:
        neighbours = s.get_all_neighbors(r)
        if all(len(n) >= k for n in neighbours):
            break
        r *= 1.5
    rows = sorted(tuple(sorted(n.nn_distance for n in site)[:k]) for site in neighbours)
    kept, weights = [], []
    for row in rows:
        for g, rep in enumerate(kept):
            if max(abs(a - b) for a, b in zip(rep, row)) <= COLLAPSE:
                weights[g] += 1
                break
        else:
            kept.append(row)
            weights.append(1)
    return np.array(kept), np.array(weights, dtype=float) / len(rows)


def emd(p, q):
    (r1, w1), (r2, w2) = p, q
    n1, n2 = len(w1), len(w2)
    cost = np.array([[np.max(np.abs(a - b)) for b in r2] for a in r1]).ravel()
    a_eq, b_eq = [], []
    for i in range(n1):
        row = np.zeros(n1 * n2)
        row[i * n2:(i + 1) * n2] = 1
        a_eq.append(row)
        b_eq.append(w1[i])
    for j in range(n2 - 1):  # one constraint is implied by the totals
        row = np.zeros(n1 * n2)
        row[j::n2] = 1
        a_eq.append(row)
        b_eq.append(w2[j])
    res = linprog(cost, A_eq=np.array(a_eq), b_eq=np.array(b_eq), bounds=(0, None), method="highs")
    assert res.status == 0, res.message
    return res.fun


def main():
    with open(os.path.join(DEV, "verdicts.csv")) as f:
        rows = list(csv.DictReader(f))[:100]
    seen, out = set(), []
    for r in rows:
        if r["kind"] in seen:
            continue
        seen.add(r["kind"])
        a = Structure.from_file(os.path.join(DEV, r["file_A"]))
        b = Structure.from_file(os.path.join(DEV, r["file_B"]))
        for k in (1, 10, 100):
            pa, pb = pdd(a, k), pdd(b, k)
            out.append({"pair_id": r["pair_id"], "kind": r["kind"], "k": k, "rows_A": len(pa[1]),
                        "rows_B": len(pb[1]), "emd": repr(float(emd(pa, pb)))})
    with open(OUT, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(out[0]))
        w.writeheader()
        w.writerows(out)
    print(len(out), "rows")


if __name__ == "__main__":
    main()
