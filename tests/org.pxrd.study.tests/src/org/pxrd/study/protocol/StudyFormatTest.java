package org.pxrd.study.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pxrd.study.protocol.StudyDescription.NoiseType;
import org.pxrd.study.protocol.StudyDescription.Refined;
import org.pxrd.study.run.TestStudies;

/** Reading, validating and writing study descriptions. */
class StudyFormatTest {

    @Test
    void aDescriptionReadsWithItsDefaultsAndWritesBackToItself() {
        StudyDescription s = TestStudies.small();
        assertThat(s.name()).isEqualTo("small");
        assertThat(s.note()).isEmpty();
        assertThat(s.conditions()).hasSize(2);
        assertThat(s.conditions().get(0).noise()).isEqualTo(NoiseType.LATTICE);
        assertThat(s.conditions().get(0).levels()).containsExactly(0.02, 0.1);
        assertThat(s.conditions().get(0).refine()).isEqualTo(Refined.LATTICE);
        assertThat(s.conditions().get(0).projectors()).extracting(p -> p.label() + "=" + p.id())
                .containsExactly("none=none", "family=org.pxrd.symmetry.auto");
        assertThat(s.losses()).extracting(l -> l.label()).containsExactly("cosine", "mse");
        assertThat(s.matcher().settings()).isEmpty();
        assertThat(s.distance().settings()).isEqualTo(Map.of("k", "100"));
        assertThat(s.stop().maxSeconds()).isNull();
        assertThat(s.optimizer().learningRates()).isEqualTo(Map.of("lattice", 0.001));
        assertThat(StudyFormat.write(s)).contains("\"examples\" : \"study10\"").doesNotContain("\"glob\"");
    }

    @Test
    void theNormalisedFormReadsBackToAnEqualDescription(@TempDir Path dir) throws Exception {
        StudyDescription s = TestStudies.small();
        String written = StudyFormat.write(s);
        StudyDescription again = StudyFormat.parse(written, "again", null);
        assertThat(again).isEqualTo(s);
        assertThat(StudyFormat.write(again)).isEqualTo(written);
        // defaults are explicit in the normalised form
        assertThat(written).contains("\"note\" : \"\"").contains("\"maxSeconds\" : null")
                .contains("\"label\" : \"cosine\"");
        // and a file with comments reads too, with structures relative to it
        Files.createDirectories(dir.resolve("cifs"));
        Files.writeString(dir.resolve("cifs/a.cif"), "data_a\n");
        Path file = dir.resolve("mine.json");
        Files.writeString(file, "// my study\n" + TestStudies.SMALL.replace("{\"examples\": \"study10\"}",
                "{\"folder\": \"cifs\" /* the structures */}"));
        StudyDescription mine = StudyFormat.read(file);
        assertThat(mine.structures().folder()).isEqualTo(dir.resolve("cifs").toAbsolutePath());
        assertThat(mine.structures().glob()).isEqualTo("*.cif");
        assertThat(StructureSets.files(mine.structures())).extracting(StructureSets.StructureFile::key)
                .containsExactly("a");
    }

    @Test
    void aLossCanHaveItsOwnLearningRates() {
        StudyDescription s = StudyFormat.parse(TestStudies.SMALL.replace("{\"lattice\": 0.001}",
                "{\"lattice\": 0.001, \"coordinates\": 0.1},"
                        + " \"learningRatesByLoss\": {\"mse\": {\"coordinates\": 0.02}}"), "small.json", null);
        assertThat(s.optimizer().learningRates("cosine")).isEqualTo(Map.of("lattice", 0.001, "coordinates", 0.1));
        assertThat(s.optimizer().learningRates("mse")).isEqualTo(Map.of("lattice", 0.001, "coordinates", 0.02));
        String written = StudyFormat.write(s);
        assertThat(written).contains("\"learningRatesByLoss\"");
        assertThat(StudyFormat.parse(written, "again", null)).isEqualTo(s);
        // without them the normalised form has no such field: the descriptions and fingerprints of earlier studies
        // stay as they were
        assertThat(StudyFormat.write(TestStudies.small())).doesNotContain("learningRatesByLoss");
        assertThat(TestStudies.small().optimizer().learningRatesByLoss()).isEmpty();
    }

