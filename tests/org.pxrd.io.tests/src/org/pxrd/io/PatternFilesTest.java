package org.pxrd.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.model.Pattern;
import org.pxrd.testdata.TestData;

/** Choosing pattern formats, writing .xy/.csv, one-line errors, and the explicit wavelength rule. */
class PatternFilesTest {

    private final PatternFiles files = new PatternFiles(ExtensionSources.detect());

    @TempDir
    Path dir;

    @Test
    void theFourFormatsAreContributed() {
        assertThat(files.formats()).extracting(c -> c.id()).contains("org.pxrd.io.xy", "org.pxrd.io.csv",
                "org.pxrd.io.xrdml", "org.pxrd.io.gsas");
    }

    @Test
    void contentDecidesForFilesWhoseNameSaysNothing() throws Exception {
        Path measured = TestData.path("measured");
        Path xrdml = copy(measured.resolve("RbNb2O5F_pyrochlore/RbNb2O5F.xrdml"), "scan.raw1");
        Path gsas = copy(measured.resolve("PbSO4_anglesite/PBSO4.XRA"), "pbso4.data");
        Path xy = copy(measured.resolve("Rutile_R040049/pattern.xy"), "rutile.profile");
        assertThat(files.read(xrdml).wavelength()).hasValue(1.540598);
        assertThat(files.read(gsas).size()).isEqualTo(6001);
        assertThat(files.read(xy).size()).isEqualTo(8501);
    }

    @Test
    void xyAndCsvAreWrittenAndReadBackExactly() throws Exception {
        Pattern p = new Pattern("scan", new double[] {10, 10.02, 10.04}, new double[] {1.5, 2.25, 3}, new double[] {
            1, 1.5, 2}, 0.7093);
        for (String name : List.of("out.xy", "out.xye", "out.csv", "out.dat")) {
            Path out = dir.resolve(name);
            files.write(p, out);
            Pattern back = files.read(out);
            assertThat(back.twoThetaArray()).as(name).containsExactly(p.twoThetaArray());
            assertThat(back.intensityArray()).as(name).containsExactly(p.intensityArray());
            assertThat(back.esdArray()).as(name).containsExactly(p.esdArray());
            assertThat(back.wavelength()).as(name).hasValue(0.7093);
        }
        assertThat(Files.readString(dir.resolve("out.csv"))).contains("2theta_deg,intensity,sigma\n10,1.5,1\n");
    }

    @Test
    void badFilesAndImpossibleWritesAreOneLineErrorsNamingTheFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.xy"), "\n\n");
        Path binary = Files.write(dir.resolve("b.xy"), new byte[] {'1', ' ', '2', 0, '\n'});
        Path unknown = Files.writeString(dir.resolve("notes.info"), "a letter\nwith words\n");
        assertThatThrownBy(() -> files.read(empty)).hasMessage(empty + ": the file is empty");
        assertThatThrownBy(() -> files.read(binary)).hasMessage(binary + ": is a binary file, not a text file");
        assertThatThrownBy(() -> files.read(unknown)).hasMessageStartingWith(unknown + ": unknown pattern format "
                + "(known extensions: ").hasMessageContaining("xrdml");
        assertThatThrownBy(() -> files.read(dir.resolve("none.xy"))).hasMessage(dir.resolve("none.xy")
                + ": no such file");

        Pattern p = new Pattern("p", new double[] {1, 2}, new double[] {3, 4}, Double.NaN);
        Path xrdml = dir.resolve("out.xrdml");
        assertThatThrownBy(() -> files.write(p, xrdml)).hasMessage(xrdml + ": format PANalytical XRDML cannot write");
        Path odd = dir.resolve("out.png");
        assertThatThrownBy(() -> files.write(p, odd)).hasMessageStartingWith(odd + ": no pattern format writes files "
                + "named like this");
        assertThat(xrdml).doesNotExist();
        assertThat(odd).doesNotExist();
    }

    @Test
    void aWavelengthIsTheUsersOrTheFilesButNeverAssumed() throws Exception {
        Pattern stated = new Pattern("s", new double[] {1, 2}, new double[] {3, 4}, 1.5406);
        Pattern silent = new Pattern("silent.xy", new double[] {1, 2}, new double[] {3, 4}, Double.NaN);
        assertThat(PatternFiles.requireWavelength(stated, Double.NaN)).isEqualTo(1.5406);
        assertThat(PatternFiles.requireWavelength(stated, 0.7093)).isEqualTo(0.7093);
        assertThat(PatternFiles.requireWavelength(silent, 0.7093)).isEqualTo(0.7093);
        assertThatThrownBy(() -> PatternFiles.requireWavelength(silent, Double.NaN)).hasMessage("silent.xy: the file "
                + "does not state the X-ray wavelength: give it in Å (for example 1.5406 for Cu Kα1)");
        assertThatThrownBy(() -> PatternFiles.requireWavelength(silent, -1)).hasMessageContaining("must be positive");
    }

    private Path copy(Path from, String name) throws Exception {
        return Files.copy(from, dir.resolve(name));
    }
}
