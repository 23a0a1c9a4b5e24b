package org.pxrd.optimization.potentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Element;
import org.pxrd.model.Lattice;
import org.pxrd.model.Structure;
import org.pxrd.optimization.TestStructures;
import org.pxrd.optimization.relax.RelaxOptions;
import org.pxrd.optimization.relax.RelaxOptions.Optimizer;
import org.pxrd.optimization.relax.RelaxationResult;
import org.pxrd.optimization.relax.Relaxer;
import org.pxrd.optimization.run.RunStatus;
import org.pxrd.testdata.ReferenceJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ASE bridge: through the shipped Python worker, ASE's EMT gives the numbers ASE gives directly, relaxations
 * find the lattice constants ASE finds; and every way a worker can fail is one clear line that fails the
 * computation and nothing else.
 */
class AsePotentialTest {

    /** Debian's interpreter with python3-ase (the machine's other pythons may lack ASE). */
    static final String PYTHON = "/usr/bin/python3";
    /** The bridge passes numbers as shortest round-trip decimal text both ways: agreement to the last bits. */
    private static final double BRIDGE_TOLERANCE = 1e-12;
    /** Force threshold of the EMT relaxations (eV/Å): tight, so the lattice constant is known to 1e-6 Å. */
    private static final double TIGHT_FMAX = 1e-5;
    /**
     * Agreement with ASE's relaxed lattice constant (Å): at fmax 1e-5 the lengths of the sheared start come within
     * 1e-5 Å of it (the softest, shear, modes of the cell limit this); ASE's own value is good to 1e-8 Å (its
     * filter relaxation and the root of its stress agree). A tenfold margin.
     */
    private static final double LATTICE_TOLERANCE = 1e-4;

