/** PXRD diffraction (differentiable XRD simulator, instruments). */
package org.pxrd.diffraction;
