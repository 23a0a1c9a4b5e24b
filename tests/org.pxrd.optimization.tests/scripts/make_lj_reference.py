#!/usr/bin/python3
"""Independent oracle for the UFF Lennard-Jones potential of org.pxrd.optimization (LennardJonesPotential):
writes ../data/lj-reference.json.

Written separately from the Java code, with numpy and scipy (Debian's python3-numpy, python3-scipy):
  * pair energy phi(r) = D [(x/r)^12 - 2 (x/r)^6], UFF parameters x_I (Angstrom), D_I (kcal/mol) from the table
    the bundle ships, combined geometrically (x_ij = sqrt(x_i x_j)) or by Lorentz-Berthelot
    (x_ij = (x_i + x_j)/2), D_ij = sqrt(D_i D_j), 1 kcal/mol = 4184/96485.33212 eV;
  * shifted-force truncation phi_sf(r) = phi(r) - phi(rc) - (r - rc) phi'(rc) below rc;
  * brute-force lattice sums over a generous block of images.
Contents:
  * "fcc_ar": the lattice constant of fcc argon at the minimum of E(a) for cutoffs 8 and 10 Angstrom (root of
    dE/da by brentq) and the energy per atom there, plus the untruncated minimum from the Lennard-Jones-Ingham
    lattice sums A12 = 12.13188, A6 = 14.45392 (a = sqrt(2) (2 A12/A6)^(1/6) sigma' with sigma' = x/2^(1/6));
  * "points": energy, forces and stress (ASE convention sigma = (1/V) dE/d(strain), eV/Angstrom^3) of a
    triclinic three-element structure for both combination rules.
"""
import json
import os

import numpy as np
from scipy.optimize import brentq

HERE = os.path.dirname(os.path.abspath(__file__))
TABLE = os.path.join(HERE, "../../../bundles/org.pxrd.optimization/src/org/pxrd/optimization/potentials/"
                           "uff-lennard-jones.csv")
EV_PER_KCAL = 4184.0 / 96485.33212


def read_uff():
    params = {}
    header = True
    for line in open(TABLE):
        if line.startswith("#") or not line.strip():
            continue
        if header:
            header = False
            continue
        e, x, d, _ = line.strip().split(",")
        params[e] = (float(x), float(d) * EV_PER_KCAL)
    return params


UFF = read_uff()


def pair(a, b, rule):
    (xa, da), (xb, db) = UFF[a], UFF[b]
    x = np.sqrt(xa * xb) if rule == "geometric" else (xa + xb) / 2
    return x, np.sqrt(da * db)


def phi(r, x, d):
    return d * ((x / r) ** 12 - 2 * (x / r) ** 6)


def dphi(r, x, d):
    return 12 * d / r * ((x / r) ** 6 - (x / r) ** 12)


def energy_forces_stress(cell, frac, species, rc, rule, images=4):
    cell = np.asarray(cell, float)
    pos = np.asarray(frac, float) % 1.0 @ cell
    n = len(species)
    e = 0.0
    forces = np.zeros((n, 3))
    virial = np.zeros((3, 3))
    rng = range(-images, images + 1)
    shifts = np.array([[i, j, k] for i in rng for j in rng for k in rng], float) @ cell
    for i in range(n):
        for j in range(n):
            x, d = pair(species[i], species[j], rule)
            ec, fc = phi(rc, x, d), dphi(rc, x, d)
            disp = pos[j] - pos[i] + shifts
            r = np.linalg.norm(disp, axis=1)
            keep = (r < rc) & (r > 1e-9)
            disp, r = disp[keep], r[keep]
            e += 0.5 * np.sum(phi(r, x, d) - ec - (r - rc) * fc)
            w = (dphi(r, x, d) - fc) / r
            forces[i] += np.sum(w[:, None] * disp, axis=0)
            virial += 0.5 * np.einsum("k,ka,kb->ab", w, disp, disp)
    return e, forces, virial / abs(np.linalg.det(cell))


FCC = [[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]]


def fcc_energy_per_atom(a, rc):
    return energy_forces_stress(np.eye(3) * a, FCC, ["Ar"] * 4, rc, "geometric")[0] / 4


def fcc_minimum(rc):
    # for a cubic cell scaled by a, dE/da = (V/a) trace(stress): the minimum is where the trace vanishes
    def trace_stress(a):
        return np.trace(energy_forces_stress(np.eye(3) * a, FCC, ["Ar"] * 4, rc, "geometric")[2])

    a = brentq(trace_stress, 4.5, 6.5, xtol=1e-13)
    return a, fcc_energy_per_atom(a, rc)


def main():
    out = {"source": "tests/org.pxrd.optimization.tests/scripts/make_lj_reference.py (numpy %s)" % np.__version__,
           "units": "Angstrom, eV, eV/Angstrom, eV/Angstrom^3 (ASE stress convention)"}
    x, d = UFF["Ar"]
    a12, a6 = 12.13188, 14.45392  # Lennard-Jones and Ingham (1925) fcc lattice sums
    sigma = x / 2 ** (1 / 6)
    # with the 4-eps form, E/atom = 2 eps (A12 (s/r)^12 - A6 (s/r)^6), eps = D, minimum -eps A6^2 / (2 A12)
    fcc = {"untruncated_a": float(np.sqrt(2) * (2 * a12 / a6) ** (1 / 6) * sigma),
           "untruncated_energy_per_atom": float(-d * a6 ** 2 / (2 * a12))}
    for rc in (8.0, 10.0):
        a, e = fcc_minimum(rc)
        fcc["cutoff_%g" % rc] = {"cutoff": rc, "a": a, "energy_per_atom": e}
    out["fcc_ar"] = fcc

    cell = [[5.1, 0.2, -0.3], [0.4, 4.8, 0.1], [-0.6, 0.5, 5.5]]
    frac = [[0.02, 0.03, 0.01], [0.51, 0.47, 0.05], [0.49, 0.02, 0.53], [0.04, 0.52, 0.46], [0.26, 0.24, 0.77]]
    species = ["Ar", "Kr", "Xe", "Ar", "Ne"]
    points = []
    for rule in ("geometric", "lorentz-berthelot"):
        for rc in (7.0, 10.0):
            e, f, s = energy_forces_stress(cell, frac, species, rc, rule)
            e_more = energy_forces_stress(cell, frac, species, rc, rule, images=5)[0]
            assert abs(e - e_more) < 1e-14, "not enough images for the cutoff"
            points.append({"combination": rule, "cutoff": rc, "lattice": cell, "frac": frac, "species": species,
                           "energy": e, "forces": f.tolist(), "stress": s.tolist()})
    out["points"] = points
    with open(os.path.join(HERE, "../data/lj-reference.json"), "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
