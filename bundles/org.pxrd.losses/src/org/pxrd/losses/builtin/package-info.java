/**
 * The built-in losses, contributed through {@code org.pxrd.losses.lossFunctions} like any plugin: the study's
 * negative cosine, mean squared error, negative entropy and negative cross-correlation similarities, Rwp, and two
 * smoother ones beyond the study, the 1-D Wasserstein distance and a multi-scale loss. Intensities are in arbitrary
 * units, 2θ and widths in degrees.
 */
package org.pxrd.losses.builtin;
