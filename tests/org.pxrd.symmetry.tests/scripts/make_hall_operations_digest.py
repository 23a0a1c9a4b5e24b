#!/usr/bin/python3
"""Writes data/hall_operations_spglib.tsv: for each of spglib's 530 Hall settings, the number of operations
(centring included) and the SHA-1 of their canonical text, from spglib 2.0.2's own database
(spglib.get_symmetry_from_database; BSD-3-Clause, (c) 2014 Atsushi Togo). The test builds the same text from
our Hall-symbol parser: one line per operation "r00 r01 r02 r10 r11 r12 r20 r21 r22 t0 t1 t2", translations in
twelfths reduced to 0..11, lines sorted and joined by newlines.

Run with Debian's python3-spglib:  /usr/bin/python3 make_hall_operations_digest.py
"""
import hashlib
import os
import spglib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "hall_operations_spglib.tsv")
rows = ["# hall_number\tnumber\toperations\tsha1 (spglib 2.0.2 get_symmetry_from_database)"]
for hall in range(1, 531):
    d = spglib.get_symmetry_from_database(hall)
    texts = []
    for r, t in zip(d["rotations"], d["translations"]):
        twelfths = [int(round(x * 12)) % 12 for x in t]
        if any(abs(x * 12 - round(x * 12)) > 1e-6 for x in t):
            raise SystemExit("translation not in twelfths: hall %d %s" % (hall, t))
        texts.append(" ".join(str(int(v)) for v in list(r.flatten()) + twelfths))
    texts.sort()
    digest = hashlib.sha1("\n".join(texts).encode()).hexdigest()
    rows.append("%d\t%d\t%d\t%s" % (hall, spglib.get_spacegroup_type(hall)["number"], len(texts), digest))
with open(OUT, "w") as f:
    f.write("\n".join(rows) + "\n")
print("wrote", OUT)
