/**
 * Structure matching: whether two crystal structures are the same crystal, and how far apart they are.
 *
 * <ul>
 * <li>{@link org.pxrd.matching.StructureMatcher}: pymatgen's StructureMatcher algorithm (primitive and Niggli cells,
 * lattice correspondences within ltol/angle_tol, optimal site assignment, stol on normalised distances), with
 * {@link org.pxrd.matching.MatchOptions} (the study's ltol 0.1, stol 0.2, angle_tol 5° by default) and
 * {@link org.pxrd.matching.MatchResult}.</li>
 * <li>{@link org.pxrd.matching.AverageMinimumDistance} and {@link org.pxrd.matching.PointwiseDistanceDistribution}
 * (with {@link org.pxrd.matching.EarthMoversDistance}): the isometry invariants of Widdowson and Kurlin.</li>
 * <li>{@link org.pxrd.matching.PrimitiveCellFinder}: primitive cells by translational search.</li>
 * <li>The extension point {@code org.pxrd.matching.matchers}: {@link org.pxrd.matching.CrystalMatcher},
 * {@link org.pxrd.matching.Comparison} and the registry {@link org.pxrd.matching.Matchers}.</li>
 * </ul>
 */
package org.pxrd.matching;
