/** PXRD optimization: noise models, optimizers, the refinement engine and energy potentials. */
package org.pxrd.optimization;
