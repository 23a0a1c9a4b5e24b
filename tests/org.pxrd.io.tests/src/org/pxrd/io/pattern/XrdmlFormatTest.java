package org.pxrd.io.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pxrd.core.extensions.ExtensionSources;
import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFiles;
import org.pxrd.io.PatternFormatException;
import org.pxrd.model.Pattern;

/** PANalytical XRDML: positions, counts, attenuation, wavelength lines, and files that try to reach outside. */
class XrdmlFormatTest {

    private static final String SCAN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xrdMeasurements xmlns="http://www.xrdml.com/XRDMeasurement/2.1">
              <sample type="To be analyzed"><id>quartz</id></sample>
              <xrdMeasurement measurementType="Scan">
                <usedWavelength intended="INTENDED">
                  <kAlpha1 unit="Angstrom">1.5405980</kAlpha1>
                  <kAlpha2 unit="Angstrom">1.5444260</kAlpha2>
                  <kBeta unit="Angstrom">1.3922500</kBeta>
                  <ratioKAlpha2KAlpha1>0.5000</ratioKAlpha2KAlpha1>
                </usedWavelength>
                <scan scanAxis="Gonio">
                  <dataPoints>
                    <positions axis="2Theta" unit="deg"><startPosition>START</startPosition><endPosition>END</endPosition></positions>
                    <positions axis="Omega" unit="deg"><startPosition>5</startPosition><endPosition>6</endPosition></positions>
                    COUNTS
                  </dataPoints>
                </scan>
              </xrdMeasurement>
            </xrdMeasurements>
            """;

    private final XrdmlFormat xrdml = new XrdmlFormat();

    private static String scan(String intended, String start, String end, String counts) {
        return SCAN.replace("INTENDED", intended).replace("START", start).replace("END", end).replace("COUNTS", counts);
    }

    @Test
    void pointsAreSpreadEvenlyFromStartToEndAndTheUsedLineIsTheWavelength() throws Exception {
        PatternData data = xrdml.read(scan("K-Alpha 1", "10", "12", "<intensities unit=\"counts\">5 7 9 11 13</intensities>"),
                "q.xrdml");
        Pattern p = data.pattern();
        assertThat(p.twoThetaArray()).containsExactly(new double[] {10, 10.5, 11, 11.5, 12}, within(1e-12));
        assertThat(p.intensityArray()).containsExactly(5, 7, 9, 11, 13);
        assertThat(p.wavelength()).hasValue(1.540598);
        assertThat(data.metadata()).containsEntry("sample", "quartz").containsEntry(PatternData.KBETA, "1.39225");

        assertThat(xrdml.read(scan("K-Beta", "10", "12", "<counts>1 2</counts>"), "b.xrdml").pattern().wavelength())
                .hasValue(1.39225);
        assertThat(xrdml.read(scan("K-Alpha", "10", "12", "<counts>1 2</counts>"), "a.xrdml").pattern().wavelength())
                .hasValue(1.540598);
    }

    @Test
    void attenuationFactorsMultiplyAndADownwardScanIsReversed() throws Exception {
        Pattern p = xrdml.read(scan("K-Alpha 1", "12", "10", "<beamAttenuationFactors>1 1 10</beamAttenuationFactors>"
                + "<intensities>5 7 9</intensities>"), "down.xrdml").pattern();
        assertThat(p.twoThetaArray()).containsExactly(10, 11, 12);
        assertThat(p.intensityArray()).containsExactly(90, 7, 5);
    }

    @Test
    void brokenFilesAreOneLineErrors() {
        assertThatThrownBy(() -> xrdml.read(scan("K-Alpha 1", "10", "12", "<intensities>5 x 9</intensities>"), "x.xrdml"))
                .hasMessage("x.xrdml: <intensities> value 2: 'x' is not a number");
        assertThatThrownBy(() -> xrdml.read(scan("K-Alpha 1", "10", "12", ""), "x.xrdml"))
                .hasMessage("x.xrdml: the scan has no <intensities> or <counts>");
        assertThatThrownBy(() -> xrdml.read(scan("K-Alpha 1", "10", "12", "<intensities>1 2"), "x.xrdml"))
                .isInstanceOf(PatternFormatException.class).hasMessageMatching("x\\.xrdml:\\d+: XML: .*intensities.*");
        assertThatThrownBy(() -> xrdml.read(SCAN.substring(0, 300), "cut.xrdml"))
                .hasMessageStartingWith("cut.xrdml:").hasMessageContaining("XML");
        assertThatThrownBy(() -> xrdml.read("<other/>", "o.xrdml"))
                .hasMessage("o.xrdml: the root element is <other>, not <xrdMeasurements>");
    }

    /** An external entity naming a local file: the parser must refuse it, and the secret must appear nowhere. */
    @Test
    void aHostileFileCannotReadLocalFiles(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-4711");
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE xrdMeasurements [ <!ENTITY leak SYSTEM "URI"> ]>
                """.replace("URI", secret.toUri().toString())
                + scan("K-Alpha 1", "10", "12", "<intensities>1 2 &leak;</intensities>").substring(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());
        Path file = dir.resolve("hostile.xrdml");
        Files.writeString(file, hostile);

        assertThatThrownBy(() -> new PatternFiles(ExtensionSources.detect()).read(file))
                .isInstanceOf(PatternFormatException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("TOP-SECRET");
    }

    /** An external DTD (network) and an entity expansion bomb are refused before anything is fetched or expanded. */
    @Test
    void externalDtdsAndEntityBombsAreRefused() {
        String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE xrdMeasurements SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
                + "<xrdMeasurements/>";
        assertThatThrownBy(() -> xrdml.read(external, "net.xrdml")).hasMessage("net.xrdml:2: XML: document type "
                + "declarations (DOCTYPE) are refused: they could read local files or reach the network");
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE b [<!ENTITY a0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        bomb.append("]>\n<xrdMeasurements>&a9;</xrdMeasurements>");
        assertThatThrownBy(() -> xrdml.read(bomb.toString(), "bomb.xrdml")).hasMessageContaining("DOCTYPE");
        // XInclude is off: an include element is an unknown element, not the content of a local file
        String include = scan("K-Alpha 1", "10", "12", "<intensities><xi:include xmlns:xi=\"http://www.w3.org/2001/"
                + "XInclude\" href=\"file:///etc/hostname\" parse=\"text\"/></intensities>");
        assertThatThrownBy(() -> xrdml.read(include, "inc.xrdml")).hasMessage("inc.xrdml: <intensities> holds no "
                + "numbers");
    }
}
