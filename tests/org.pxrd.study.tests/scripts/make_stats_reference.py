#!/usr/bin/python3
"""Reference numbers for the study's statistics, computed with Debian's python3-sklearn (1.2) and python3-scipy
(1.10) and written to ../data/stats-reference.json. Run with /usr/bin/python3 (the Debian interpreter).

  * Mutual information: sklearn.feature_selection.mutual_info_regression, the Kraskov-Stoegbauer-Grassberger
    estimator (Phys. Rev. E 69, 066138, 2004, their first estimator) as scikit-learn computes it. Two kinds of
    cases make the comparison deterministic:
      - "exact" cases have no ties. Their value does not depend on sklearn's small noise term; the script checks
        this by computing each value twice, through the public function and through the same estimator without
        the noise term, and stores the value once.
      - "noise" cases have ties (rounded values, repeated zeros, a constant column), where the noise term
        decides the neighbour counts. They store the standard normal deviates sklearn draws for the given
        random_state (numpy RandomState: first n deviates for the feature column, then n for the target), so
        that the Java estimator, handed the same deviates, must reproduce the public function's value. Without
        the noise, tied data would make the value hinge on whether distances between different pairs tie to
        the last bit after standardisation, which no independent implementation can promise.
  * Pearson and Spearman correlation: scipy.stats.pearsonr and scipy.stats.spearmanr (average ranks for ties).
  * Digamma at integers: scipy.special.digamma (accurate to an ulp), for the estimator's own psi.
  * Jeffreys interval: scipy.stats.beta.ppf(0.025 | 0.975, k + 1/2, n - k + 1/2), the raw quantiles; the Java
    interval replaces the lower end by 0 at k = 0 and the upper end by 1 at k = n (Brown, Cai and DasGupta,
    Statistical Science 16, 101-133, 2001).

Python floats are written with repr, so every double reads back exactly.
"""
import json
import os

import numpy as np
import scipy
import scipy.special
import scipy.stats
import sklearn
from sklearn.feature_selection import mutual_info_regression
from sklearn.feature_selection._mutual_info import _compute_mi_cc
from sklearn.preprocessing import scale

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "stats-reference.json")


def without_noise(x, y, k):
    """sklearn's estimator on the standardised samples, without the noise term."""
    return float(_compute_mi_cc(scale(x, with_mean=False), scale(y, with_mean=False), k))


def exact_case(name, x, y, k=3):
    assert len(np.unique(x)) == len(x) and len(np.unique(y)) == len(y), name + " has ties"
    public = float(mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=k, random_state=0)[0])
    plain = without_noise(x, y, k)
    assert public == plain, (name, public, plain)
    return {"name": name, "k": k, "x": x.tolist(), "y": y.tolist(), "mi": public}


def noise_case(name, x, y, seed, k=3):
    n = len(x)
    public = float(mutual_info_regression(x.reshape(-1, 1), y, n_neighbors=k, random_state=seed)[0])
    rng = np.random.RandomState(seed)
    noise_x = rng.standard_normal(size=(n, 1))[:, 0]
    noise_y = rng.standard_normal(size=n)
    # the same computation spelled out, to prove these are the deviates sklearn used
    sx = scale(x.astype(np.float64), with_mean=False)
    sy = scale(y.astype(np.float64), with_mean=False)
    sx = sx + 1e-10 * max(1.0, np.mean(np.abs(sx))) * noise_x
    sy = sy + 1e-10 * max(1.0, np.mean(np.abs(sy))) * noise_y
    assert float(_compute_mi_cc(sx, sy, k)) == public, name
    return {"name": name, "k": k, "seed": seed, "x": x.tolist(), "y": y.tolist(),
            "noise_x": noise_x.tolist(), "noise_y": noise_y.tolist(), "mi": public}


def correlation_case(name, x, y):
    return {"name": name, "x": x.tolist(), "y": y.tolist(),
            "pearson": float(scipy.stats.pearsonr(x, y)[0]),
            "spearman": float(scipy.stats.spearmanr(x, y)[0])}


