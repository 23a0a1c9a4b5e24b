package org.pxrd.diffraction;

/** How the summed pattern is scaled. */
public enum PatternScaling {
    /** Divided by its largest value, so its maximum is 1 (the study's representation). */
    MAX_ONE,
    /** Absolute: |F|²·LP (electrons², per cell) times the peak profiles, as summed. */
    RAW
}
