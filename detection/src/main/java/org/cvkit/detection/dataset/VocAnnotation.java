package org.cvkit.detection.dataset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A PASCAL VOC annotation: the image's file name and size and its objects, each with a class name and a
 * {@code bndbox} of 1-based pixel coordinates. VOC numbers pixels from 1 and includes both edges, so a box covering
 * pixel columns 0 to 9 (x1 = 0, x2 = 10 in cvkit's continuous corners) is written {@code xmin 1, xmax 10}: on writing
 * {@code xmin = x1 + 1, xmax = x2}, on reading the reverse. Whole-pixel boxes are written as integers and others with
 * their decimals, so every box survives a round trip exactly. Every object is written with pose {@code Unspecified}
 * and {@code truncated} and {@code difficult} 0; on reading those fields are ignored.
 *
 * @param filename the image file's name, for example {@code scene-000001.png}
 * @param size     the image's size
 * @param objects  the objects, boxes in pixels of the image
 */
public record VocAnnotation(String filename, ImageSize size, List<GroundTruth> objects) {

    private static final int CHANNELS = 3;

    /** Validates the parts and copies the objects. */
    public VocAnnotation {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(size, "size");
        objects = List.copyOf(objects);
    }

    /**
     * @param classNames the class names, by class index
     * @return the annotation as an indented XML document
     * @throws IllegalArgumentException if an object's class has no name
     */
    public String toXml(List<String> classNames) {
        Document document = newBuilder().newDocument();
        Element annotation = document.createElement("annotation");
        document.appendChild(annotation);
        append(annotation, "folder", "images");
        append(annotation, "filename", filename);
        Element sizeElement = append(annotation, "size", null);
        append(sizeElement, "width", Integer.toString(size.width()));
        append(sizeElement, "height", Integer.toString(size.height()));
        append(sizeElement, "depth", Integer.toString(CHANNELS));
        append(annotation, "segmented", "0");
        for (GroundTruth object : objects) {
            if (object.classIndex() >= classNames.size()) {
                throw new IllegalArgumentException("class " + object.classIndex() + " has no name among "
                        + classNames);
            }
            Element element = append(annotation, "object", null);
            append(element, "name", classNames.get(object.classIndex()));
            append(element, "pose", "Unspecified");
            append(element, "truncated", "0");
            append(element, "difficult", "0");
            Element box = append(element, "bndbox", null);
            append(box, "xmin", number(object.box().x1() + 1));
            append(box, "ymin", number(object.box().y1() + 1));
            append(box, "xmax", number(object.box().x2()));
            append(box, "ymax", number(object.box().y2()));
        }
        return serialize(document);
    }

    /**
     * Reads an annotation. External entities and DTDs are refused.
     *
     * @param xml        the annotation file's bytes
     * @param classNames the class names, by class index
     * @param source     the file name, for error messages
     * @return the annotation, boxes converted to cvkit's continuous pixel corners
     * @throws LabelFormatException if the XML is malformed, a required element is missing or not a number, a class
     *                              name is unknown, or a box is inside out or leaves the image
     */
    public static VocAnnotation parse(byte[] xml, List<String> classNames, String source)
            throws LabelFormatException {
        Element root;
        try {
            root = newBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new LabelFormatException(source, "is not well-formed XML: " + e.getMessage(), e);
        }
        if (!"annotation".equals(root.getTagName())) {
            throw new LabelFormatException(source, "has root element <" + root.getTagName() + "> but a VOC"
                    + " annotation starts with <annotation>");
        }
        Element sizeElement = child(root, "size", source);
        double width = number(sizeElement, "width", source);
        double height = number(sizeElement, "height", source);
        if (!(width >= 1 && height >= 1 && width == Math.rint(width) && height == Math.rint(height))) {
            throw new LabelFormatException(source, "the image size " + width + " x " + height + " must be whole"
                    + " positive numbers of pixels");
        }
        ImageSize size = new ImageSize((int) width, (int) height);
        List<GroundTruth> objects = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && "object".equals(element.getTagName())) {
                objects.add(object(element, size, classNames, source));
            }
        }
        return new VocAnnotation(text(child(root, "filename", source)), size, objects);
    }

    private static GroundTruth object(Element element, ImageSize size, List<String> classNames, String source)
            throws LabelFormatException {
        String name = text(child(element, "name", source));
        int classIndex = classNames.indexOf(name);
        if (classIndex < 0) {
            throw new LabelFormatException(source, "object class '" + name + "' is not one of " + classNames
                    + "; add it to classes.txt");
        }
        Element box = child(element, "bndbox", source);
        double x1 = number(box, "xmin", source) - 1;
        double y1 = number(box, "ymin", source) - 1;
        double x2 = number(box, "xmax", source);
        double y2 = number(box, "ymax", source);
        if (!(x1 >= 0 && y1 >= 0 && x1 <= x2 && y1 <= y2 && x2 <= size.width() && y2 <= size.height())) {
            throw new LabelFormatException(source, "the box of a '" + name + "' (xmin " + (x1 + 1) + ", ymin "
                    + (y1 + 1) + ", xmax " + x2 + ", ymax " + y2 + ") is inside out or leaves the " + size
                    + " image; VOC boxes are 1-based pixels with xmin <= xmax <= width");
        }
        return new GroundTruth(Box.fromCorners(x1, y1, x2, y2), classIndex);
    }

    private static Element child(Element parent, String tag, String source) throws LabelFormatException {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && tag.equals(element.getTagName())) {
                return element;
            }
        }
        throw new LabelFormatException(source, "<" + parent.getTagName() + "> has no <" + tag + "> element");
    }

    private static double number(Element parent, String tag, String source) throws LabelFormatException {
        String text = text(child(parent, tag, source));
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LabelFormatException(source, "<" + tag + "> must hold a number but holds '" + text + "'");
    }

    private static String text(Node node) {
        return node.getTextContent().trim();
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Element append(Element parent, String tag, String text) {
        Element element = parent.getOwnerDocument().createElement(tag);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    private static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("the JDK's XML writer failed on a plain document", e);
        }
    }
}
