/** PXRD pattern losses. */
package org.pxrd.losses;
