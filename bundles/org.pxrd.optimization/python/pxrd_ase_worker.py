#!/usr/bin/env python3
"""PXRD Workbench ASE worker: energies, forces and stresses of crystal structures from any ASE calculator,
for the potential 'org.pxrd.optimization.ase' (shipped in the bundle org.pxrd.optimization, started by
org.pxrd.optimization.potentials.PythonWorker).

Usage: python3 pxrd_ase_worker.py --calculator NAME [--calculator-args JSON]

NAME is a shortcut (emt, chgnet, mace-mp) or 'module:attribute', an ASE calculator class or a function that
returns a calculator (e.g. 'ase.calculators.emt:EMT', 'mace.calculators:mace_mp'); JSON is an object of keyword
arguments for it (e.g. '{"model": "medium", "default_dtype": "float64"}').

Protocol (protocol 1): one JSON object per line, UTF-8, on stdin and stdout.
  On start the worker writes  {"ready": true, "protocol": 1, "calculator": "...", "ase": "3.22.1"}
  or, when the calculator cannot be created, {"ready": false, "error": "..."} and exits with status 1.
  Request:  {"id": 7, "lattice": [[ax, ay, az], [bx, by, bz], [cx, cy, cz]],   (rows, Angstrom)
             "species": ["Cu", ...], "frac": [[x, y, z], ...]}
  Reply:    {"id": 7, "energy": E, "forces": [[fx, fy, fz], ...], "stress": [[sxx, sxy, sxz], ...]}
            in eV, eV/Angstrom and eV/Angstrom^3 (ASE's convention: stress = (1/V) dE/d(strain)),
  or        {"id": 7, "error": "..."} when this structure cannot be computed (the worker stays up).
The worker exits when stdin closes. Anything the calculator prints goes to stderr, so stdout carries only
protocol lines.
"""
import argparse
import importlib
import json
import math
import os
import sys

PROTOCOL = 1

SHORTCUTS = {
    "emt": "ase.calculators.emt:EMT",
    "chgnet": "chgnet.model.dynamics:CHGNetCalculator",
    "mace-mp": "mace.calculators:mace_mp",
}


def one_line(error):
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return " ".join(text.split())


def make_calculator(name, kwargs):
    target = SHORTCUTS.get(name.lower(), name)
    if ":" not in target:
        raise ValueError(f"unknown calculator '{name}' (use {', '.join(SHORTCUTS)} or module:attribute)")
    module_name, attribute = target.split(":", 1)
    factory = getattr(importlib.import_module(module_name), attribute)
    return factory(**kwargs)


def compute(calculator, request):
    from ase import Atoms

    species = request["species"]
    frac = request["frac"]
    if len(species) != len(frac):
        raise ValueError(f"{len(species)} species for {len(frac)} coordinate triples")
    atoms = Atoms(symbols=species, cell=request["lattice"], scaled_positions=frac, pbc=True)
    atoms.calc = calculator
    energy = float(atoms.get_potential_energy())
    forces = atoms.get_forces().tolist()
    stress = atoms.get_stress(voigt=False).tolist()
    numbers = [energy] + [v for row in forces for v in row] + [v for row in stress for v in row]
    if not all(math.isfinite(v) for v in numbers):
        raise ValueError("the calculator returned a non-finite energy, force or stress")
    return {"energy": energy, "forces": forces, "stress": stress}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calculator", default="emt")
    parser.add_argument("--calculator-args", default="{}")
    args = parser.parse_args()

    # the protocol channel is a private copy of stdout; fd 1 and sys.stdout now go to stderr
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr

    def send(message):
        protocol.write(json.dumps(message, allow_nan=False) + "\n")
        protocol.flush()

    try:
        import ase

        kwargs = json.loads(args.calculator_args)
        if not isinstance(kwargs, dict):
            raise ValueError("--calculator-args must be a JSON object")
        calculator = make_calculator(args.calculator, kwargs)
    except Exception as e:  # report any start-up failure on the protocol channel, in one line
        send({"ready": False,
              "error": f"cannot create calculator '{args.calculator}' in {sys.executable}: {one_line(e)}"})
        return 1
    send({"ready": True, "protocol": PROTOCOL, "calculator": type(calculator).__name__, "ase": ase.__version__})

    for line in sys.stdin:
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request.get("id")
            reply = compute(calculator, request)
            reply["id"] = request_id
        except Exception as e:  # one structure failed: say so and keep serving
            reply = {"id": request_id, "error": one_line(e)}
        send(reply)
    return 0


if __name__ == "__main__":
    sys.exit(main())
