#!/usr/bin/python3
"""Reference values of every built-in loss, computed independently with numpy/scipy.

Inputs: the study's profile vectors of the ten paper10 structures
(tests/org.pxrd.testdata/data/paper10/profiles_area_norm.csv: pseudo-Voigt profiles on 0.005..89.995 deg,
step 0.01 deg, each divided by its maximum; see that folder's README and ATTRIBUTION.md), and variants of them:
  NAME|shift=K     the profile moved by K bins (K > 0 towards higher 2theta), zeros shifted in
  NAME|scale=F     the profile multiplied by F
  NAME|gauss=W     the profile convolved with a Gaussian of FWHM W degrees
                   (scipy.ndimage.gaussian_filter1d, mode="constant", truncate=4); stored in variants.csv.gz
  NAME|every=K     every K-th point of the profile and of its 2theta grid (a coarser grid)

Outputs (next to the tests, under resources/org/pxrd/losses/reference/):
  loss_references.tsv   sim, target, loss id, settings (key=value;...), value (repr of a float64)
  variants.csv.gz       two_theta and the gauss= variants (repr of float64)

The formulas follow the papers, written here a second time without looking at the Java code paths:
cosine via scipy.spatial.distance.cosine; entropy similarity via scipy.stats.entropy (checked against
scipy.spatial.distance.jensenshannon); the de Gelder cross-correlation via explicit correlation functions
c(k) at each lag; Rwp via numpy; the Wasserstein distance via scipy.stats.wasserstein_distance; the multi-scale
loss via scipy.ndimage.gaussian_filter1d. Run: /usr/bin/python3 make_loss_references.py
"""
import csv
import gzip
import itertools
import math
import os

import numpy as np
import scipy
from scipy.ndimage import gaussian_filter1d
from scipy.spatial.distance import cosine as cosine_distance, jensenshannon
from scipy.stats import entropy, wasserstein_distance

HERE = os.path.dirname(os.path.abspath(__file__))
PROFILES = os.path.join(HERE, "..", "..", "org.pxrd.testdata", "data", "paper10", "profiles_area_norm.csv")
OUT = os.path.join(HERE, "..", "resources", "org", "pxrd", "losses", "reference")
FWHM_PER_SIGMA = 2 * math.sqrt(2 * math.log(2))


def read_profiles():
    with open(PROFILES) as f:
        rows = list(csv.reader(f))
    header = rows[0]
    data = np.array(rows[1:], dtype=float)
    x = data[:, header.index("two_theta")]
    profiles = {h.split("/")[-1]: data[:, i] for i, h in enumerate(header) if h != "two_theta"}
    return x, profiles


X, PROFILES_BY_NAME = read_profiles()
STEP = (X[-1] - X[0]) / (len(X) - 1)


def gauss(y, fwhm):
    return gaussian_filter1d(y, fwhm / FWHM_PER_SIGMA / STEP, mode="constant", cval=0.0, truncate=4.0)


def pattern(spec):
    """(2theta grid, intensities) of a variant name."""
    name, *mods = spec.split("|")
    x, y = X, PROFILES_BY_NAME[name].copy()
    for mod in mods:
        key, value = mod.split("=")
        if key == "shift":
            k = int(value)
            shifted = np.zeros_like(y)
            if k >= 0:
                shifted[k:] = y[:len(y) - k]
            else:
                shifted[:k] = y[-k:]
            y = shifted
        elif key == "scale":
            y = y * float(value)
        elif key == "gauss":
            y = gauss(y, float(value))
        elif key == "every":
            k = int(value)
            x, y = x[::k], y[::k]
        else:
            raise ValueError(spec)
    return x, y


# --- the losses, from their papers -------------------------------------------------------------------------

def cosine(xs, s, xt, t):
    return cosine_distance(s, t) - 1.0          # -(1 - (1 - cos)) = -cos


def mse(xs, s, xt, t):
    return float(np.mean((s - t) ** 2))


def entropy_loss(xs, s, xt, t):
    a, b = s / s.sum(), t / t.sum()
    s_a, s_b, s_ab = entropy(a), entropy(b), entropy((a + b) / 2)
    similarity = 1 - (2 * s_ab - s_a - s_b) / math.log(4)
    js = 1 - jensenshannon(a, b) ** 2 / math.log(2)
    assert abs(similarity - js) < 1e-12, (similarity, js)
    return -similarity


def crosscorrelation(xs, s, xt, t, width=1.0):
    n = len(s)

    def c(u, v, k):                              # c_uv(k) = sum_i u_i v_{i+k}
        return float(np.dot(u[:n - k], v[k:])) if k >= 0 else float(np.dot(u[-k:], v[:n + k]))

    kmax = int(math.ceil(width / STEP))
    num = cc_ss = cc_tt = 0.0
    for k in range(-kmax, kmax + 1):
        w = max(0.0, 1 - abs(k) * STEP / width)
        if w == 0.0:
            continue
        num += w * c(s, t, k)
        cc_ss += w * c(s, s, k)
        cc_tt += w * c(t, t, k)
    return -num / math.sqrt(cc_ss * cc_tt)


def rwp(xs, calc, xt, obs, weighting="poisson", varianceFloor=1e-4):
    if weighting == "poisson":
        w = 1 / np.maximum(obs, varianceFloor * obs.max())
    else:
        w = np.ones_like(obs)
    return math.sqrt(np.sum(w * (obs - calc) ** 2) / np.sum(w * obs ** 2))


