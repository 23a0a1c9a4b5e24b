#!/usr/bin/python3
"""Reference numbers from ASE's own EMT (Debian python3-ase) for the tests of the ASE worker bridge and of the
relaxations: writes ../data/emt-reference.json.

  * "lattice_constants": the fcc lattice constant of Cu and Au with ASE's EMT calculator (Jacobsen, Stoltze and
    Norskov, Surf. Sci. 366 (1996) 394), found by ASE itself: the conventional 4-atom cubic cell, strained to
    a = 3.8 (Cu) / 4.3 (Au) Angstrom, relaxed with ase.constraints.ExpCellFilter and ase.optimize.BFGS to
    fmax 1e-6 eV/Angstrom; cross-checked by the root of the stress of the cubic cell, sigma_xx(a) = 0 (brentq).
  * "single_point": energy (eV), forces (eV/Angstrom) and stress (eV/Angstrom^3, atoms.get_stress(voigt=False))
    of a triclinic, displaced Cu3Au cell given by its lattice rows and fractional coordinates, to check that the
    bridge hands ASE the same structure and reads its answer in the same frame and convention.
"""
import json
import os

import ase
import numpy as np
from ase import Atoms
from ase.build import bulk
from ase.calculators.emt import EMT
from ase.constraints import ExpCellFilter
from ase.optimize import BFGS
from scipy.optimize import brentq

HERE = os.path.dirname(os.path.abspath(__file__))


def relaxed_lattice_constant(element, a_start):
    atoms = bulk(element, "fcc", a=a_start, cubic=True)
    atoms.calc = EMT()
    BFGS(ExpCellFilter(atoms), logfile=None).run(fmax=1e-6, steps=5000)
    a, b, c = atoms.cell.cellpar()[:3]
    assert abs(a - b) < 1e-9 and abs(a - c) < 1e-9
    return float(a), float(atoms.get_potential_energy() / len(atoms))


def stress_root(element):
    def sxx(a):
        atoms = bulk(element, "fcc", a=a, cubic=True)
        atoms.calc = EMT()
        return atoms.get_stress()[0]

    return float(brentq(sxx, 3.0, 4.6, xtol=1e-12))


def main():
    out = {"source": "tests/org.pxrd.optimization.tests/scripts/make_emt_reference.py, ASE %s EMT" % ase.__version__,
           "units": "Angstrom, eV, eV/Angstrom, eV/Angstrom^3 (ASE stress convention)"}
    constants = {}
    for element, start in (("Cu", 3.8), ("Au", 4.3)):
        a, e = relaxed_lattice_constant(element, start)
        constants[element] = {"strained_start_a": start, "a": a, "energy_per_atom": e, "a_stress_root": stress_root(element)}
    out["lattice_constants"] = constants

    lattice = [[3.70, 0.05, -0.08], [0.10, 3.62, 0.04], [-0.06, 0.12, 3.75]]
    frac = [[0.01, 0.02, 0.98], [0.52, 0.47, 0.03], [0.49, 0.01, 0.51], [0.03, 0.54, 0.49]]
    species = ["Au", "Cu", "Cu", "Cu"]
    atoms = Atoms(symbols=species, cell=lattice, scaled_positions=frac, pbc=True)
    atoms.calc = EMT()
    out["single_point"] = {"lattice": lattice, "frac": frac, "species": species,
                           "energy": float(atoms.get_potential_energy()),
                           "forces": atoms.get_forces().tolist(),
                           "stress": atoms.get_stress(voigt=False).tolist()}
    with open(os.path.join(HERE, "../data/emt-reference.json"), "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
