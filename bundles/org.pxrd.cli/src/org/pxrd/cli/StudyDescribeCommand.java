package org.pxrd.cli;

import java.util.concurrent.Callable;

import org.pxrd.study.protocol.StudyDescription;
import org.pxrd.study.protocol.StudyFormat;
import org.pxrd.study.run.RunSpec;
import org.pxrd.study.run.StudyPlan;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pxrd study describe PRESET|FILE [--runs]}: prints the study's normalised description (every field,
 * defaults included: a valid study file to copy and edit), or with {@code --runs} one JSON line per run of its
 * plan. A summary line (runs, structures, fingerprint) goes to stderr.
 */
@Command(name = "describe", sortOptions = false, description = {
    "Print a study's description or its runs.",
    "The description is JSON with every default filled in (a study file to start from); with --runs, one JSON "
        + "line per run: id, structure, noise, level, refine, distortion, loss, projector, seeds."})
final class StudyDescribeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PRESET|FILE", description = "A preset (paper, paper-quick) or a study file.")
    String study;

    @Option(names = "--runs", description = "Print the runs of the study instead of its description.")
    boolean runs;

    private final CliContext context;

    StudyDescribeCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StudyDescription description = StudyCommand.load(study);
        StudyPlan plan = StudyCommand.plan(description);
        if (runs) {
            for (RunSpec r : plan.runs()) {
                var json = context.json().createObjectNode();
                json.put("index", r.index());
                json.put("id", r.id());
                json.put("structure", r.structure().key());
                json.put("file", r.structure().path().toString());
                json.put("noise", r.noise().json());
                json.put("level", r.level());
                json.put("refine", r.refine().json());
                json.put("distortion", r.distortion());
                json.put("loss", r.loss().id());
                json.put("projector", r.projector().id());
                json.put("seed", r.seed());
                json.put("distortionSeed", r.distortionSeed());
                context.printJson(json);
            }
        } else {
            context.out().println(StudyFormat.write(description));
        }
        context.err().println("pxrd study describe: " + description.name() + ": " + plan.runs().size() + " runs on "
                + plan.structures().size() + " structures, fingerprint " + plan.fingerprint().substring(0, 12));
        return 0;
    }
}
