#!/usr/bin/python3
"""Expected draws of the seeded noise models, computed from the published algorithms rather than from Java:
writes ../data/noise-reference.json. A Java run that matches these numbers draws the same structures on any
machine and JDK.

  * SplitMix64 (Steele, Lea and Flood, OOPSLA 2014), the generator java.util.SplittableRandom documents: state
    s = seed, each output s += 0x9e3779b97f4a7c15 then mix64(s) (Stafford's variant 13); a double in [0, 1) is
    (output >>> 11) * 2^-53.
  * Lattice noise: S row-major, each entry lo + (hi - lo) u with [lo, hi) = [1 - sigma, 1 + sigma) on the
    diagonal and [-sigma, sigma) off it (in this floating-point order).
  * Gaussian deviates: Marsaglia's polar method with one deviate per accepted pair, u * sqrt(-2 ln s / s).
  * Seeds.derive(seed, i) = mix64(seed + (i + 1) * gamma) (mod 2^64, as a signed 64-bit number).
"""
import json
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
MASK = (1 << 64) - 1
GAMMA = 0x9E3779B97F4A7C15


def mix64(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def signed(z):
    return z - (1 << 64) if z >= 1 << 63 else z


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + GAMMA) & MASK
        return mix64(self.state)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53


def gaussian(rng):
    while True:
        u = 2 * rng.next_double() - 1
        v = 2 * rng.next_double() - 1
        s = u * u + v * v
        if 0 < s < 1:
            return u * math.sqrt(-2 * math.log(s) / s)


def uniform(rng, lo, hi):
    return lo + (hi - lo) * rng.next_double()


def lattice_matrix(rng, sigma):
    return [[uniform(rng, 1 - sigma, 1 + sigma) if i == j else uniform(rng, -sigma, sigma) for j in range(3)]
            for i in range(3)]


def main():
    out = {"source": "tests/org.pxrd.optimization.tests/scripts/make_noise_reference.py"}
    cases = []
    for seed in (0, 42, -7, 1234567890123):
        rng = SplitMix64(seed)
        entry = {"seed": seed, "lattice_sigma": 0.05, "lattice_matrix": lattice_matrix(rng, 0.05)}
        rng = SplitMix64(seed)
        entry["gaussians"] = [gaussian(rng) for _ in range(12)]
        entry["derived"] = [signed(mix64((seed + (i + 1) * GAMMA) & MASK)) for i in range(4)]
        cases.append(entry)
    out["cases"] = cases
    with open(os.path.join(HERE, "../data/noise-reference.json"), "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
