/**
 * PXRD study: the reproduction of Segal et al. 2026 at scale. Packages: {@code protocol} (the study
 * description and presets), {@code run} (expansion, seeds, threads, resumable results, shards),
 * {@code stats} (match rates, mutual information, correlations), {@code report} (tables, figures, report.md).
 * Loss landscapes (2-D slices of the loss over two lattice parameters) will join as {@code landscape} once the
 * simulator and losses are in.
 */
package org.pxrd.study;
