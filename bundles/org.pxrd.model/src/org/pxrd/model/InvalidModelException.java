package org.pxrd.model;

/**
 * A value that cannot describe a physical crystal or pattern: a non-positive or non-finite length, angles
 * with no real cell, coordinates that are NaN, an occupancy outside (0, 1], an empty pattern. The message
 * names the offending quantity and its value.
 */
public class InvalidModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidModelException(String message) {
        super(message);
    }
}
