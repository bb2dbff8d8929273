package org.cvkit.apps.augment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.cvkit.augment.LabeledBox;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Pascal VOC labels: one XML file per image with an {@code object} element per object, whose {@code bndbox} holds
 * 1-based inclusive pixel indices {@code xmin ymin xmax ymax}. In continuous coordinates the box runs from
 * {@code (xmin - 1, ymin - 1)} to {@code (xmax, ymax)}. Written files keep every other element of the source, with
 * {@code filename}, {@code size} and the boxes updated and dropped objects removed.
 */
final class VocLabels implements ImageLabels {

    private static final String[] CORNERS = {"xmin", "ymin", "xmax", "ymax"};

    private final Document document;
    private final List<Element> objects;
    private final List<LabeledBox> boxes;

    private VocLabels(Document document, List<Element> objects, List<LabeledBox> boxes) {
        this.document = document;
        this.objects = objects;
        this.boxes = boxes;
    }

    /**
     * @param file the VOC XML file
     * @return the labels
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if the file is missing, not XML, or an object lacks a name or a valid box
     */
    static VocLabels read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no VOC label file " + file + " for its image; add it, or use "
                    + "--labels none");
        }
        Document document = parse(file);
        NodeList found = document.getDocumentElement().getElementsByTagName("object");
        List<Element> objects = new ArrayList<>();
        List<LabeledBox> boxes = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            Element object = (Element) found.item(i);
            String where = "malformed VOC file " + file + ": object " + (i + 1);
            if (text(object, "name").isBlank()) {
                throw new IllegalArgumentException(where + " has no name");
            }
            double[] corners = new double[CORNERS.length];
            Element bndbox = child(object, "bndbox")
                    .orElseThrow(() -> new IllegalArgumentException(where + " has no bndbox"));
            for (int c = 0; c < CORNERS.length; c++) {
                String value = text(bndbox, CORNERS[c]);
                try {
                    corners[c] = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + " has " + CORNERS[c] + " '" + value
                            + "', which is not a number", e);
                }
            }
            if (corners[2] < corners[0] || corners[3] < corners[1]) {
                throw new IllegalArgumentException(where + " has xmax below xmin or ymax below ymin");
            }
            objects.add(object);
            boxes.add(new LabeledBox(new Box(corners[0] - 1, corners[1] - 1, corners[2], corners[3]),
                    Integer.toString(i)));
        }
        return new VocLabels(document, objects, boxes);
    }

    @Override
    public List<LabeledBox> boxes() {
        return boxes;
    }

    /** Labels each box with its object's {@code name}. */
    @Override
    public List<LabeledBox> named(List<LabeledBox> indexed) {
        return indexed.stream().map(box -> new LabeledBox(box.box(),
                text(objects.get(Integer.parseInt(box.label())), "name"))).toList();
    }

    @Override
    public void write(Path target, String imageName, ImageSize size, int channels, List<LabeledBox> moved)
            throws IOException {
        Document output = (Document) document.cloneNode(true);
        Element root = output.getDocumentElement();
        NodeList old = root.getElementsByTagName("object");
        for (int i = old.getLength() - 1; i >= 0; i--) {
            Node object = old.item(i);
            object.getParentNode().removeChild(object);
        }
        setText(output, root, "filename", imageName);
        Element sizeElement = childOrNew(output, root, "size");
        setText(output, sizeElement, "width", Integer.toString(size.width()));
        setText(output, sizeElement, "height", Integer.toString(size.height()));
        setText(output, sizeElement, "depth", Integer.toString(channels));
        for (LabeledBox labeled : moved) {
            Element object = (Element) output.importNode(objects.get(Integer.parseInt(labeled.label())), true);
            Element bndbox = childOrNew(output, object, "bndbox");
            Box box = labeled.box();
            long xmin = Math.round(box.x1()) + 1;
            long ymin = Math.round(box.y1()) + 1;
            setText(output, bndbox, "xmin", Long.toString(xmin));
            setText(output, bndbox, "ymin", Long.toString(ymin));
            setText(output, bndbox, "xmax", Long.toString(Math.max(xmin, Math.round(box.x2()))));
            setText(output, bndbox, "ymax", Long.toString(Math.max(ymin, Math.round(box.y2()))));
            root.appendChild(object);
        }
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            transformer.transform(new DOMSource(output), new StreamResult(target.toFile()));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            Document document = builder.parse(file.toFile());
            stripWhitespace(document.getDocumentElement());
            return document;
        } catch (SAXException e) {
            throw new IllegalArgumentException("malformed VOC file " + file + ": not well-formed XML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be configured safely", e);
        }
    }

    /** Removes indentation text nodes, so that the writer can indent the result afresh. */
    private static void stripWhitespace(Node node) {
        NodeList children = node.getChildNodes();
        for (int i = children.getLength() - 1; i >= 0; i--) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE && child.getTextContent().isBlank()) {
                node.removeChild(child);
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                stripWhitespace(child);
            }
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(element -> element.getTextContent().trim()).orElse("");
    }

    private static Element childOrNew(Document document, Element parent, String name) {
        return child(parent, name).orElseGet(() -> (Element) parent.appendChild(document.createElement(name)));
    }

    private static void setText(Document document, Element parent, String name, String value) {
        childOrNew(document, parent, name).setTextContent(value);
    }
}
