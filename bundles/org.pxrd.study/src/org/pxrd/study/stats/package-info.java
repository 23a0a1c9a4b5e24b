/**
 * The study's statistics: match rates with Jeffreys intervals ({@link org.pxrd.study.stats.MatchRate}), mutual
 * information by the KSG k-nearest-neighbour estimator as scikit-learn computes it
 * ({@link org.pxrd.study.stats.MutualInformation}) and Pearson and Spearman correlations
 * ({@link org.pxrd.study.stats.Correlation}). Pure functions of their inputs, checked against scikit-learn and
 * scipy numbers in the tests.
 */
package org.pxrd.study.stats;
