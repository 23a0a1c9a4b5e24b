#!/usr/bin/python3
"""Extra StructureMatcher test pairs from MP-20 structures the development set does not hold.

Reference oracle for tests/org.pxrd.matching.tests: pymatgen 2022.11.7 (MIT licence) verdicts and rms distances,
and AMD k=100 from pymatgen's neighbour lists, on pairs built the way tests/org.pxrd.testdata/data/README.md
describes for matcher-dev (the study's lattice noise, coordinate noise, both, equivalent descriptions and true
differences), plus a vacancy pair for allow_subset. Structures: MP-20 (Materials Project, CC BY 4.0), the 2-3
element rows of mp20-biternary not in mp20-dev50 or paper10.

Run from the repository root:  /usr/bin/python3 tests/org.pxrd.matching.tests/scripts/make_extra_pairs.py
Writes tests/org.pxrd.matching.tests/data/matcher-extra/: bases/*.cif (structure A of every pair of a base),
pairs/*_B.cif, verdicts.csv (columns as matcher-dev's, plus fit_supercell: primitive_cell=False,
attempt_supercell=True; fit_subset: allow_subset=True, attempt_supercell=True) and amd_k100.csv (the bases).
Seeded: the same files on every run.
"""
import csv
import gzip
import io
import os
import time
import warnings

import numpy as np
from pymatgen.analysis.structure_matcher import StructureMatcher
from pymatgen.core import Lattice, Structure
from pymatgen.io.cif import CifWriter
from pymatgen.symmetry.analyzer import SpacegroupAnalyzer
from scipy.spatial.transform import Rotation

warnings.filterwarnings("ignore")
SEED = 20260214
BASES = 30
K = 100
DATA = "tests/org.pxrd.testdata/data"
OUT = "tests/org.pxrd.matching.tests/data/matcher-extra"

csv.field_size_limit(10**8)


def crystal_system(number):
    for upper, name in ((2, "triclinic"), (15, "monoclinic"), (74, "orthorhombic"), (142, "tetragonal"),
                        (167, "trigonal"), (194, "hexagonal"), (230, "cubic")):
        if number <= upper:
            return name


def known_ids():
    ids = set()
    for name in ("mp20-dev50/manifest.csv", "paper10/manifest.csv"):
        with open(os.path.join(DATA, name)) as f:
            ids.update(row["material_id"] for row in csv.DictReader(f))
    return ids


def candidates(rng):
    known = known_ids()
    rows = []
    for split in ("val", "test"):
        with gzip.open(os.path.join(DATA, "mp20-biternary", split + ".csv.gz"), "rt") as f:
            for row in csv.DictReader(f):
                if row["material_id"] in known:
                    continue
                s = Structure.from_str(row["cif"], fmt="cif")
                if 2 <= len(s) <= 20:
                    rows.append((row["material_id"], crystal_system(int(row["spacegroup.number"])), row["cif"]))
    by_system = {}
    for r in rows:
        by_system.setdefault(r[1], []).append(r)
    chosen = []
    systems = sorted(by_system)
    while len(chosen) < BASES:
        for name in systems:
            pool = by_system[name]
            if pool and len(chosen) < BASES:
                chosen.append(pool.pop(rng.integers(len(pool))))
    return chosen


def lattice_noise(s, sigma, rng):
    m = rng.uniform(-sigma, sigma, (3, 3))
    np.fill_diagonal(m, rng.uniform(1 - sigma, 1 + sigma, 3))
    return Structure(Lattice(m @ s.lattice.matrix), s.species, s.frac_coords)


def coord_noise(s, sigma, rng):
    return Structure(s.lattice, s.species, (s.frac_coords + rng.normal(0, sigma, s.frac_coords.shape)) % 1.0)


def unimodular(rng):
    m = np.eye(3, dtype=int)
    for _ in range(3):
        i, j = rng.choice(3, 2, replace=False)
        e = np.eye(3, dtype=int)
        e[i, j] = rng.choice([-1, 1])
        m = e @ m
    return m


