package org.pxrd.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pxrd.examples.Examples;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;

/**
 * {@code pxrd demo}: a short tour of what the headless tool does on the bundled example data (what
 * {@code ./pxrd} runs when there is no display).
 */
@Command(name = "demo", description = "Run a short headless demonstration on the bundled example data "
        + "(the ten structures of Segal et al. 2026).")
final class DemoCommand implements Callable<Integer> {

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.out().println("PXRD Workbench headless demo: the ten structures of Segal et al. 2026 "
                + "(conventional cells, " + Examples.folder().resolve("study10") + ")");
        context.out().printf(Locale.ROOT, "%-22s %-12s %6s %9s %9s %12s %9s%n", "structure", "formula", "sites",
                "a (Å)", "c (Å)", "volume (Å^3)", "g/cm^3");
        for (Path file : Examples.studyStructures()) {
            Structure s = context.readStructure(file);
            context.out().printf(Locale.ROOT, "%-22s %-12s %6d %9.4f %9.4f %12.3f %9.4f%n",
                    file.getFileName().toString().replaceAll("_sg\\d+\\.cif$", ""), s.reducedFormula(), s.size(),
                    s.lattice().a(), s.lattice().c(), s.lattice().volume(), s.density());
        }
        long points = context.extensions().extensionPoints().stream().filter(p -> p.startsWith(PluginsCommand.PREFIX))
                .count();
        context.out().printf("%d extension points of org.pxrd.* are installed ('pxrd plugins' lists them)%n", points);
        return 0;
    }
}
