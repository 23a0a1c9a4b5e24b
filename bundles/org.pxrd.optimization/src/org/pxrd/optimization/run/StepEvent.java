package org.pxrd.optimization.run;

import java.util.List;

/**
 * One step of an iterative run, as listeners, views and trace files see it: the step number (0 for the
 * starting point, before any update) and named numbers. The field names are the same for every event of a run;
 * they carry their unit in the name (e.g. {@code energy_eV}) so a trace file is self-describing.
 */
public interface StepEvent {

    /** The step number: 0 for the starting point, then 1, 2, ... after each update. */
    int step();

    /** Names of the numbers of {@link #values()}, in order; the same for every event of a run. */
    List<String> fields();

    /** The numbers named by {@link #fields()}, in that order (a new array). */
    double[] values();
}
