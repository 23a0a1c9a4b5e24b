package org.pxrd.study.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.pxrd.optimization.noise.LatticeNoise;
import org.pxrd.study.protocol.StudyDescription.Condition;
import org.pxrd.study.protocol.StudyDescription.Contribution;
import org.pxrd.study.protocol.StudyDescription.Instrument;
import org.pxrd.study.protocol.StudyDescription.Labelled;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyDescription.Optimizer;
import org.pxrd.study.protocol.StudyDescription.Refined;
import org.pxrd.study.protocol.StudyDescription.StopRule;
import org.pxrd.study.protocol.StudyDescription.StructureSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads, validates and writes study descriptions as JSON: the fields of {@link StudyDescription} and its
 * records, by their names. {@code //} and {@code /* *}{@code /} comments are allowed. Every problem is one line
 * naming the source, the field (as a path, e.g. {@code conditions[0].levels[2]}) and what is wrong with it;
 * the first problem found ends the reading.
 *
 * <p>Defaults (the only optional fields): {@code note} "", {@code structures.glob} {@code *.cif}, a
 * contribution's {@code settings} {} and label (the last '.'-separated segment of its id),
 * {@code optimizer.learningRatesByLoss} {} (rates for the runs of one loss, by its label, replacing some of
 * {@code optimizer.learningRates}), {@code optimizer.settings} {}, {@code stop.maxSeconds} null (no wall-time
 * limit). {@link #write} prints every field, defaults included (but {@code learningRatesByLoss} only when it has
 * rates): the normalised form that {@code pxrd study describe} shows and a results folder keeps.
 */
public final class StudyFormat {

    /** The version of the format this class reads and writes. */
    public static final int VERSION = 1;

    /** The file name pattern of a structure folder when none is given. */
    public static final String DEFAULT_GLOB = "*.cif";

    /**
     * Largest study file read (bytes). A description is a few kilobytes even with hundreds of files listed; a larger
     * file is the wrong file, and reading it whole could exhaust the memory.
     */
    public static final long MAX_FILE_BYTES = 16L << 20;

    /** Names and labels: what can appear in run ids and file names without quoting. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** Contribution ids: dotted names as in plugin.xml files. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private StudyFormat() {
    }

    /**
     * Reads a study file; relative structure paths are resolved against its folder.
     *
     * @throws StudyFormatException naming the file and the problem
     */
    public static StudyDescription read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new StudyFormatException(file + ": is larger than " + (MAX_FILE_BYTES >> 20)
                        + " MB: not a study description");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new StudyFormatException(file + ": no such file");
        } catch (IOException e) {
            throw new StudyFormatException(file + ": cannot read: " + e.getMessage());
        }
        Path base = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), base);
    }

    /**
     * Reads a study from a stream (e.g. a preset resource).
     *
     * @param source names the stream in error messages
     * @param base the folder relative structure paths are resolved against
     */
    public static StudyDescription read(InputStream in, String source, Path base) {
        try {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, base);
        } catch (IOException e) {
            throw new StudyFormatException(source + ": cannot read: " + e.getMessage());
        }
    }

    /**
     * Parses and validates a study description.
     *
     * @throws StudyFormatException naming the source, the field and the problem
     */
    public static StudyDescription parse(String text, String source, Path base) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new StudyFormatException(source + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new StudyFormatException(source + ": empty file (expected a JSON object describing a study)");
        }
        return new Reader(source, base).study(new Node(root, ""));
    }

    /** The normalised JSON of a description (every field, defaults included, 2-space indented). */
    public static String write(StudyDescription study) {
        try {
            return JSON.writeValueAsString(toJson(study));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a study description: " + e.getMessage(), e);
        }
    }

    /** The normalised JSON tree of a description. */
    public static ObjectNode toJson(StudyDescription s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("format", s.format());
        o.put("name", s.name());
        o.put("note", s.note());
        ObjectNode structures = o.putObject("structures");
        StructureSource src = s.structures();
        if (src.examples() != null) {
            structures.put("examples", src.examples());
        } else if (src.folder() != null) {
            structures.put("folder", src.folder().toString());
            structures.put("glob", src.glob());
        } else {
            ArrayNode files = structures.putArray("files");
            src.files().forEach(p -> files.add(p.toString()));
        }
        ArrayNode conditions = o.putArray("conditions");
        for (Condition c : s.conditions()) {
            ObjectNode cn = conditions.addObject();
            cn.put("noise", c.noise().json());
            ArrayNode levels = cn.putArray("levels");
            c.levels().forEach(levels::add);
            cn.put("refine", c.refine().json());
            ArrayNode projectors = cn.putArray("projectors");
            c.projectors().forEach(p -> projectors.add(labelled(p)));
        }
        o.put("distortions", s.distortions());
        ArrayNode losses = o.putArray("losses");
        s.losses().forEach(l -> losses.add(labelled(l)));
        Instrument in = s.instrument();
        ObjectNode instrument = o.putObject("instrument");
        instrument.put("wavelength", in.wavelength());
        instrument.put("twoThetaMin", in.twoThetaMin());
        instrument.put("twoThetaMax", in.twoThetaMax());
        instrument.put("twoThetaStep", in.twoThetaStep());
        instrument.put("u", in.u());
        instrument.put("v", in.v());
        instrument.put("w", in.w());
        instrument.put("eta", in.eta());
        ObjectNode optimizer = o.putObject("optimizer");
        optimizer.put("id", s.optimizer().id());
        ObjectNode rates = optimizer.putObject("learningRates");
        new TreeMap<>(s.optimizer().learningRates()).forEach(rates::put);
        if (!s.optimizer().learningRatesByLoss().isEmpty()) {
            // written only when given, so that the descriptions (and fingerprints) of studies without it stay as
            // they were
            ObjectNode byLoss = optimizer.putObject("learningRatesByLoss");
            s.optimizer().learningRatesByLoss().forEach((loss, lossRates) -> {
                ObjectNode r = byLoss.putObject(loss);
                new TreeMap<>(lossRates).forEach(r::put);
            });
        }
        optimizer.set("settings", settings(s.optimizer().settings()));
        ObjectNode stop = o.putObject("stop");
        stop.put("tolerance", s.stop().tolerance());
        stop.put("window", s.stop().window());
        stop.put("maxSteps", s.stop().maxSteps());
        if (s.stop().maxSeconds() == null) {
            stop.putNull("maxSeconds");
        } else {
            stop.put("maxSeconds", s.stop().maxSeconds());
        }
        o.set("matcher", contribution(s.matcher()));
        o.set("distance", contribution(s.distance()));
        o.put("seed", s.seed());
        return o;
    }

    private static ObjectNode labelled(Labelled l) {
        ObjectNode n = contribution(l.contribution());
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("label", l.label());
        out.setAll(n);
        return out;
    }

    private static ObjectNode contribution(Contribution c) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", c.id());
        n.set("settings", settings(c.settings()));
        return n;
    }

    private static ObjectNode settings(Map<String, String> settings) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(settings).forEach(n::put);
        return n;
    }

    /** The default label of a contribution id: its last '.'-separated segment. */
    public static String defaultLabel(String id) {
        int dot = id.lastIndexOf('.');
        return dot < 0 ? id : id.substring(dot + 1);
    }

    /** A JSON node with its path from the root, for messages. */
    private record Node(JsonNode json, String path) {

        Node field(String name) {
            return new Node(json.get(name), path.isEmpty() ? name : path + "." + name);
        }

        Node element(int i) {
            return new Node(json.get(i), path + "[" + i + "]");
        }

        boolean present() {
            return json != null && !json.isNull();
        }

        String kind() {
            if (json == null || json.isNull()) {
                return "nothing";
            }
            if (json.isTextual()) {
                return "the text \"" + json.asText() + "\"";
            }
            if (json.isNumber() || json.isBoolean()) {
                return json.toString();
            }
            return json.isArray() ? "a list" : "an object";
        }
    }

    /** Turns a JSON tree into a validated description; every error names the source and field. */
    private static final class Reader {

        private final String source;
        private final Path base;

        Reader(String source, Path base) {
            this.source = source;
            this.base = base;
        }

        private StudyFormatException error(Node n, String problem) {
            return new StudyFormatException(source + ": " + (n.path().isEmpty() ? "" : n.path() + ": ") + problem);
        }

        private Node object(Node n, String... known) {
            if (!n.present() || !n.json().isObject()) {
                throw error(n, "expected an object, got " + n.kind());
            }
            Set<String> allowed = Set.of(known);
            Iterator<String> names = n.json().fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error(n.field(name), "unknown field (known here: " + String.join(", ", known) + ")");
                }
            }
            return n;
        }

        private Node required(Node parent, String name) {
            Node n = parent.field(name);
            if (!n.present()) {
                throw error(n, "missing");
            }
            return n;
        }

        private String text(Node n) {
            if (!n.present() || !n.json().isTextual() || n.json().asText().isBlank()) {
                throw error(n, "expected a non-empty text, got " + n.kind());
            }
            return n.json().asText();
        }

        private String name(Node n) {
            String s = text(n);
            if (!NAME.matcher(s).matches()) {
                throw error(n, "\"" + s + "\" is not a plain name (letters, digits, '.', '_', '-'; no spaces)");
            }
            return s;
        }

        private String id(Node n) {
            String s = text(n);
            if (!ID.matcher(s).matches()) {
                throw error(n, "\"" + s + "\" is not a contribution id (e.g. org.pxrd.losses.cosine)");
            }
            return s;
        }

        private double number(Node n) {
            if (!n.present() || !n.json().isNumber()) {
                throw error(n, "expected a number, got " + n.kind());
            }
            double v = n.json().asDouble();
            if (!Double.isFinite(v)) {
                throw error(n, "expected a finite number, got " + n.json());
            }
            return v;
        }

        private double positive(Node n) {
            double v = number(n);
            if (!(v > 0)) {
                throw error(n, "must be positive, got " + n.json());
            }
            return v;
        }

        private int positiveInt(Node n) {
            if (!n.present() || !n.json().isIntegralNumber() || !n.json().canConvertToInt()) {
                throw error(n, "expected a whole number, got " + n.kind());
            }
            int v = n.json().asInt();
            if (v < 1) {
                throw error(n, "must be at least 1, got " + v);
            }
            return v;
        }

        private Node array(Node n, boolean nonEmpty) {
            if (!n.present() || !n.json().isArray()) {
                throw error(n, "expected a list, got " + n.kind());
            }
            if (nonEmpty && n.json().isEmpty()) {
                throw error(n, "must not be empty");
            }
            return n;
        }

        StudyDescription study(Node root) {
            object(root, "format", "name", "note", "structures", "conditions", "distortions", "losses",
                    "instrument", "optimizer", "stop", "matcher", "distance", "seed");
            Node format = required(root, "format");
            if (!format.json().isIntegralNumber() || format.json().asInt() != VERSION) {
                throw error(format, "this pxrd reads study format " + VERSION + ", got " + format.kind());
            }
            String name = name(required(root, "name"));
            Node noteNode = root.field("note");
            String note = noteNode.present() ? textOrEmpty(noteNode) : "";
            StructureSource structures = structures(required(root, "structures"));
            List<Condition> conditions = new ArrayList<>();
            Node cs = array(required(root, "conditions"), true);
            for (int i = 0; i < cs.json().size(); i++) {
                conditions.add(condition(cs.element(i)));
            }
            int distortions = positiveInt(required(root, "distortions"));
            List<Labelled> losses = labelledList(array(required(root, "losses"), true));
            Instrument instrument = instrument(required(root, "instrument"));
            Optimizer optimizer = optimizer(required(root, "optimizer"), losses);
            StopRule stop = stop(required(root, "stop"));
            Contribution matcher = contribution(required(root, "matcher"), false).contribution();
            Contribution distance = contribution(required(root, "distance"), false).contribution();
            Node seedNode = required(root, "seed");
            if (!seedNode.json().isIntegralNumber() || !seedNode.json().canConvertToLong()) {
                throw error(seedNode, "expected a whole number (64-bit), got " + seedNode.kind());
            }
            return new StudyDescription(VERSION, name, note, structures, conditions, distortions, losses,
                    instrument, optimizer, stop, matcher, distance, seedNode.json().asLong());
        }

        private String textOrEmpty(Node n) {
            if (!n.json().isTextual()) {
                throw error(n, "expected a text, got " + n.kind());
            }
            return n.json().asText();
        }

        private StructureSource structures(Node n) {
            object(n, "examples", "folder", "glob", "files");
            List<String> given = new ArrayList<>();
            for (String k : List.of("examples", "folder", "files")) {
                if (n.field(k).present()) {
                    given.add(k);
                }
            }
            if (given.size() != 1) {
                throw error(n, "give exactly one of examples, folder or files" + (given.isEmpty() ? ""
                        : " (got " + String.join(" and ", given) + ")"));
            }
            Node glob = n.field("glob");
            if (glob.present() && !given.get(0).equals("folder")) {
                throw error(glob, "only a folder takes a glob");
            }
            switch (given.get(0)) {
                case "examples" -> {
                    Node e = n.field("examples");
                    String set = text(e);
                    if (!StructureSets.EXAMPLE_SETS.contains(set)) {
                        throw error(e, "unknown example set \"" + set + "\" (known: "
                                + String.join(", ", StructureSets.EXAMPLE_SETS) + ")");
                    }
                    return new StructureSource(set, null, null, null);
                }
                case "folder" -> {
                    Path folder = resolve(text(n.field("folder")));
                    String pattern = glob.present() ? text(glob) : DEFAULT_GLOB;
                    return new StructureSource(null, folder, pattern, null);
                }
                default -> {
                    Node files = array(n.field("files"), true);
                    List<Path> paths = new ArrayList<>();
                    for (int i = 0; i < files.json().size(); i++) {
                        paths.add(resolve(text(files.element(i))));
                    }
                    return new StructureSource(null, null, null, paths);
                }
            }
        }

        private Path resolve(String path) {
            Path p = Path.of(path);
            return p.isAbsolute() || base == null ? p : base.resolve(p).normalize();
        }

        private Condition condition(Node n) {
            object(n, "noise", "levels", "refine", "projectors");
            Node noiseNode = required(n, "noise");
            NoiseType noise = choice(noiseNode, NoiseType.values(), NoiseType::json);
            Node levelsNode = array(required(n, "levels"), true);
            List<Double> levels = new ArrayList<>();
            Set<Double> seen = new HashSet<>();
            for (int i = 0; i < levelsNode.json().size(); i++) {
                Node l = levelsNode.element(i);
                double level = positive(l);
                if (noise == NoiseType.LATTICE && !(level < LatticeNoise.MAX_SIGMA)) {
                    throw error(l, "lattice noise must lie in (0, 1/3) (beyond, S·L can lose its volume), got "
                            + l.json());
                }
                if (!seen.add(level)) {
                    throw error(l, "level " + l.json() + " is given twice");
                }
                levels.add(level);
            }
            Refined refine = choice(required(n, "refine"), Refined.values(), Refined::json);
            List<Labelled> projectors = labelledList(array(required(n, "projectors"), true));
            return new Condition(noise, levels, refine, projectors);
        }

        private <E> E choice(Node n, E[] values, Function<E, String> json) {
            String s = text(n);
            List<String> names = new ArrayList<>();
            for (E v : values) {
                if (json.apply(v).equals(s)) {
                    return v;
                }
                names.add(json.apply(v));
            }
            throw error(n, "unknown value \"" + s + "\" (known: " + String.join(", ", names) + ")");
        }

        private List<Labelled> labelledList(Node n) {
            List<Labelled> list = new ArrayList<>();
            Set<String> labels = new LinkedHashSet<>();
            for (int i = 0; i < n.json().size(); i++) {
                Node e = n.element(i);
                Labelled l = contribution(e, true);
                if (!labels.add(l.label())) {
                    throw error(e, "label \"" + l.label() + "\" is used twice in this list (give each a distinct"
                            + " \"label\")");
                }
                list.add(l);
            }
            return list;
        }

        /** A contribution: an id text, or an object {id, settings, label}. */
        private Labelled contribution(Node n, boolean labelled) {
            if (n.present() && n.json().isTextual()) {
                String id = id(n);
                return new Labelled(label(n, defaultLabel(id)), new Contribution(id, Map.of()));
            }
            if (labelled) {
                object(n, "id", "settings", "label");
            } else {
                object(n, "id", "settings");
            }
            String id = id(required(n, "id"));
            Node labelNode = n.field("label");
            String label = labelNode.present() ? name(labelNode) : label(n.field("id"), defaultLabel(id));
            Node s = n.field("settings");
            return new Labelled(label, new Contribution(id, s.present() ? settings(s) : Map.of()));
        }

        private String label(Node n, String label) {
            if (!NAME.matcher(label).matches()) {
                throw error(n, "cannot make a label of \"" + label + "\": give a \"label\"");
            }
            return label;
        }

        private Map<String, String> settings(Node n) {
            anyObject(n);
            Map<String, String> settings = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.json().properties()) {
                JsonNode v = e.getValue();
                if (!v.isValueNode() || v.isNull()) {
                    throw error(n.field(e.getKey()), "a setting takes a text, number or true/false, got "
                            + n.field(e.getKey()).kind());
                }
                settings.put(e.getKey(), v.asText());
            }
            return settings;
        }

        /** An object with any field names (settings, learning rates). */
        private Node anyObject(Node n) {
            if (!n.present() || !n.json().isObject()) {
                throw error(n, "expected an object, got " + n.kind());
            }
            return n;
        }

        private Instrument instrument(Node n) {
            object(n, "wavelength", "twoThetaMin", "twoThetaMax", "twoThetaStep", "u", "v", "w", "eta");
            double wavelength = positive(required(n, "wavelength"));
            Node minNode = required(n, "twoThetaMin");
            double min = number(minNode);
            Node maxNode = required(n, "twoThetaMax");
            double max = number(maxNode);
            if (min < 0 || !(max > min) || max >= 180) {
                throw error(maxNode, "the 2θ range must satisfy 0 <= twoThetaMin < twoThetaMax < 180 degrees, got "
                        + min + " to " + max);
            }
            Node stepNode = required(n, "twoThetaStep");
            double step = positive(stepNode);
            if (step >= max - min) {
                throw error(stepNode, "the step must be smaller than the 2θ range, got " + step);
            }
            double u = number(required(n, "u"));
            double v = number(required(n, "v"));
            double w = number(required(n, "w"));
            Node etaNode = required(n, "eta");
            double eta = number(etaNode);
            if (eta < 0 || eta > 1) {
                throw error(etaNode, "the pseudo-Voigt weight must lie in [0, 1], got " + eta);
            }
            return new Instrument(wavelength, min, max, step, u, v, w, eta);
        }

        /** The optimizer; the labels of {@code learningRatesByLoss} must be labels of {@code losses}. */
        private Optimizer optimizer(Node n, List<Labelled> losses) {
            object(n, "id", "learningRates", "learningRatesByLoss", "settings");
            String id = id(required(n, "id"));
            Map<String, Double> rates = rates(required(n, "learningRates"));
            Map<String, Map<String, Double>> byLoss = new LinkedHashMap<>();
            Node byLossNode = n.field("learningRatesByLoss");
            if (byLossNode.present()) {
                List<String> labels = losses.stream().map(Labelled::label).toList();
                for (Iterator<String> it = anyObject(byLossNode).json().fieldNames(); it.hasNext();) {
                    String loss = it.next();
                    Node lossRates = byLossNode.field(loss);
                    if (!labels.contains(loss)) {
                        throw error(lossRates, "no loss of the study is labelled \"" + loss + "\" (losses: "
                                + String.join(", ", labels) + ")");
                    }
                    byLoss.put(loss, rates(lossRates));
                }
            }
            Node s = n.field("settings");
            return new Optimizer(id, rates, byLoss, s.present() ? settings(s) : Map.of());
        }

        /** Learning rates by parameter group: a non-empty object of positive numbers. */
        private Map<String, Double> rates(Node n) {
            Node ratesNode = anyObject(n);
            if (ratesNode.json().isEmpty()) {
                throw error(ratesNode, "give the learning rate of at least one parameter group (e.g. \"lattice\")");
            }
            Map<String, Double> rates = new LinkedHashMap<>();
            for (Iterator<String> it = ratesNode.json().fieldNames(); it.hasNext();) {
                String group = it.next();
                Node r = ratesNode.field(group);
                if (!NAME.matcher(group).matches()) {
                    throw error(r, "\"" + group + "\" is not a parameter group name");
                }
                rates.put(group, positive(r));
            }
            return rates;
        }

        private StopRule stop(Node n) {
            object(n, "tolerance", "window", "maxSteps", "maxSeconds");
            double tolerance = positive(required(n, "tolerance"));
            int window = positiveInt(required(n, "window"));
            Node maxStepsNode = required(n, "maxSteps");
            int maxSteps = positiveInt(maxStepsNode);
            if (maxSteps < window) {
                throw error(maxStepsNode, "must be at least the window (" + window + "), got " + maxSteps
                        + ": the stop rule could never see a full window");
            }
            Node seconds = n.field("maxSeconds");
            return new StopRule(tolerance, window, maxSteps, seconds.present() ? positive(seconds) : null);
        }
    }
}