    static Map<String, String> settings(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("python", PYTHON);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static Potential ase(String... keyValues) throws Exception {
        return new Potentials(ExtensionSources.detect()).create("ase", settings(keyValues));
    }

    @Test
    void emtThroughTheWorkerGivesWhatAseGives() throws Exception {
        JsonNode point = ReferenceJson.read(AsePotentialTest.class, "emt-reference.json").get("single_point");
        try (Potential emt = ase()) {
            PotentialResult r = emt.compute(TestStructures.of(point));
            assertThat(r.energy()).isCloseTo(point.get("energy").asDouble(), within(BRIDGE_TOLERANCE));
            LennardJonesPotentialTest.assertMatrix(r.forces(), ReferenceJson.matrix(point.get("forces")),
                    BRIDGE_TOLERANCE, "forces");
            LennardJonesPotentialTest.assertMatrix(r.stress(), ReferenceJson.matrix(point.get("stress")),
                    BRIDGE_TOLERANCE, "stress");
            assertThat(((AsePotential) emt).workerInfo().get("calculator").asText()).isEqualTo("EMT");
        }
    }

    @Test
    void emtStressIsTheStrainDerivativeInTheSameConvention() throws Exception {
        Structure s = TestStructures.of(ReferenceJson.read(AsePotentialTest.class, "emt-reference.json").get("single_point"));
        double h = 1e-5;
        try (Potential emt = ase()) {
            double[][] stress = emt.compute(s).stress();
            for (int a = 0; a < 3; a++) {
                double[][] e = new double[3][3];
                e[a][a] = h;
                double plus = emt.compute(TestStructures.strained(s, e)).energy();
                e[a][a] = -h;
                double minus = emt.compute(TestStructures.strained(s, e)).energy();
                // EMT is smooth: central differences are good to about 1e-8 eV/Å³ here
                assertThat(stress[a][a]).isCloseTo((plus - minus) / (2 * h) / s.lattice().volume(), within(1e-7));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"Cu, FIRE", "Cu, BFGS", "Au, FIRE", "Au, BFGS"})
    void relaxationReturnsToTheEmtLatticeConstantAseFinds(String element, Optimizer optimizer) throws Exception {
        JsonNode reference = ReferenceJson.read(AsePotentialTest.class, "emt-reference.json").get("lattice_constants").get(element);
        double expected = reference.get("a").asDouble();
        Structure start = TestStructures.strained(
                TestStructures.fcc(Element.of(element), reference.get("strained_start_a").asDouble()),
                new double[][] {{0, 0.02, 0}, {0.01, -0.02, 0}, {0, 0.015, 0.01}});
        try (Potential emt = ase()) {
            RelaxationResult result = new Relaxer(emt, RelaxOptions.defaults().withOptimizer(optimizer)
                    .withFmax(TIGHT_FMAX).withMaxSteps(1000)).relax(start);
            assertThat(result.status()).as(result.message()).isEqualTo(RunStatus.CONVERGED);
            Lattice l = result.relaxed().lattice();
            for (double length : new double[] {l.a(), l.b(), l.c()}) {
                assertThat(length).as("%s %s", element, optimizer).isCloseTo(expected, within(LATTICE_TOLERANCE));
            }
            for (double angle : new double[] {l.alpha(), l.beta(), l.gamma()}) {
                assertThat(angle).isCloseTo(90, within(1e-3));
            }
            assertThat(result.energy() / 4).isCloseTo(reference.get("energy_per_atom").asDouble(), within(1e-8));
        }
    }

    // --- failures: small fake workers written for each case ---------------------------------------------------

    private static final String READY = "import sys, json, time\n"
            + "print(json.dumps({'ready': True, 'protocol': 1, 'calculator': 'Fake'}), flush=True)\n";

    /** A fake worker answering request k (1, 2, ...) with {@code reply(k)} written in Python. */
    private static Path fake(Path dir, String name, String body) throws IOException {
        Path script = dir.resolve(name + ".py");
        Files.writeString(script, READY + body);
        return script;
    }

    private static final String VALID_REPLY = "    r = json.loads(line)\n"
            + "    n = len(r['species'])\n"
            + "    print(json.dumps({'id': r['id'], 'energy': -1.5, 'forces': [[0.0, 0.0, 0.1]] * n,"
            + " 'stress': [[0.01, 0, 0], [0, 0.01, 0], [0, 0, 0.01]]}), flush=True)\n";

    private static Structure twoAtoms() {
        return TestStructures.of(new double[][] {{3.6, 0, 0}, {0, 3.6, 0}, {0, 0, 3.6}}, new String[] {"Cu", "Cu"},
                new double[][] {{0, 0, 0}, {0.5, 0.5, 0.5}});
    }

    private static String failure(Path script, String... extra) throws Exception {
        String[] keyValues = new String[extra.length + 2];
        keyValues[0] = "script";
        keyValues[1] = script.toString();
        System.arraycopy(extra, 0, keyValues, 2, extra.length);
        try (Potential p = ase(keyValues)) {
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> p.compute(twoAtoms()));
            assertThat(t).isInstanceOf(PotentialException.class);
            assertThat(t.getMessage()).doesNotContain("\n").startsWith("ASE worker (emt): ");
            return t.getMessage();
        }
    }

    @Test
    void aWorkerThatCrashesIsReportedWithItsExitStatusAndLastErrorLine(@TempDir Path dir) throws Exception {
        Path script = fake(dir, "crash", "sys.stdin.readline()\n"
                + "sys.stderr.write('Traceback (most recent call last):\\n  File x\\nZeroDivisionError: division by zero\\n')\n"
                + "sys.exit(3)\n");
        assertThat(failure(script)).contains("exited with status 3 while computing")
                .endsWith("ZeroDivisionError: division by zero");
    }

    @Test
    void aWorkerThatHangsIsStoppedAfterTheTimeout(@TempDir Path dir) throws Exception {
        Path script = fake(dir, "hang", "sys.stdin.readline()\ntime.sleep(600)\n");
        long start = System.nanoTime();
        assertThat(failure(script, "timeout", "1")).contains("did not answer within 1 s while computing")
                .contains("setting 'timeout'").contains("stopped it");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
    }

    @Test
    void aWorkerThatHangsWhileStartingIsStoppedAfterTheStartupTimeout(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("slow.py");
        Files.writeString(script, "import time\ntime.sleep(600)\n");
        assertThat(failure(script, "startupTimeout", "0.5")).contains("did not answer within 0.5 s while starting")
                .contains("setting 'startupTimeout'");
    }

    @Test
    void aReplyThatIsNotJsonIsABadReply(@TempDir Path dir) throws Exception {
        Path script = fake(dir, "garbage", "sys.stdin.readline()\nprint('Warning: this is not json', flush=True)\n"
                + "time.sleep(600)\n");
        assertThat(failure(script)).contains("sent a reply that is not valid JSON: 'Warning: this is not json'");
    }

    @Test
    void aTruncatedReplyIsReported(@TempDir Path dir) throws Exception {
        Path script = fake(dir, "truncated", "sys.stdin.readline()\n"
                + "sys.stdout.write('{\"id\": 1, \"energy\": -1.5, \"forces\": [[0.0, 0.0');\nsys.stdout.flush()\n");
        assertThat(failure(script)).contains("sent a truncated reply").contains("closed its output");
    }

    @Test
    void aReplyOfTheWrongShapeIsReported(@TempDir Path dir) throws Exception {
        Path oneForce = fake(dir, "shape", "for line in sys.stdin:\n"
                + "    r = json.loads(line)\n"
                + "    print(json.dumps({'id': r['id'], 'energy': -1.5, 'forces': [[0, 0, 0]],"
                + " 'stress': [[0, 0, 0]] * 3}), flush=True)\n");
        assertThat(failure(oneForce)).endsWith("'forces' in the reply has 1 rows, expected 2");
        Path noEnergy = fake(dir, "noenergy", "for line in sys.stdin:\n"
                + "    r = json.loads(line)\n"
                + "    print(json.dumps({'id': r['id'], 'energy': 'low'}), flush=True)\n");
        assertThat(failure(noEnergy)).endsWith("the reply has no number 'energy'");
        Path otherId = fake(dir, "otherid", "for line in sys.stdin:\n"
                + "    print(json.dumps({'id': 99, 'energy': 0.0}), flush=True)\n");
        assertThat(failure(otherId)).contains("answered request 99 instead of request 1");
    }

    @Test
    void aWorkerOfAnotherProtocolOrWithoutReadyLineIsRefused(@TempDir Path dir) throws Exception {
        Path protocol2 = dir.resolve("protocol2.py");
        Files.writeString(protocol2, "import json\nprint(json.dumps({'ready': True, 'protocol': 2}), flush=True)\n"
                + "import time\ntime.sleep(600)\n");
        assertThat(failure(protocol2)).contains("speaks protocol 2, expected 1");
        Path chatty = dir.resolve("chatty.py");
        Files.writeString(chatty, "print('{\"loading\": \"model\"}', flush=True)\nimport time\ntime.sleep(600)\n");
        assertThat(failure(chatty)).contains("did not start: its first line is not a ready message");
    }

    @Test
    void missingPythonScriptOrCalculatorAreStartFailures(@TempDir Path dir) throws Exception {
        assertThat(failure(fake(dir, "any", ""), "python", "/nonexistent/python3"))
                .contains("cannot start '/nonexistent/python3' (setting 'python')");
        assertThat(failure(dir.resolve("missing.py"))).contains("no worker script at").contains("missing.py");
        try (Potential p = ase("calculator", "no_such_module:Calculator")) {
            assertThatThrownBy(() -> p.compute(twoAtoms())).isInstanceOf(PotentialException.class)
                    .hasMessageStartingWith("ASE worker (no_such_module:Calculator): did not start: cannot create "
                            + "calculator 'no_such_module:Calculator'")
                    .hasMessageContaining("ModuleNotFoundError")
                    .hasMessageEndingWith("(the setting 'python' chooses the interpreter, 'calculator' the calculator)");
        }
        assertThatThrownBy(() -> ase("calculatorArgs", "[1, 2]")).hasMessageContaining("must be a JSON object");
    }

    @Test
    void anErrorReplyFailsOneStructureAndTheWorkerGoesOn() throws Exception {
        try (AsePotential emt = (AsePotential) ase()) {
            Structure unknown = TestStructures.of(new double[][] {{4, 0, 0}, {0, 4, 0}, {0, 0, 4}},
                    new String[] {"U"}, new double[][] {{0, 0, 0}});
            assertThatThrownBy(() -> emt.compute(unknown)).isInstanceOf(PotentialException.class)
                    .hasMessage("ASE worker (emt): NotImplementedError: No EMT-potential for U");
            assertThat(emt.compute(TestStructures.fcc(Element.Cu, 3.6)).energy()).isFinite();
        }
    }

    @Test
    void afterACrashTheNextStructureStartsAFreshWorker(@TempDir Path dir) throws Exception {
        // a worker that answers its first request and dies on the second
        Path script = fake(dir, "flaky", "count = 0\nfor line in sys.stdin:\n    count += 1\n"
                + "    if count == 2:\n        sys.exit(9)\n" + VALID_REPLY);
        try (Potential p = ase("script", script.toString())) {
            assertThat(p.compute(twoAtoms()).energy()).isEqualTo(-1.5);
            assertThatThrownBy(() -> p.compute(twoAtoms())).hasMessageContaining("exited with status 9");
            PotentialResult fresh = p.compute(twoAtoms());
            assertThat(fresh.energy()).isEqualTo(-1.5);
            assertThat(fresh.force(1)[2]).isEqualTo(0.1);
        }
    }

    @Test
    void aRelaxationOnACrashingWorkerFailsAloneWhileAnotherRunGoesOn(@TempDir Path dir) throws Exception {
        Path script = fake(dir, "dies", "count = 0\nfor line in sys.stdin:\n    count += 1\n"
                + "    if count == 3:\n        sys.stderr.write('RuntimeError: CUDA out of memory\\n')\n"
                + "        sys.exit(1)\n" + VALID_REPLY);
        Structure copper = TestStructures.fcc(Element.Cu, 3.7);
        try (Potential crashing = ase("script", script.toString()); Potential emt = ase()) {
            RelaxationResult failed = new Relaxer(crashing, RelaxOptions.defaults()).relax(copper);
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.message()).isEqualTo("ASE worker (emt): exited with status 1 while computing: "
                    + "RuntimeError: CUDA out of memory");
            assertThat(failed.steps()).isEqualTo(1);
            RelaxationResult fine = new Relaxer(emt, RelaxOptions.defaults()).relax(copper);
            assertThat(fine.status()).isEqualTo(RunStatus.CONVERGED);
        }
    }

    @Test
    void closingStopsTheWorker() throws Exception {
        AsePotential emt = (AsePotential) ase();
        emt.compute(TestStructures.fcc(Element.Cu, 3.6));
        List<ProcessHandle> children = ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().orElse("").contains(AsePotential.WORKER_SCRIPT)).toList();
        assertThat(children).isNotEmpty();
        emt.close();
        for (ProcessHandle child : children) {
            assertThat(child.isAlive()).isFalse();
        }
    }
}