def variants(mid, s, others, rng):
    out = []
    for sigma in (0.01, 0.05, 0.1, 0.15, 0.2):
        out.append(("lattice_noise", f"sigma={sigma}", lattice_noise(s, sigma, rng)))
    for sigma in (0.001, 0.005, 0.01, 0.05, 0.1):
        out.append(("coord_noise", f"sigma={sigma}", coord_noise(s, sigma, rng)))
    for sl, sx in ((0.05, 0.01), (0.1, 0.05)):
        out.append(("lattice+coord_noise", f"sigma_L={sl};sigma_x={sx}", coord_noise(lattice_noise(s, sl, rng), sx, rng)))
    sc = [[[2, 0, 0], [0, 1, 0], [0, 0, 1]], [[1, 1, 0], [-1, 1, 0], [0, 0, 1]], [[1, 0, 0], [0, 1, 1], [0, -1, 1]]]
    bigger = s.copy()
    bigger.make_supercell(sc[rng.integers(3)])
    out.append(("equiv_supercell", "det=2", bigger))
    order = rng.permutation(len(s))
    out.append(("equiv_permuted", "site order shuffled", Structure(s.lattice, [s.species[i] for i in order],
                                                                     s.frac_coords[order])))
    shift = rng.uniform(0, 1, 3)
    out.append(("equiv_origin_shift", "shift=" + ";".join(f"{x:.4f}" for x in shift),
                Structure(s.lattice, s.species, (s.frac_coords + shift) % 1.0)))
    r = Rotation.random(random_state=int(rng.integers(2**31))).as_matrix()
    out.append(("equiv_rotated", "random proper rotation of cartesian frame",
                Structure(Lattice(s.lattice.matrix @ r.T), s.species, s.frac_coords)))
    conv = SpacegroupAnalyzer(s, symprec=0.01).get_conventional_standard_structure()
    out.append(("equiv_conventional", f"conv nsites={len(conv)} vs orig {len(s)}", conv))
    m = unimodular(rng)
    new_lattice = Lattice(m @ s.lattice.matrix)
    out.append(("equiv_unimodular_basis", "new basis = M @ L, det(M)=1",
                Structure(new_lattice, s.species, new_lattice.get_fractional_coords(s.cart_coords) % 1.0)))
    out.append(("volume_scaled_1.3", "isotropic; matches only if scale=True",
                Structure(Lattice(s.lattice.matrix * 1.3 ** (1 / 3)), s.species, s.frac_coords)))
    elements = sorted({sp.symbol for sp in s.species})
    x, y = rng.choice(elements, 2, replace=False)
    ix = [i for i, sp in enumerate(s.species) if sp.symbol == x][0]
    iy = [i for i, sp in enumerate(s.species) if sp.symbol == y][0]
    swapped = [sp for sp in s.species]
    swapped[ix], swapped[iy] = swapped[iy], swapped[ix]
    out.append(("different_antisite_swap", f"swap one {x} with one {y} (same composition)",
                Structure(s.lattice, swapped, s.frac_coords)))
    other_id, other = others[rng.integers(len(others))]
    out.append(("different_random_structure", f"other={other_id}", other))
    relabel = {x: y, y: x}
    out.append(("different_species_relabel", f"{x}<->{y}",
                Structure(s.lattice, [relabel.get(sp.symbol, sp.symbol) for sp in s.species], s.frac_coords)))
    vacancy = s.copy()
    vacancy.remove_sites([int(rng.integers(len(s)))])
    out.append(("subset_vacancy", "one site removed; matches only if allow_subset=True", vacancy))
    return out


def amd(s, k=K):
    r = (3 * 2 * (k + 1) * s.volume / (4 * np.pi * len(s))) ** (1 / 3)
    while True:
        neighbours = s.get_all_neighbors(r)
        if all(len(n) >= k for n in neighbours):
            break
        r *= 1.5
    rows = np.array([sorted(n.nn_distance for n in site)[:k] for site in neighbours])
    return rows.mean(axis=0)


def fmt(x):
    return "" if x is None else repr(float(x))


def main():
    rng = np.random.default_rng(SEED)
    bases = candidates(rng)
    os.makedirs(os.path.join(OUT, "pairs"), exist_ok=True)
    os.makedirs(os.path.join(OUT, "bases"), exist_ok=True)
    paper = StructureMatcher(ltol=0.1, stol=0.2, angle_tol=5)
    default = StructureMatcher()
    noscale = StructureMatcher(ltol=0.1, stol=0.2, angle_tol=5, scale=False)
    supercell = StructureMatcher(ltol=0.1, stol=0.2, angle_tol=5, primitive_cell=False, attempt_supercell=True)
    subset = StructureMatcher(ltol=0.1, stol=0.2, angle_tol=5, allow_subset=True, attempt_supercell=True)
    structures = [(mid, Structure.from_str(cif, fmt="cif")) for mid, _, cif in bases]
    rows, amds = [], {}
    n = 0
    for mid, s in structures:
        others = [(o, t) for o, t in structures if o != mid]
        for kind, detail, b in variants(mid, s, others, rng):
            n += 1
            pid = f"x{n:04d}"
            fa, fb = f"bases/{mid}.cif", f"pairs/{pid}_B.cif"
            if not os.path.exists(os.path.join(OUT, fa)):
                CifWriter(s).write_file(os.path.join(OUT, fa))
            CifWriter(b).write_file(os.path.join(OUT, fb))
            a2 = Structure.from_file(os.path.join(OUT, fa))
            b2 = Structure.from_file(os.path.join(OUT, fb))
            t0 = time.time()
            fit = paper.fit(a2, b2)
            seconds = time.time() - t0
            rms = paper.get_rms_dist(a2, b2) if fit else None
            rms_default = default.get_rms_dist(a2, b2)
            fit_default = default.fit(a2, b2)
            for f in (fa, fb):
                if f not in amds:
                    amds[f] = amd(Structure.from_file(os.path.join(OUT, f)))
            da = amds[fa] - amds[fb]
            rows.append({
                "pair_id": pid, "base_id": mid, "kind": kind, "detail": detail, "nsites_A": len(a2),
                "nsites_B": len(b2), "file_A": fa, "file_B": fb, "fit_paper": fit,
                "rms_paper": fmt(rms[0] if rms else None), "maxdist_paper": fmt(rms[1] if rms else None),
                "fit_paper_BA": paper.fit(b2, a2), "fit_default": fit_default,
                "rms_default": fmt(rms_default[0] if fit_default and rms_default else None),
                "fit_paper_noscale": noscale.fit(a2, b2), "fit_supercell": supercell.fit(a2, b2),
                "fit_subset": subset.fit(a2, b2), "seconds": repr(seconds),
                "amd100_linf": repr(float(np.max(np.abs(da)))), "amd100_l2": repr(float(np.linalg.norm(da)))})
    with open(os.path.join(OUT, "verdicts.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    with open(os.path.join(OUT, "amd_k100.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["file"] + [f"amd_{k}" for k in range(1, K + 1)])
        for name, v in sorted(amds.items()):
            if name.startswith("bases/"):
                w.writerow([name] + [repr(float(x)) for x in v])
    print(len(rows), "pairs")


if __name__ == "__main__":
    main()
