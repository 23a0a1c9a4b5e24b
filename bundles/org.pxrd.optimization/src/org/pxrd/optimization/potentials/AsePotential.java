package org.pxrd.optimization.potentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.pxrd.core.extensions.Settings;
import org.pxrd.core.resources.BundleFolders;
import org.pxrd.model.Structure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Any calculator of the Atomic Simulation Environment (ASE; Larsen et al., J. Phys.: Condens. Matter 29 (2017)
 * 273002) as a potential: ASE's EMT, or a machine-learned interatomic potential such as CHGNet or MACE where
 * the user has installed it. The calculator runs in a long-lived Python worker, {@code python/pxrd_ase_worker.py}
 * of this bundle (or another script speaking its protocol), started on the first structure and stopped by
 * {@link #close()}; see {@link PythonWorker} for the protocol and how failures are reported.
 *
 * <p>The worker receives the lattice matrix (rows, Å), the element symbols and the fractional coordinates, and
 * answers with ASE's energy (eV), forces (eV/Å, in the same Cartesian frame) and stress (eV/Å³,
 * {@code get_stress(voigt=False)}, the same sign convention as {@link PotentialResult}).
 *
 * <p>Settings: {@code calculator} (a shortcut {@code emt}, {@code chgnet}, {@code mace-mp}, or
 * {@code module:attribute}), {@code calculatorArgs} (a JSON object of keyword arguments), {@code python} (the
 * interpreter), {@code script} (empty for the shipped worker), {@code timeout} (s per structure) and
 * {@code startupTimeout} (s to load the calculator).
 */
public final class AsePotential implements Potential {

    /** The worker script shipped in this bundle's {@code python} folder. */
    public static final String WORKER_SCRIPT = "pxrd_ase_worker.py";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String calculator;
    private final String name;
    private final List<String> arguments;
    private final String python;
    private final String script;
    private final Duration startupTimeout;
    private final Duration timeout;
    private PythonWorker worker;

    /**
     * From the contribution's settings.
     *
     * @throws IllegalArgumentException when {@code calculatorArgs} is not a JSON object
     */
    public AsePotential(Settings settings) {
        this.calculator = settings.getString("calculator").strip();
        this.name = "ASE worker (" + calculator + ")";
        String args = text(settings, "calculatorArgs");
        try {
            JsonNode parsed = JSON.readTree(args.isBlank() ? "{}" : args);
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException("setting 'calculatorArgs' must be a JSON object, got '" + args + "'");
            }
            this.arguments = List.of("--calculator", calculator, "--calculator-args", JSON.writeValueAsString(parsed));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("setting 'calculatorArgs' is not valid JSON: '" + args + "'", e);
        }
        this.python = settings.getString("python").strip();
        this.script = text(settings, "script").strip();
        this.startupTimeout = duration(settings.getDouble("startupTimeout"));
        this.timeout = duration(settings.getDouble("timeout"));
    }

    private static String text(Settings settings, String key) {
        Object value = settings.values().get(key);
        return value == null ? "" : value.toString();
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    @Override
    public synchronized PotentialResult compute(Structure structure) throws PotentialException {
        Potential.requireFullOccupancy(structure, name);
        if (worker == null) {
            worker = new PythonWorker(name, command(), startupTimeout, timeout, "timeout",
                    "the setting 'python' chooses the interpreter, 'calculator' the calculator");
        }
        JsonNode reply = worker.request(request(structure));
        return result(reply, structure.size());
    }

    private List<String> command() throws PotentialException {
        Path path;
        if (script.isEmpty()) {
            try {
                path = BundleFolders.folder(AsePotential.class, "python").resolve(WORKER_SCRIPT);
            } catch (RuntimeException e) {
                throw new PotentialException(name + ": cannot find the worker script " + WORKER_SCRIPT + ": "
                        + e.getMessage(), e);
            }
        } else {
            path = Path.of(script);
        }
        if (!Files.isRegularFile(path)) {
            throw new PotentialException(name + ": no worker script at " + path + " (setting 'script')");
        }
        List<String> command = new ArrayList<>();
        command.add(python);
        command.add(path.toString());
        command.addAll(arguments);
        return command;
    }

    private static ObjectNode request(Structure structure) {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode lattice = request.putArray("lattice");
        for (double[] row : structure.lattice().matrix()) {
            lattice.addArray().add(row[0]).add(row[1]).add(row[2]);
        }
        ArrayNode species = request.putArray("species");
        ArrayNode frac = request.putArray("frac");
        for (int i = 0; i < structure.size(); i++) {
            species.add(structure.site(i).element().symbol());
            double[] f = structure.site(i).frac();
            frac.addArray().add(f[0]).add(f[1]).add(f[2]);
        }
        return request;
    }

    private PotentialResult result(JsonNode reply, int sites) throws PotentialException {
        JsonNode energy = reply.get("energy");
        if (energy == null || !energy.isNumber()) {
            throw new PotentialException(name + ": the reply has no number 'energy'");
        }
        double[][] forces = matrix(reply, "forces", sites);
        double[][] stress = matrix(reply, "stress", 3);
        try {
            return new PotentialResult(energy.asDouble(), forces, stress);
        } catch (IllegalArgumentException e) {
            throw new PotentialException(name + ": the reply is unusable: " + e.getMessage(), e);
        }
    }

    private double[][] matrix(JsonNode reply, String key, int rows) throws PotentialException {
        JsonNode node = reply.get(key);
        if (node == null || !node.isArray()) {
            throw new PotentialException(name + ": the reply has no array '" + key + "'");
        }
        if (node.size() != rows) {
            throw new PotentialException(name + ": '" + key + "' in the reply has " + node.size() + " rows, expected "
                    + rows);
        }
        double[][] m = new double[rows][3];
        for (int i = 0; i < rows; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray() || row.size() != 3) {
                throw new PotentialException(name + ": row " + i + " of '" + key + "' in the reply is not 3 numbers");
            }
            for (int k = 0; k < 3; k++) {
                if (!row.get(k).isNumber()) {
                    throw new PotentialException(name + ": row " + i + " of '" + key + "' in the reply is not 3 numbers");
                }
                m[i][k] = row.get(k).asDouble();
            }
        }
        return m;
    }

    /** The worker's hello line once it has started (calculator class, ASE version), else null. */
    public synchronized JsonNode workerInfo() {
        return worker == null ? null : worker.hello();
    }

    /** Stops the worker process, if one runs. */
    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.close();
        }
    }
}
