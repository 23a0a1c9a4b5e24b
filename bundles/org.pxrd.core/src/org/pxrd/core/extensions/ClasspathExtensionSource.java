package org.pxrd.core.extensions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads {@code plugin.xml} and {@code fragment.xml} files found on a class path, for plain-JVM use (scripts,
 * distributed workers, tests) of the same contributions the OSGi runtime sees. The contributing bundle's
 * name is taken from the {@code META-INF/MANIFEST.MF} next to each file; extension point ids declared in a
 * bundle are prefixed with its symbolic name, as Equinox does.
 */
public final class ClasspathExtensionSource implements ExtensionSource {

    private static final String[] DESCRIPTOR_FILES = {"plugin.xml", "fragment.xml"};

    private final ClassLoader classLoader;
    private final TreeSet<String> extensionPoints = new TreeSet<>();
    private final Map<String, List<Contribution>> contributions = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** Reads the descriptors visible to the class loader that loaded this class. */
    public ClasspathExtensionSource() {
        this(ClasspathExtensionSource.class.getClassLoader());
    }

    public ClasspathExtensionSource(ClassLoader classLoader) {
        this.classLoader = classLoader;
        for (String file : DESCRIPTOR_FILES) {
            try {
                for (URL url : Collections.list(classLoader.getResources(file))) {
                    read(url);
                }
            } catch (IOException e) {
                problems.add("cannot list " + file + " on the class path: " + e.getMessage());
            }
        }
        contributions.values().forEach(list -> list.sort(Comparator.comparing(Contribution::id)));
    }

    private void read(URL descriptor) {
        String bundle = bundleName(descriptor);
        Document document;
        try (InputStream in = descriptor.openStream()) {
            document = newBuilder().parse(in);
        } catch (Exception e) {
            problems.add(descriptor + " is not a readable plugin descriptor: " + e.getMessage());
            return;
        }
        Element root = document.getDocumentElement();
        for (Element point : children(root, "extension-point")) {
            String id = point.getAttribute("id");
            extensionPoints.add(id.contains(".") ? id : bundle + "." + id);
        }
        for (Element extension : children(root, "extension")) {
            String pointId = extension.getAttribute("point");
            for (Element element : children(extension, null)) {
                try {
                    List<Map<String, String>> settings = new ArrayList<>();
                    for (Element s : children(element, ContributionElements.SETTING_ELEMENT)) {
                        settings.add(attributes(s));
                    }
                    contributions.computeIfAbsent(pointId, k -> new ArrayList<>())
                            .add(ContributionElements.toContribution(pointId, bundle, attributes(element), settings));
                } catch (RuntimeException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    private static DocumentBuilder newBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    /**
     * The namespace of a descriptor, as Equinox names it: the Bundle-SymbolicName from the manifest beside it,
     * or for a fragment its host's; the descriptor's location when there is no manifest.
     */
    private String bundleName(URL descriptor) {
        String text = descriptor.toString();
        String base = text.substring(0, text.length() - descriptor.getPath().replaceAll(".*/", "").length());
        try (InputStream in = URI.create(base + "META-INF/MANIFEST.MF").toURL().openStream()) {
            Attributes main = new Manifest(in).getMainAttributes();
            String host = main.getValue("Fragment-Host");
            String name = host != null ? host : main.getValue("Bundle-SymbolicName");
            if (name != null) {
                return name.split(";")[0].trim();
            }
        } catch (IOException | IllegalArgumentException e) {
            // no manifest: fall through to the location
        }
        return base;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && (name == null || name.equals(e.getTagName()))) {
                result.add(e);
            }
        }
        return result;
    }

    private static Map<String, String> attributes(Element element) {
        Map<String, String> map = new LinkedHashMap<>();
        NamedNodeMap attrs = element.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            map.put(attrs.item(i).getNodeName(), attrs.item(i).getNodeValue());
        }
        return map;
    }

    @Override
    public List<String> extensionPoints() {
        return List.copyOf(extensionPoints);
    }

    @Override
    public List<Contribution> contributions(String extensionPointId) {
        return List.copyOf(contributions.getOrDefault(extensionPointId, List.of()));
    }

    @Override
    public Class<?> loadClass(Contribution contribution) throws ClassNotFoundException {
        if (contribution.className() == null) {
            throw new ClassNotFoundException("no class attribute");
        }
        return Class.forName(contribution.className(), false, classLoader);
    }

    @Override
    public List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public String describe() {
        return "plugin.xml files on the class path";
    }
}
