package org.pxrd.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.pxrd.core.extensions.ContributionException;
import org.pxrd.matching.CrystalMatcher;
import org.pxrd.matching.Matchers;

import picocli.CommandLine.Option;

/**
 * The matcher options shared by {@code pxrd match} and {@code pxrd bench match}: which contribution of
 * {@code org.pxrd.matching.matchers} to use and its tolerances (the StructureMatcher ones by name, any setting by
 * {@code --set key=value}). Defaults are the study's: ltol 0.1, stol 0.2, angle_tol 5°.
 */
final class MatcherChoice {

    @Option(names = "--matcher", defaultValue = Matchers.STRUCTURE_MATCHER, paramLabel = "ID",
            description = "Matcher contribution (default: ${DEFAULT-VALUE}; also amd, pdd).")
    String matcher;

    @Option(names = "--ltol", paramLabel = "X", description = "Fractional length tolerance (default 0.1).")
    Double ltol;

    @Option(names = "--stol", paramLabel = "X",
            description = "Site tolerance in units of (V/n)^(1/3) (default 0.2).")
    Double stol;

    @Option(names = "--angle-tol", paramLabel = "DEG", description = "Angle tolerance in degrees (default 5).")
    Double angleTol;

    @Option(names = "--no-primitive-cell", description = "Compare the cells as given, not their primitive cells.")
    boolean noPrimitiveCell;

    @Option(names = "--no-scale", description = "Do not scale the cells to the same volume.")
    boolean noScale;

    @Option(names = "--attempt-supercell", description = "Allow one structure to match a supercell of the other.")
    boolean attemptSupercell;

    @Option(names = "--allow-subset", description = "Allow the sites of one structure to match a subset of the other's.")
    boolean allowSubset;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting of the matcher, e.g. --set k=50.")
    Map<String, String> settings = new LinkedHashMap<>();

    /** The configured matcher; unknown ids, settings or values end the command with a one-line message. */
    CrystalMatcher create(CliContext context) {
        Map<String, String> all = new LinkedHashMap<>();
        put(all, "ltol", ltol);
        put(all, "stol", stol);
        put(all, "angle_tol", angleTol);
        if (noPrimitiveCell) {
            all.put("primitive_cell", "false");
        }
        if (noScale) {
            all.put("scale", "false");
        }
        if (attemptSupercell) {
            all.put("attempt_supercell", "true");
        }
        if (allowSubset) {
            all.put("allow_subset", "true");
        }
        all.putAll(settings);
        try {
            return new Matchers(context.extensions()).create(matcher, all);
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** The contribution id as given, resolved to its full id. */
    String id(CliContext context) {
        try {
            return new Matchers(context.extensions()).get(matcher).id();
        } catch (ContributionException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static void put(Map<String, String> m, String key, Double value) {
        if (value != null) {
            m.put(key, String.format(Locale.ROOT, "%s", value));
        }
    }
}