def main():
    rng = np.random.default_rng(20260410)
    exact = []
    x = rng.normal(size=200)
    exact.append(exact_case("independent_n200", x, rng.normal(size=200)))
    x = rng.normal(size=500)
    exact.append(exact_case("linear_n500", x, x + 0.5 * rng.normal(size=500)))
    x = rng.uniform(-1, 1, size=300)
    exact.append(exact_case("sine_n300", x, np.sin(3 * x) + 0.2 * rng.normal(size=300)))
    exact.append(exact_case("sine_n300_k5", x, np.sin(3 * x) + 0.2 * rng.normal(size=300), k=5))
    x = rng.normal(size=10)
    exact.append(exact_case("small_n10", x, x ** 2 + 0.1 * rng.normal(size=10)))
    # magnitudes like AMD distances (Å) against similarities near 1
    d = rng.exponential(0.05, size=150)
    exact.append(exact_case("amd_like_n150", d, 1 - 2 * d + 0.01 * rng.normal(size=150)))

    noisy = []
    x = np.round(rng.normal(size=200), 1)
    noisy.append(noise_case("rounded_n200", x, np.round(x + 0.3 * rng.normal(size=200), 1), seed=7))
    # a recovery study: 60 % of runs end on the truth (AMD distance 0, similarity 1), the rest do not
    n = 500
    hit = rng.uniform(size=n) < 0.6
    d = np.where(hit, 0.0, rng.exponential(0.1, size=n))
    s = np.where(hit, 1.0, 0.9 - d + 0.05 * rng.normal(size=n))
    noisy.append(noise_case("recovered_zeros_n500", d, s, seed=42))
    noisy.append(noise_case("recovered_zeros_n500_k5", d, s, seed=3, k=5))
    # large values: the noise scales with max(1, mean |x|) after standardisation
    x = np.round(1000 + 50 * rng.normal(size=120))
    noisy.append(noise_case("large_integers_n120", x, np.round(x / 7) + rng.integers(0, 3, size=120), seed=11))
    # a constant feature: sklearn's scale keeps it (its standard deviation 0 is replaced by 1)
    noisy.append(noise_case("constant_x_n50", np.full(50, 2.5), rng.normal(size=50), seed=5))

    correlations = []
    x = rng.normal(size=100)
    correlations.append(correlation_case("linear_n100", x, 2 * x + rng.normal(size=100)))
    x = rng.uniform(0, 3, size=80)
    correlations.append(correlation_case("exp_n80", x, np.exp(x) + 0.1 * rng.normal(size=80)))
    x = np.round(rng.normal(size=60), 1)
    correlations.append(correlation_case("ties_n60", x, np.round(-x + 0.5 * rng.normal(size=60))))
    correlations.append(correlation_case("small_n3", np.array([1.0, 2.0, 4.0]), np.array([3.0, 1.0, 2.0])))

    jeffreys = []
    for k, n in [(0, 1), (1, 1), (0, 50), (1, 50), (25, 50), (49, 50), (50, 50), (3, 20), (137, 500),
                 (0, 500), (500, 500), (499, 500)]:
        a, b = k + 0.5, n - k + 0.5
        jeffreys.append({"k": k, "n": n, "ppf_025": float(scipy.stats.beta.ppf(0.025, a, b)),
                         "ppf_975": float(scipy.stats.beta.ppf(0.975, a, b))})

    digamma = [{"m": m, "psi": float(scipy.special.digamma(m))}
               for m in [1, 2, 3, 4, 10, 48, 49, 50, 98, 99, 100, 101, 250, 500, 1000, 4001, 123456]]

    data = {
        "source": "tests/org.pxrd.study.tests/scripts/make_stats_reference.py",
        "versions": {"sklearn": sklearn.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
        "mi_exact": exact,
        "mi_noise": noisy,
        "correlations": correlations,
        "jeffreys": jeffreys,
        "digamma": digamma,
    }
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")
    for c in exact + noisy:
        print("%-26s n=%3d k=%d mi=%.12f" % (c["name"], len(c["x"]), c["k"], c["mi"]))


if __name__ == "__main__":
    main()