def wasserstein(xs, s, xt, t):
    return wasserstein_distance(xs, xt, u_weights=s, v_weights=t)


BASES = {"org.pxrd.losses.cosine": cosine, "org.pxrd.losses.mse": mse, "org.pxrd.losses.entropy": entropy_loss,
         "org.pxrd.losses.crosscorrelation": crosscorrelation, "org.pxrd.losses.rwp": rwp,
         "org.pxrd.losses.wasserstein": wasserstein}


def multiscale(xs, s, xt, t, base="org.pxrd.losses.cosine", widths="2,1,0.5,0"):
    values = []
    for w in (float(v) for v in widths.split(",")):
        bs, bt = (s, t) if w == 0 else (gauss(s, w), gauss(t, w))
        values.append(BASES[base](xs, bs, xt, bt))
    return float(np.mean(values))


LOSSES = [
    ("org.pxrd.losses.cosine", {}, cosine),
    ("org.pxrd.losses.mse", {}, mse),
    ("org.pxrd.losses.entropy", {}, entropy_loss),
    ("org.pxrd.losses.crosscorrelation", {}, crosscorrelation),
    ("org.pxrd.losses.crosscorrelation", {"width": "0.25"}, crosscorrelation),
    ("org.pxrd.losses.crosscorrelation", {"width": "3"}, crosscorrelation),
    ("org.pxrd.losses.rwp", {}, rwp),
    ("org.pxrd.losses.rwp", {"weighting": "unit"}, rwp),
    ("org.pxrd.losses.rwp", {"varianceFloor": "0.01"}, rwp),
    ("org.pxrd.losses.wasserstein", {}, wasserstein),
    ("org.pxrd.losses.multiscale", {}, multiscale),
    ("org.pxrd.losses.multiscale", {"base": "org.pxrd.losses.mse", "widths": "0.5,0.1"}, multiscale),
    ("org.pxrd.losses.multiscale", {"base": "org.pxrd.losses.entropy", "widths": "1,0"}, multiscale),
]

NAMES = sorted(PROFILES_BY_NAME)
U2TI, BPO4, NA3 = "mp-1709_U2Ti_sg191", "mp-3589_BPO4_sg82", "mp-1221227_Na3MnCoNiO6_sg8"
STORED_VARIANTS = [U2TI + "|gauss=0.05", BPO4 + "|gauss=0.2", NA3 + "|gauss=0.5"]
VARIANT_PAIRS = []
for base in (U2TI, BPO4, NA3):
    for k in (1, 5, 20, -7):
        VARIANT_PAIRS.append((base + "|shift=%+d" % k, base))
    VARIANT_PAIRS.append((base + "|scale=3.7", base))
VARIANT_PAIRS += [(v, v.split("|")[0]) for v in STORED_VARIANTS]
VARIANT_PAIRS += [(U2TI + "|gauss=0.05", U2TI + "|shift=+30"), (BPO4 + "|shift=-40", NA3 + "|gauss=0.5")]
PAIRS = list(itertools.combinations(NAMES, 2)) + VARIANT_PAIRS
# patterns on different grids: only for losses that allow them
GRID_PAIRS = [(U2TI, U2TI + "|every=3"), (BPO4 + "|shift=+5", BPO4 + "|every=2"), (NA3, U2TI + "|every=7")]


def main():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for sim, target in PAIRS:
        xs, s = pattern(sim)
        xt, t = pattern(target)
        for loss_id, settings, function in LOSSES:
            kwargs = {k: (float(v) if k in ("width", "varianceFloor") else v) for k, v in settings.items()}
            rows.append((sim, target, loss_id, settings, function(xs, s, xt, t, **kwargs)))
    for sim, target in GRID_PAIRS:
        xs, s = pattern(sim)
        xt, t = pattern(target)
        rows.append((sim, target, "org.pxrd.losses.wasserstein", {}, wasserstein(xs, s, xt, t)))
    with open(os.path.join(OUT, "loss_references.tsv"), "w") as f:
        f.write("# Reference values of the built-in losses, made by tests/org.pxrd.losses.tests/scripts/"
                "make_loss_references.py\n")
        f.write("# with numpy %s and scipy %s from paper10/profiles_area_norm.csv (Materials Project data, CC BY 4.0;"
                " profiles as in the study of Segal et al. 2026)\n" % (np.__version__, scipy.__version__))
        f.write("sim\ttarget\tloss\tsettings\tvalue\n")
        for sim, target, loss_id, settings, value in rows:
            text = ";".join("%s=%s" % kv for kv in settings.items())
            f.write("%s\t%s\t%s\t%s\t%r\n" % (sim, target, loss_id, text, float(value)))
    with gzip.GzipFile(os.path.join(OUT, "variants.csv.gz"), "wb", mtime=0) as raw:
        lines = ["two_theta," + ",".join(STORED_VARIANTS)]
        columns = [X] + [pattern(v)[1] for v in STORED_VARIANTS]
        for i in range(len(X)):
            lines.append(",".join(repr(float(c[i])) for c in columns))
        raw.write(("\n".join(lines) + "\n").encode("ascii"))
    print("%d reference values, %d stored variants" % (len(rows), len(STORED_VARIANTS)))


if __name__ == "__main__":
    main()
