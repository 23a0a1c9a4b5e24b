package org.pxrd.io.pattern;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.pxrd.io.PatternData;
import org.pxrd.io.PatternFormat;
import org.pxrd.io.PatternFormatException;
import org.pxrd.io.TextNumbers;
import org.pxrd.model.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * PANalytical XRDML files (XML, schema versions 1.x and 2.x; elements found by local name, any namespace).
 *
 * <p>Reading the first {@code scan} of the first {@code xrdMeasurement}:
 * <ol>
 * <li>intensities: the numbers of {@code dataPoints/intensities} (or {@code counts} in old versions), each
 * multiplied by the matching {@code beamAttenuationFactors} when the file has them;</li>
 * <li>2θ (degrees): the {@code positions} element with {@code axis="2Theta"}: {@code listPositions}, or n points
 * evenly from {@code startPosition} to {@code endPosition}, 2θ_i = start + i (end − start)/(n − 1); a scan
 * recorded downwards is reversed;</li>
 * <li>wavelength (Å; {@code unit="nm"} is converted): the line the file says it used
 * ({@code usedWavelength intended="K-Alpha 1"}, {@code "K-Alpha 2"}, {@code "K-Beta"}), and Kα1 for an unresolved
 * {@code "K-Alpha"} doublet; Kα1, Kα2, Kβ and the ratio I(Kα2)/I(Kα1) also go into the metadata
 * ({@link PatternData#KALPHA1} ...) for doublet-aware profiles. A file without {@code usedWavelength} gives a
 * pattern without wavelength.</li>
 * </ol>
 *
 * <p>The XML is parsed with document type declarations refused, external entities and external DTDs disabled,
 * XInclude off and secure processing on: a hostile file can neither read local files nor reach the network nor
 * expand entities without bound; such a file is an error.
 */
public class XrdmlFormat implements PatternFormat {

    @Override
    public PatternData read(String text, String source) throws PatternFormatException {
        Document document = parse(text, source);
        Element root = document.getDocumentElement();
        if (!root.getLocalName().equals("xrdMeasurements")) {
            throw error(source, "the root element is <" + root.getLocalName() + ">, not <xrdMeasurements>");
        }
        Element measurement = first(root, "xrdMeasurement");
        if (measurement == null) {
            throw error(source, "no <xrdMeasurement>");
        }
        List<Element> scans = children(measurement, "scan");
        if (scans.isEmpty()) {
            throw error(source, "no <scan> in the measurement");
        }
        Element points = first(scans.get(0), "dataPoints");
        if (points == null) {
            throw error(source, "the scan has no <dataPoints>");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("scans", Integer.toString(scans.size()));
        Element sample = first(root, "sample");
        if (sample != null && first(sample, "id") != null) {
            metadata.put("sample", first(sample, "id").getTextContent().strip());
        }
        double wavelength = wavelength(measurement, metadata, source);

        Element intensitiesElement = first(points, "intensities");
        if (intensitiesElement == null) {
            intensitiesElement = first(points, "counts");
        }
        if (intensitiesElement == null) {
            throw error(source, "the scan has no <intensities> or <counts>");
        }
        double[] intensity = numbers(intensitiesElement, source);
        if (intensity.length == 0) {
            throw error(source, "<" + intensitiesElement.getLocalName() + "> holds no numbers");
        }
        Element attenuation = first(points, "beamAttenuationFactors");
        if (attenuation != null) {
            double[] factors = numbers(attenuation, source);
            if (factors.length != intensity.length) {
                throw error(source, "<beamAttenuationFactors> has " + factors.length + " numbers for "
                        + intensity.length + " intensities");
            }
            for (int i = 0; i < intensity.length; i++) {
                intensity[i] *= factors[i];
            }
        }
        double[] twoTheta = twoTheta(points, intensity.length, source);
        if (twoTheta.length > 1 && twoTheta[1] < twoTheta[0]) {
            reverse(twoTheta);
            reverse(intensity);
        }
        for (int i = 1; i < twoTheta.length; i++) {
            if (!(twoTheta[i] > twoTheta[i - 1])) {
                throw error(source, "2theta positions do not increase at point " + (i + 1));
            }
        }
        return new PatternData(new Pattern(ColumnTextFormat.fileName(source), twoTheta, intensity, null, wavelength),
                metadata);
    }

    /** The 2θ of each point (degrees): listed, or evenly spaced from start to end. */
    private static double[] twoTheta(Element points, int n, String source) throws PatternFormatException {
        for (Element positions : children(points, "positions")) {
            if (!"2Theta".equalsIgnoreCase(positions.getAttribute("axis"))) {
                continue;
            }
            checkDegrees(positions, source);
            Element list = first(positions, "listPositions");
            if (list != null) {
                double[] x = numbers(list, source);
                if (x.length != n) {
                    throw error(source, "<listPositions> has " + x.length + " 2theta values for " + n + " intensities");
                }
                return x;
            }
            Element start = first(positions, "startPosition");
            Element end = first(positions, "endPosition");
            if (start == null || end == null) {
                throw error(source, "the 2Theta positions have neither <listPositions> nor <startPosition> and "
                        + "<endPosition>");
            }
            double a = number(start, source);
            double b = number(end, source);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = n == 1 ? a : a + i * (b - a) / (n - 1);
            }
            return x;
        }
        throw error(source, "the scan has no <positions axis=\"2Theta\">");
    }

    private static void checkDegrees(Element positions, String source) throws PatternFormatException {
        String unit = positions.getAttribute("unit");
        if (!unit.isEmpty() && !unit.equalsIgnoreCase("deg")) {
            throw error(source, "2Theta positions in unit '" + unit + "' (expected deg)");
        }
    }

    /** The wavelength of the line the file says it used (Å), NaN without one; the lines go into the metadata. */
    private static double wavelength(Element measurement, Map<String, String> metadata, String source)
            throws PatternFormatException {
        Element used = first(measurement, "usedWavelength");
        if (used == null) {
            return Double.NaN;
        }
        Map<String, Double> lines = new LinkedHashMap<>();
        for (String name : new String[] {PatternData.KALPHA1, PatternData.KALPHA2, PatternData.KBETA}) {
            Element e = first(used, name);
            if (e != null) {
                double value = number(e, source);
                String unit = e.getAttribute("unit");
                if (unit.equalsIgnoreCase("nm")) {
                    value *= 10;
                } else if (!unit.isEmpty() && !unit.equalsIgnoreCase("Angstrom")) {
                    throw error(source, "<" + name + "> in unit '" + unit + "' (expected Angstrom or nm)");
                }
                if (!(value > 0)) {
                    throw error(source, "<" + name + "> " + e.getTextContent().strip()
                            + " is not a positive wavelength");
                }
                lines.put(name, value);
                metadata.put(name, TextNumbers.exact(value));
            }
        }
        Element ratio = first(used, PatternData.KALPHA2_RATIO);
        if (ratio != null) {
            metadata.put(PatternData.KALPHA2_RATIO, TextNumbers.exact(number(ratio, source)));
        }
        String intended = used.getAttribute("intended").strip();
        metadata.put("intended", intended);
        String line = switch (intended.replace(" ", "").toLowerCase(java.util.Locale.ROOT)) {
            case "k-alpha2" -> PatternData.KALPHA2;
            case "k-beta" -> PatternData.KBETA;
            default -> PatternData.KALPHA1;
        };
        Double value = lines.get(line);
        if (value == null) {
            throw error(source, "<usedWavelength intended=\"" + intended + "\"> does not give <" + line + ">");
        }
        return value;
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }

    private static double number(Element e, String source) throws PatternFormatException {
        String text = e.getTextContent().strip();
        try {
            return TextNumbers.parse(text);
        } catch (NumberFormatException ex) {
            throw error(source, "<" + e.getLocalName() + ">: " + ex.getMessage());
        }
    }

    private static double[] numbers(Element e, String source) throws PatternFormatException {
        String text = e.getTextContent().strip();
        if (text.isEmpty()) {
            return new double[0];
        }
        String[] tokens = text.split("\\s+");
        double[] v = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            try {
                v[i] = TextNumbers.parse(tokens[i]);
            } catch (NumberFormatException ex) {
                throw error(source, "<" + e.getLocalName() + "> value " + (i + 1) + ": " + ex.getMessage());
            }
        }
        return v;
    }

    /** The first descendant element with this local name, or null. */
    private static Element first(Element parent, String localName) {
        org.w3c.dom.NodeList list = parent.getElementsByTagNameNS("*", localName);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** The descendant elements with this local name, in document order. */
    private static List<Element> children(Element parent, String localName) {
        org.w3c.dom.NodeList list = parent.getElementsByTagNameNS("*", localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) list.item(i));
            }
        }
        return elements;
    }

    /** Parses XML with every way of reaching outside the document closed. */
    private static Document parse(String text, String source) throws PatternFormatException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setValidating(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId + " refused");
            });
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings do not stop reading
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                message = "document type declarations (DOCTYPE) are refused: they could read local files or reach "
                        + "the network";
            }
            throw new PatternFormatException(source, Math.max(0, e.getLineNumber()), "XML: " + message);
        } catch (SAXException e) {
            throw new PatternFormatException(source, 0, "XML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new PatternFormatException(source, 0, "cannot set up a safe XML parser: " + e.getMessage(), e);
        }
    }

    private static PatternFormatException error(String source, String problem) {
        return new PatternFormatException(source, 0, problem);
    }

    @Override
    public boolean recognizes(String head) {
        return head.contains("<xrdMeasurements");
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    @Override
    public String write(Pattern pattern) throws PatternFormatException {
        throw new PatternFormatException(pattern.name(), 0, "XRDML files are written by the instrument software; "
                + "write .xy or .csv instead");
    }
}
