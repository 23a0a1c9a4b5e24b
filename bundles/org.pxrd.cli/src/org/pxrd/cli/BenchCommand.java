package org.pxrd.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pxrd bench <what>}: speed measurements with warm-up, repeats and medians (never asserted in tests). */
@Command(name = "bench", description = {"Measure the speed of a part of PXRD Workbench.",
            "Each measure has a warm-up and repeated batches, and reports medians."},
        subcommands = {BenchSimulateCommand.class, BenchMatchCommand.class, BenchRefineCommand.class})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("pxrd bench: name what to measure (see 'pxrd bench --help')");
        spec.commandLine().usage(spec.commandLine().getErr());
        return Pxrd.EXIT_USAGE;
    }
}
