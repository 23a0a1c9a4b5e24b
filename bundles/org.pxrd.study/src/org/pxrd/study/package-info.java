/** PXRD study: the protocol runner, statistics, loss landscapes and reports. */
package org.pxrd.study;
