/** PXRD structure matching (StructureMatcher, AMD, PDD). */
package org.pxrd.matching;
