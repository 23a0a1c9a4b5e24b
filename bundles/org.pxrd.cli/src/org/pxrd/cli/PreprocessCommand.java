package org.pxrd.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.pxrd.core.extensions.Contribution;
import org.pxrd.core.extensions.SettingDescriptor;
import org.pxrd.diffraction.TwoThetaGrid;
import org.pxrd.diffraction.measured.Resampling;
import org.pxrd.diffraction.preprocess.PreprocessingPipeline;
import org.pxrd.diffraction.preprocess.Preprocessors;
import org.pxrd.io.PatternData;
import org.pxrd.model.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd preprocess IN OUT --step ID[:key=value,...]...}: a measured pattern through the preprocessors of
 * {@code org.pxrd.diffraction.preprocessors} (background subtraction, normalisation, smoothing), in the order given,
 * written in the format of OUT's extension. The same pipelines serve the workbench and {@code pxrd simulate --like
 * ... --preprocess}. Prints one JSON line: input, output, points, the steps with every setting, the wavelength.
 */
@Command(name = "preprocess", sortOptions = false, description = {
        "Preprocess a measured pattern.",
        "Background, normalisation, smoothing (org.pxrd.diffraction.preprocessors). Steps run in the order given; "
            + "a step is ID[:key=value,...], e.g. snip:window=1.5 or normalize:mode=area."})
final class PreprocessCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "IN", description = "The measured pattern (.xy, .xye, .csv, "
            + ".xrdml, .gsas, RRUFF .txt, ...).")
    Path in;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", description = "Where to write the result "
            + "(.xy, .xye, .dat, .csv).")
    Path out;

    @Option(names = "--step", paramLabel = "ID[:KEY=VALUE,...]", description = "A preprocessing step; repeatable. "
            + "Built-in: snip, chebyshev, normalize, savgol (--list shows their settings).")
    List<String> steps = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "auto|esd|counts|unit", description = "Give the pattern standard "
            + "deviations before the steps, carried through them into OUT's sigma column: esd (the file's), counts "
            + "(sqrt of the raw counts), unit, auto (esd if the file has them, else counts). Default: as the file.")
    String weights;

    @Option(names = "--resample", paramLabel = "MIN:MAX:STEP", description = "After the steps, interpolate linearly "
            + "onto the bin centres MIN+STEP*(j+0.5) that lie within the measured range (degrees).")
    String resample;

    @Option(names = "--list", description = "List the preprocessors and their settings, then exit.")
    boolean list;

    private final CliContext context;

    PreprocessCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (list) {
            printList();
            return 0;
        }
        if (in == null || out == null) {
            throw new CliException("give IN and OUT (or --list)");
        }
        if (steps.isEmpty() && resample == null && weights == null) {
            throw new CliException("nothing to do: give at least one --step (or --resample, --weights)");
        }
        TwoThetaGrid grid = null;
        if (resample != null) {
            try {
                grid = TwoThetaGrid.parse(resample);
            } catch (IllegalArgumentException e) {
                throw new CliException("--resample: " + e.getMessage(), e);
            }
        }
        PreprocessingPipeline pipeline = MeasuredOptions.pipeline(context, steps);
        PatternData data = context.readPatternData(in);
        Pattern pattern = data.pattern();
        if (weights != null) {
            pattern = MeasuredOptions.weigh(MeasuredOptions.weighting(weights), pattern, in);
        }
        pattern = MeasuredOptions.apply(pipeline, pattern, in);
        if (grid != null) {
            try {
                pattern = Resampling.onto(pattern, grid);
            } catch (IllegalArgumentException e) {
                throw new CliException(in + ": " + e.getMessage(), e);
            }
        }
        context.writePattern(pattern, out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("in", in.toString());
        result.put("out", out.toString());
        result.put("points", pattern.size());
        result.put("steps", pipeline.steps().stream().map(Preprocessors.ConfiguredStep::describe).toList());
        if (grid != null) {
            result.put("resampled", grid.describe());
        }
        result.put("wavelength", pattern.wavelength().isPresent() ? pattern.wavelength().getAsDouble() : null);
        context.printJson(result);
        return 0;
    }

    private void printList() {
        Preprocessors registry = new Preprocessors(context.extensions());
        for (Contribution c : registry.contributions()) {
            context.out().printf(Locale.ROOT, "%s\t%s%s\t%s%n", c.id(), c.name(),
                    registry.backgroundIds().contains(c.id()) ? " (background)" : "", c.description());
            for (SettingDescriptor d : c.settings()) {
                context.out().printf(Locale.ROOT, "  %s=%s\t%s%n", d.key(), d.defaultValue(), d.description());
            }
        }
    }
}
