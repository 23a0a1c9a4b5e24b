package org.pxrd.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.ContributionException;
import org.pxrd.core.extensions.ContributionRegistry;
import org.pxrd.core.extensions.ExtensionSource;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pxrd plugins}: every extension point of {@code org.pxrd.*} and its contributions, one per line:
 * {@code extension-point-id<TAB>contribution-id<TAB>contributing-bundle} (a point without contributions
 * shows {@code -} in both columns).
 */
@Command(name = "plugins", description = {"List the extension points and their contributions.",
            "One line per contribution to an extension point of org.pxrd.*: extension point, contribution id, "
                + "bundle (tab-separated)."})
final class PluginsCommand implements Callable<Integer> {

    /** Prefix of the project's extension points. */
    static final String PREFIX = "org.pxrd.";

    @Option(names = "--check", description = "Also start every contribution and report the ones that fail "
            + "(on stderr; exit status 1 if any).")
    boolean check;

    @Option(names = "--describe", description = "Add the contribution's name and description as two more columns.")
    boolean describe;

    private final CliContext context;

    PluginsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ExtensionSource source = context.extensions();
        int failures = 0;
        for (String point : source.extensionPoints()) {
            if (!point.startsWith(PREFIX)) {
                continue;
            }
            List<Contribution> contributions = source.contributions(point);
            if (contributions.isEmpty()) {
                context.out().println(point + "\t-\t-");
            }
            for (Contribution c : contributions) {
                context.out().println(point + "\t" + c.id() + "\t" + c.bundle()
                        + (describe ? "\t" + c.name() + "\t" + c.description() : ""));
            }
            if (check) {
                for (ContributionException e : new ContributionRegistry<>(source, point, Object.class).check().values()) {
                    context.err().println("pxrd plugins: " + e.getMessage());
                    failures++;
                }
            }
        }
        for (String problem : source.problems()) {
            context.err().println("pxrd plugins: " + problem);
        }
        return failures == 0 ? 0 : Pxrd.EXIT_FAILURE;
    }
}
