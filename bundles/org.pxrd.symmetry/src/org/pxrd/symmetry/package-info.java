/** PXRD symmetry (space groups, symmetry finder, crystal-family projectors). */
package org.pxrd.symmetry;
