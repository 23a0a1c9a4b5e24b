package org.pxrd.study.run;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Function;

import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyDescription.Refined;
import org.pxrd.study.run.RunSpec.GroupKey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One finished run as a line of the results file ({@code results.jsonl}): a JSON object with these fields, in
 * this order. Numbers that do not exist (NaN in a {@link RunOutcome}) are written as {@code null}.
 *
 * <pre>
 * index, id                      position in the plan and stable id ({@link RunSpec})
 * structure                      the structure's key (file name without extension)
 * noise, level                   "lattice" | "coordinates", σ
 * refine                         "lattice" | "coordinates" | "both"
 * distortion                     d
 * loss, lossId                   label and contribution id of the loss
 * projector, projectorId         label and contribution id of the projector ("none": unconstrained)
 * seed, distortionSeed           the run's seeds
 * status, message                CONVERGED | MAX_STEPS | FAILED, and a one-line note
 * steps                          optimizer steps taken
 * seconds                        wall time of the run (the only field that depends on the machine)
 * start.lattice, start.frac      the distorted start: [a, b, c (Å), α, β, γ (°)] and fractional coordinates
 * final.lattice, final.frac      the refined structure, the same way (sites in the truth's order)
 * lossStart, lossFinal           the loss at start and end
 * match, rms                     the matcher's verdict on the final structure, and its rms (null without a match)
 * distanceStart, distanceFinal   structural distance to the truth (e.g. AMD L∞, Å) at start and end
 * similarityStart, similarityFinal   XRD similarity to the truth at start and end (higher is more similar)
 * </pre>
 * Cancelled runs are never recorded. The arrays are copied in and out, so a record is immutable.
 */
public record RunRecord(int index, String id, String structure, NoiseType noise, double level, Refined refine,
        int distortion, String loss, String lossId, String projector, String projectorId, long seed,
        long distortionSeed, RunStatus status, String message, int steps, double seconds, double[] startLattice,
        double[][] startFrac, double[] finalLattice, double[][] finalFrac, double lossStart, double lossFinal,
        boolean match, double rms, double distanceStart, double distanceFinal, double similarityStart,
        double similarityFinal) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunRecord {
        if (status == RunStatus.CANCELLED) {
            throw new IllegalArgumentException("a cancelled run is not a result: " + id);
        }
        if (startLattice.length != 6 || finalLattice.length != 6) {
            throw new IllegalArgumentException("a lattice is 6 numbers a, b, c, alpha, beta, gamma: run " + id);
        }
        startLattice = startLattice.clone();
        startFrac = deepCopy(startFrac);
        finalLattice = finalLattice.clone();
        finalFrac = deepCopy(finalFrac);
    }

    /** The record of a finished run. */
    public static RunRecord of(RunSpec spec, Structure start, RunOutcome outcome, double seconds) {
        return new RunRecord(spec.index(), spec.id(), spec.structure().key(), spec.noise(), spec.level(),
                spec.refine(), spec.distortion(), spec.loss().label(), spec.loss().id(), spec.projector().label(),
                spec.projector().id(), spec.seed(), spec.distortionSeed(), outcome.status(), outcome.message(),
                outcome.steps(), seconds, start.lattice().parameters(), start.fracCoords(),
                outcome.last().lattice().parameters(), outcome.last().fracCoords(), outcome.lossStart(),
                outcome.lossFinal(), outcome.match(), outcome.rms(), outcome.distanceStart(), outcome.distanceFinal(),
                outcome.similarityStart(), outcome.similarityFinal());
    }

    @Override
    public double[] startLattice() {
        return startLattice.clone();
    }

    @Override
    public double[][] startFrac() {
        return deepCopy(startFrac);
    }

    @Override
    public double[] finalLattice() {
        return finalLattice.clone();
    }

    @Override
    public double[][] finalFrac() {
        return deepCopy(finalFrac);
    }

    /** The condition this run belongs to. */
    public GroupKey group() {
        return new GroupKey(noise, level, refine, loss, projector);
    }

    /** This record as one line of JSON (no line break). */
    public String toJsonLine() {
        return toJson().toString();
    }

    /** This record with {@code seconds} set to 0: what must be equal between two runs of the same study. */
    public RunRecord withoutTiming() {
        return new RunRecord(index, id, structure, noise, level, refine, distortion, loss, lossId, projector,
                projectorId, seed, distortionSeed, status, message, steps, 0, startLattice, startFrac, finalLattice,
                finalFrac, lossStart, lossFinal, match, rms, distanceStart, distanceFinal, similarityStart,
                similarityFinal);
    }

    /** This record with another verdict: {@code match} and its {@code rms} (NaN without a match). */
    public RunRecord withVerdict(boolean matched, double matchRms) {
        return new RunRecord(index, id, structure, noise, level, refine, distortion, loss, lossId, projector,
                projectorId, seed, distortionSeed, status, message, steps, seconds, startLattice, startFrac,
                finalLattice, finalFrac, lossStart, lossFinal, matched, matchRms, distanceStart, distanceFinal,
                similarityStart, similarityFinal);
    }

    /**
     * The refined structure: the run's ground truth with the recorded final lattice (a, b, c in Å, α, β, γ in
     * degrees) and fractional coordinates (sites in the truth's order).
     *
     * @param truth the run's ground-truth structure, as the study read it
     * @throws IllegalArgumentException when the truth does not have the recorded number of sites
     */
    public Structure finalStructure(Structure truth) {
        if (finalFrac.length != truth.size()) {
            throw new IllegalArgumentException("run " + id + " records " + finalFrac.length + " sites but its "
                    + "ground truth " + structure + " has " + truth.size());
        }
        return truth.withLattice(Lattice.fromParameters(finalLattice)).withFracCoords(finalFrac());
    }

    /** This record as a JSON object (field order as in the class comment). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("index", index);
        o.put("id", id);
        o.put("structure", structure);
        o.put("noise", noise.json());
        o.put("level", level);
        o.put("refine", refine.json());
        o.put("distortion", distortion);
        o.put("loss", loss);
        o.put("lossId", lossId);
        o.put("projector", projector);
        o.put("projectorId", projectorId);
        o.put("seed", seed);
        o.put("distortionSeed", distortionSeed);
        o.put("status", status.name());
        o.put("message", message);
        o.put("steps", steps);
        number(o, "seconds", seconds);
        ObjectNode start = o.putObject("start");
        start.set("lattice", vector(startLattice));
        start.set("frac", matrix(startFrac));
        ObjectNode end = o.putObject("final");
        end.set("lattice", vector(finalLattice));
        end.set("frac", matrix(finalFrac));
        number(o, "lossStart", lossStart);
        number(o, "lossFinal", lossFinal);
        o.put("match", match);
        number(o, "rms", rms);
        number(o, "distanceStart", distanceStart);
        number(o, "distanceFinal", distanceFinal);
        number(o, "similarityStart", similarityStart);
        number(o, "similarityFinal", similarityFinal);
        return o;
    }

    /**
     * Parses one line of a results file.
     *
     * @throws IllegalArgumentException naming the field when the line is not a run record
     */
    public static RunRecord parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Fields f = new Fields(o);
        return new RunRecord(f.integer("index"), f.text("id"), f.text("structure"),
                f.choice("noise", NoiseType.values(), NoiseType::json), f.number("level"),
                f.choice("refine", Refined.values(), Refined::json), f.integer("distortion"), f.text("loss"),
                f.text("lossId"), f.text("projector"), f.text("projectorId"), f.whole("seed"),
                f.whole("distortionSeed"), f.choice("status", RunStatus.values(), RunStatus::name),
                f.textOrEmpty("message"), f.integer("steps"), f.number("seconds"), f.vector("start", "lattice"),
                f.matrix("start", "frac"), f.vector("final", "lattice"), f.matrix("final", "frac"),
                f.number("lossStart"), f.number("lossFinal"), f.bool("match"), f.number("rms"),
                f.number("distanceStart"), f.number("distanceFinal"), f.number("similarityStart"),
                f.number("similarityFinal"));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunRecord r && toJson().equals(r.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "run %s (%s, %d steps, match %s)", id, status, steps, match);
    }

    private static void number(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private static ArrayNode vector(double[] v) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    private static ArrayNode matrix(double[][] m) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double[] row : m) {
            a.add(vector(row));
        }
        return a;
    }

    private static double[][] deepCopy(double[][] m) {
        return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
    }

    /** Typed access to the fields of a parsed record, with messages that name the field. */
    private record Fields(JsonNode o) {

        private JsonNode get(String name) {
            JsonNode n = o.get(name);
            if (n == null) {
                throw new IllegalArgumentException("field '" + name + "' is missing");
            }
            return n;
        }

        String text(String name) {
            JsonNode n = get(name);
            if (!n.isTextual() || n.asText().isEmpty()) {
                throw new IllegalArgumentException("field '" + name + "' must be a non-empty text, got " + n);
            }
            return n.asText();
        }

        String textOrEmpty(String name) {
            JsonNode n = get(name);
            if (!n.isTextual()) {
                throw new IllegalArgumentException("field '" + name + "' must be a text, got " + n);
            }
            return n.asText();
        }

        int integer(String name) {
            JsonNode n = get(name);
            if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
                throw new IllegalArgumentException("field '" + name + "' must be a whole number >= 0, got " + n);
            }
            return n.asInt();
        }

        long whole(String name) {
            JsonNode n = get(name);
            if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                throw new IllegalArgumentException("field '" + name + "' must be a 64-bit whole number, got " + n);
            }
            return n.asLong();
        }

        double number(String name) {
            return number(get(name), name);
        }

        private static double number(JsonNode n, String name) {
            if (n.isNull()) {
                return Double.NaN;
            }
            if (!n.isNumber()) {
                throw new IllegalArgumentException("field '" + name + "' must be a number or null, got " + n);
            }
            return n.asDouble();
        }

        boolean bool(String name) {
            JsonNode n = get(name);
            if (!n.isBoolean()) {
                throw new IllegalArgumentException("field '" + name + "' must be true or false, got " + n);
            }
            return n.asBoolean();
        }

        <E> E choice(String name, E[] values, Function<E, String> json) {
            String s = text(name);
            for (E v : values) {
                if (json.apply(v).equals(s)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("field '" + name + "' has the unknown value \"" + s + "\"");
        }

        double[] vector(String object, String name) {
            JsonNode n = get(object).get(name);
            String what = object + "." + name;
            if (n == null || !n.isArray()) {
                throw new IllegalArgumentException("field '" + what + "' must be a list of numbers");
            }
            double[] v = new double[n.size()];
            Iterator<JsonNode> it = n.elements();
            for (int i = 0; i < v.length; i++) {
                v[i] = number(it.next(), what);
            }
            return v;
        }

        double[][] matrix(String object, String name) {
            JsonNode n = get(object).get(name);
            String what = object + "." + name;
            if (n == null || !n.isArray()) {
                throw new IllegalArgumentException("field '" + what + "' must be a list of coordinate triples");
            }
            double[][] m = new double[n.size()][];
            for (int i = 0; i < m.length; i++) {
                JsonNode row = n.get(i);
                if (!row.isArray() || row.size() != 3) {
                    throw new IllegalArgumentException("field '" + what + "' row " + i + " must be 3 numbers");
                }
                m[i] = new double[] {number(row.get(0), what), number(row.get(1), what), number(row.get(2), what)};
            }
            return m;
        }
    }
}
