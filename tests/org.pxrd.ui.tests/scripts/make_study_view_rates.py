#!/usr/bin/env python3
"""Reference match rates and 95% Jeffreys intervals for the study view's test fixture (StudyViewTest).

The interval is the pair of 2.5% and 97.5% quantiles of Beta(k + 1/2, n - k + 1/2), with the conventional ends of
Brown, Cai and DasGupta (Statistical Science 16 (2001) 101, section 4.1.2): lower = 0 when k = 0, upper = 1 when
k = n. Quantiles from scipy.stats.beta.ppf (scipy, BSD licence). Output: data/study_view_rates.csv.
"""
import csv
import os

from scipy.stats import beta

CASES = [(7, 20), (20, 20), (0, 20), (13, 20), (8, 15)]

out = os.path.join(os.path.dirname(__file__), "..", "data", "study_view_rates.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["matches", "runs", "rate", "lower", "upper"])
    for k, n in CASES:
        lower = 0.0 if k == 0 else beta.ppf(0.025, k + 0.5, n - k + 0.5)
        upper = 1.0 if k == n else beta.ppf(0.975, k + 0.5, n - k + 0.5)
        w.writerow([k, n, repr(k / n), repr(float(lower)), repr(float(upper))])
