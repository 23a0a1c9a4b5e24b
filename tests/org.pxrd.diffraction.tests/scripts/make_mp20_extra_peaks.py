#!/usr/bin/python3
"""Reference peak lists for MP-20 structures the simulator was not developed on.

Picks 300 structures (seeded, reproducible) from the 2-3 element rows of MP-20's test and val splits
(tests/org.pxrd.testdata/data/mp20-biternary/*.csv.gz), leaving out the paper10 and mp20-dev50 structures, and
writes for each
  data/mp20-extra/cif/<material_id>.cif     the MP-20 CIF text, unchanged
  data/mp20-extra/peaks.csv.gz              pymatgen peaks for lambda = 1.5406 and "CuKa" (1.54184)
  data/mp20-extra/manifest.csv              id, split, formula, space group, sites
Peaks: pymatgen.analysis.diffraction.xrd.XRDCalculator(wavelength).get_pattern(s, scaled=True,
two_theta_range=(0, 90)), the same call as the shared reference (tests/org.pxrd.testdata/data/README.md).

Run with Debian's python3 (pymatgen 2022.11.7), from tests/org.pxrd.diffraction.tests:
    /usr/bin/python3 scripts/make_mp20_extra_peaks.py
Data: Materials Project (CC BY 4.0) via MP-20; numbers computed with pymatgen 2022.11.7 (MIT).
"""
import csv
import gzip
import os
import sys
import warnings

import numpy as np
import pandas as pd
import pymatgen
from pymatgen.analysis.diffraction.xrd import XRDCalculator
from pymatgen.core import Structure

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
SOURCE = os.path.join(ROOT, "tests", "org.pxrd.testdata", "data")
OUT = os.path.join(HERE, "..", "data", "mp20-extra")
COUNT = 300
SEED = 20260505
WAVELENGTHS = {"1.5406": 1.5406, "CuKa_1.54184": "CuKa"}


def known_ids():
    ids = set()
    for subset in ("paper10", "mp20-dev50"):
        with open(os.path.join(SOURCE, subset, "manifest.csv")) as f:
            ids.update(row["material_id"] for row in csv.DictReader(f))
    return ids


def main():
    warnings.filterwarnings("ignore")
    frames = []
    for split in ("test", "val"):
        frame = pd.read_csv(os.path.join(SOURCE, "mp20-biternary", split + ".csv.gz"))
        frame["split"] = split
        frames.append(frame)
    table = pd.concat(frames, ignore_index=True)
    table = table[~table["material_id"].isin(known_ids())].sort_values("material_id").reset_index(drop=True)
    rng = np.random.default_rng(SEED)
    chosen = table.iloc[sorted(rng.choice(len(table), size=COUNT, replace=False))]

    os.makedirs(os.path.join(OUT, "cif"), exist_ok=True)
    manifest = []
    peaks = []
    for _, row in chosen.iterrows():
        mid = row["material_id"]
        structure = Structure.from_str(row["cif"], fmt="cif")
        with open(os.path.join(OUT, "cif", mid + ".cif"), "w") as f:
            f.write(row["cif"])
        manifest.append([mid, row["split"], row["pretty_formula"], int(row["spacegroup.number"]), len(structure)])
        for key, wavelength in WAVELENGTHS.items():
            pattern = XRDCalculator(wavelength=wavelength).get_pattern(structure, scaled=True,
                                                                       two_theta_range=(0, 90))
            for x, y, d in zip(pattern.x, pattern.y, pattern.d_hkls):
                peaks.append([mid, key, repr(float(x)), repr(float(y)), repr(float(d))])
    with open(os.path.join(OUT, "manifest.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["material_id", "split", "formula", "spacegroup_number", "nsites"])
        w.writerows(manifest)
    with gzip.open(os.path.join(OUT, "peaks.csv.gz"), "wt", newline="") as f:
        f.write("# pymatgen %s XRDCalculator(wavelength).get_pattern(scaled=True, two_theta_range=(0, 90))\n"
                % pymatgen.core.__version__)
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["material_id", "wavelength", "two_theta", "intensity_scaled100", "d_hkl"])
        w.writerows(peaks)
    print("wrote %d structures, %d peaks to %s" % (len(manifest), len(peaks), os.path.normpath(OUT)),
          file=sys.stderr)


if __name__ == "__main__":
    main()
