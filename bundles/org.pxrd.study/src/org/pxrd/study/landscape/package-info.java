/**
 * Loss landscapes over two lattice parameters (Segal et al. 2026, Fig. 3), without any UI: {@link
 * org.pxrd.study.landscape.Landscape#compute} gives a {@link org.pxrd.study.landscape.LandscapeSlice} (axes, loss
 * grid, strict local minima, refinement trajectories), {@link org.pxrd.study.landscape.LandscapeCsv} writes it as
 * CSV and {@link org.pxrd.study.report.LandscapeFigure} draws it headless as a PNG heatmap.
 */
package org.pxrd.study.landscape;