    /** Each bad study gives one line naming the field and the problem. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing name              | \"name\": \"small\",                    |                                  | small.json: name: missing",
        "name with a space         | \"name\": \"small\"                     | \"name\": \"my study\"            | small.json: name: \"my study\" is not a plain name",
        "typo in a field           | \"distortions\": 3                      | \"distortion\": 3                 | small.json: distortion: unknown field (known here: format, name",
        "no distortions            | \"distortions\": 3                      | \"distortions\": 0                | small.json: distortions: must be at least 1, got 0",
        "fractional distortions    | \"distortions\": 3                      | \"distortions\": 2.5              | small.json: distortions: expected a whole number, got 2.5",
        "lattice level too large   | [0.02, 0.1]                             | [0.02, 0.5]                       | small.json: conditions[0].levels[1]: lattice noise must lie in (0, 1/3)",
        "negative level            | [0.001, 0.01]                           | [0.001, -0.01]                    | small.json: conditions[1].levels[1]: must be positive, got -0.01",
        "repeated level            | [0.02, 0.1]                             | [0.1, 0.1]                        | small.json: conditions[0].levels[1]: level 0.1 is given twice",
        "unknown noise             | \"noise\": \"lattice\"                  | \"noise\": \"strain\"             | small.json: conditions[0].noise: unknown value \"strain\" (known: lattice, coordinates)",
        "unknown refine            | \"refine\": \"coordinates\"             | \"refine\": \"atoms\"             | small.json: conditions[1].refine: unknown value \"atoms\"",
        "no loss                   | [\"org.pxrd.losses.cosine\", \"org.pxrd.losses.mse\"] | []               | small.json: losses: must not be empty",
        "same loss twice           | \"org.pxrd.losses.mse\"]                | \"org.pxrd.losses.cosine\"]       | small.json: losses[1]: label \"cosine\" is used twice",
        "bad loss id               | \"org.pxrd.losses.mse\"]                | \"org pxrd mse\"]                 | small.json: losses[1]: \"org pxrd mse\" is not a contribution id",
        "setting not a scalar      | {\"k\": 100}                            | {\"k\": [100]}                    | small.json: distance.settings.k: a setting takes a text, number or true/false, got a list",
        "no learning rate          | {\"lattice\": 0.001}                    | {}                                | small.json: optimizer.learningRates: give the learning rate of at least one parameter group",
        "zero learning rate        | {\"lattice\": 0.001}                    | {\"lattice\": 0}                  | small.json: optimizer.learningRates.lattice: must be positive, got 0",
        "rates of an unknown loss  | {\"lattice\": 0.001}                    | {\"lattice\": 0.001}, \"learningRatesByLoss\": {\"entropy\": {\"coordinates\": 0.02}} | small.json: optimizer.learningRatesByLoss.entropy: no loss of the study is labelled \"entropy\" (losses: cosine, mse)",
        "a loss without rates      | {\"lattice\": 0.001}                    | {\"lattice\": 0.001}, \"learningRatesByLoss\": {\"mse\": {}} | small.json: optimizer.learningRatesByLoss.mse: give the learning rate of at least one parameter group",
        "negative rate of a loss   | {\"lattice\": 0.001}                    | {\"lattice\": 0.001}, \"learningRatesByLoss\": {\"mse\": {\"lattice\": -1}} | small.json: optimizer.learningRatesByLoss.mse.lattice: must be positive, got -1",
        "window beyond max steps   | \"maxSteps\": 100                       | \"maxSteps\": 5                   | small.json: stop.maxSteps: must be at least the window (10), got 5",
        "eta out of range          | \"eta\": 0.1                            | \"eta\": 1.5                      | small.json: instrument.eta: the pseudo-Voigt weight must lie in [0, 1], got 1.5",
        "2-theta range reversed    | \"twoThetaMax\": 90                     | \"twoThetaMax\": -3               | small.json: instrument.twoThetaMax: the 2θ range must satisfy",
        "two structure sources     | {\"examples\": \"study10\"}             | {\"examples\": \"study10\", \"files\": [\"a.cif\"]} | small.json: structures: give exactly one of examples, folder or files (got examples and files)",
        "unknown example set       | \"study10\"}                            | \"study11\"}                      | small.json: structures.examples: unknown example set \"study11\" (known: study10)",
        "seed as text              | \"seed\": 7                             | \"seed\": \"seven\"               | small.json: seed: expected a whole number (64-bit), got the text \"seven\"",
        "wrong format              | \"format\": 1                           | \"format\": 2                     | small.json: format: this pxrd reads study format 1, got 2",
    })
    void badStudiesAreOneLineNamingTheField(String what, String from, String to, String message) {
        String text = TestStudies.SMALL.replace(from.strip(), to == null ? "" : to.strip());
        assertThat(text).as("the test replaced something").isNotEqualTo(TestStudies.SMALL);
        assertThatThrownBy(() -> StudyFormat.parse(text, "small.json", null))
                .isInstanceOf(StudyFormatException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void syntaxErrorsNameTheLineAndMissingFilesTheFile(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> StudyFormat.parse("{\n  \"name\": \"x\",\n  oops\n}", "bad.json", null))
                .hasMessageStartingWith("bad.json:3:").hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> StudyFormat.parse("", "empty.json", null)).hasMessage(
                "empty.json: empty file (expected a JSON object describing a study)");
        assertThatThrownBy(() -> StudyFormat.parse("[1, 2]", "list.json", null))
                .hasMessage("list.json: expected an object, got a list");
        assertThatThrownBy(() -> StudyFormat.read(dir.resolve("nope.json"))).hasMessage(dir.resolve("nope.json")
                + ": no such file");
        // a huge file (sparse here) is refused before it is read, not read until the memory runs out
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(StudyFormat.MAX_FILE_BYTES + 1);
        }
        assertThatThrownBy(() -> StudyFormat.read(huge)).isInstanceOf(StudyFormatException.class)
                .hasMessage(huge + ": is larger than 16 MB: not a study description");
    }

    @Test
    void structureFilesMustExistAndHaveDistinctNames(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("x"));
        Files.createDirectories(dir.resolve("y"));
        Files.writeString(dir.resolve("x/a.cif"), "data_a\n");
        Files.writeString(dir.resolve("y/a.cif"), "data_a\n");
        String twoA = TestStudies.SMALL.replace("{\"examples\": \"study10\"}", "{\"files\": [\"x/a.cif\", \"y/a.cif\"]}");
        StudyDescription s = StudyFormat.parse(twoA, "two.json", dir);
        assertThatThrownBy(() -> StructureSets.files(s.structures())).hasMessageContaining("have the same name \"a\"");
        String missing = TestStudies.SMALL.replace("{\"examples\": \"study10\"}", "{\"files\": [\"x/b.cif\"]}");
        StudyDescription m = StudyFormat.parse(missing, "missing.json", dir);
        assertThatThrownBy(() -> StructureSets.files(m.structures())).hasMessage("structures.files: "
                + dir.resolve("x/b.cif") + ": no such file");
        String empty = TestStudies.SMALL.replace("{\"examples\": \"study10\"}", "{\"folder\": \"x\", \"glob\": \"*.vasp\"}");
        StudyDescription e = StudyFormat.parse(empty, "empty.json", dir);
        assertThatThrownBy(() -> StructureSets.files(e.structures())).hasMessageContaining("holds no file matching");
    }

    @Test
    void presetsAreThePapersProtocol() {
        StudyDescription paper = Presets.load("paper");
        assertThat(paper.name()).isEqualTo("paper");
        assertThat(paper.distortions()).isEqualTo(50);
        assertThat(paper.conditions().get(0).levels()).containsExactly(0.01, 0.05, 0.10, 0.15, 0.20);
        assertThat(paper.conditions().get(0).projectors()).extracting(p -> p.label()).containsExactly("none", "family");
        assertThat(paper.conditions().get(1).levels()).containsExactly(0.001, 0.005, 0.01, 0.05, 0.10);
        assertThat(paper.conditions().get(1).projectors()).extracting(p -> p.label()).containsExactly("none");
        assertThat(paper.losses()).extracting(l -> l.label())
                .containsExactly("cosine", "mse", "entropy", "crosscorrelation");
        assertThat(paper.stop().tolerance()).isEqualTo(1e-4);
        assertThat(paper.stop().window()).isEqualTo(1000);
        assertThat(paper.stop().maxSteps()).isEqualTo(30_000);
        assertThat(paper.matcher().settings()).isEqualTo(Map.of("ltol", "0.1", "stol", "0.2", "angle_tol", "5"));
        assertThat(StructureSets.files(paper.structures())).hasSize(10);
        StudyDescription quick = Presets.load("paper-quick");
        assertThat(quick.distortions()).isEqualTo(5);
        assertThat(quick.conditions()).allSatisfy(c -> assertThat(c.levels()).hasSize(2));
        // the same shape otherwise
        assertThat(quick.losses()).isEqualTo(paper.losses());
        assertThat(quick.stop()).isEqualTo(paper.stop());
        assertThat(quick.instrument()).isEqualTo(paper.instrument());
        assertThat(quick.optimizer()).isEqualTo(paper.optimizer());
        for (int c = 0; c < 2; c++) {
            assertThat(paper.conditions().get(c).levels()).containsAll(quick.conditions().get(c).levels());
            assertThat(quick.conditions().get(c).projectors()).isEqualTo(paper.conditions().get(c).projectors());
        }
        assertThatThrownBy(() -> Presets.load("papr")).hasMessage("no preset \"papr\" (presets: paper, paper-quick)");
    }
}
