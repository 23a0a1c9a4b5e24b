package org.pxrd.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Site;
import org.pxrd.model.Structure;

import picocli.CommandLine.Command;

/**
 * {@code pxrd demo}: a short tour of what the headless tool does on built-in example data (what {@code ./pxrd}
 * runs when there is no display).
 */
@Command(name = "demo", description = "Run a short headless demonstration on the bundled example data.")
final class DemoCommand implements Callable<Integer> {

    private final CliContext context;

    DemoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Structure rockSalt = new Structure("NaCl (rock salt, Fm-3m)", Lattice.cubic(5.6402), List.of(
                Site.of(Element.Na, 0, 0, 0), Site.of(Element.Na, 0.5, 0.5, 0), Site.of(Element.Na, 0.5, 0, 0.5),
                Site.of(Element.Na, 0, 0.5, 0.5), Site.of(Element.Cl, 0.5, 0, 0), Site.of(Element.Cl, 0, 0.5, 0),
                Site.of(Element.Cl, 0, 0, 0.5), Site.of(Element.Cl, 0.5, 0.5, 0.5)));
        context.out().println("PXRD Workbench headless demo");
        context.out().printf(Locale.ROOT, "%s: %s, %d sites, a = %.4f Å, V = %.3f Å^3, density %.4f g/cm^3%n",
                rockSalt.name(), rockSalt.reducedFormula(), rockSalt.size(), rockSalt.lattice().a(),
                rockSalt.lattice().volume(), rockSalt.density());
        long points = context.extensions().extensionPoints().stream().filter(p -> p.startsWith(PluginsCommand.PREFIX))
                .count();
        context.out().printf("%d extension points of org.pxrd.* are installed (pxrd plugins lists them)%n", points);
        return 0;
    }
}
