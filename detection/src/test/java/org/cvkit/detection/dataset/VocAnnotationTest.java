package org.cvkit.detection.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.detection.geometry.GroundTruth;
import org.junit.jupiter.api.Test;

class VocAnnotationTest {

    private static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Bag & <strap>");
    private static final ImageSize SIZE = new ImageSize(96, 64);

    @Test
    void writesOneBasedInclusivePixelBoxes() {
        // pixels 0..9 across and 5..24 down: VOC's 1-based inclusive indices 1..10 and 6..25
        String xml = new VocAnnotation("scene.png", SIZE,
                List.of(new GroundTruth(Box.fromCorners(0, 5, 10, 25), 1))).toXml(CLASSES);

        assertThat(xml).contains("<filename>scene.png</filename>", "<width>96</width>", "<height>64</height>",
                "<depth>3</depth>", "<name>Trouser</name>", "<xmin>1</xmin>", "<ymin>6</ymin>", "<xmax>10</xmax>",
                "<ymax>25</ymax>", "<difficult>0</difficult>");
    }

    @Test
    void aRoundTripIsExactForWholeAndFractionalPixels() throws LabelFormatException {
        VocAnnotation annotation = new VocAnnotation("scene.png", SIZE, List.of(
                new GroundTruth(Box.fromCorners(0, 0, 96, 64), 0),
                new GroundTruth(Box.fromCorners(10.25, 3, 20.5, 40.75), 2)));

        byte[] xml = annotation.toXml(CLASSES).getBytes(StandardCharsets.UTF_8);

        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("Bag &amp; &lt;strap&gt;");
        assertThat(VocAnnotation.parse(xml, CLASSES, "scene.xml")).isEqualTo(annotation);
    }

    @Test
    void readsAnAnnotationWrittenByHandIgnoringExtraFields() throws LabelFormatException {
        String xml = """
                <annotation>
                  <filename>000005.jpg</filename>
                  <source><database>The VOC2007 Database</database></source>
                  <size><width>500</width><height>375</height><depth>3</depth></size>
                  <object>
                    <name>Trouser</name><pose>Left</pose><truncated>1</truncated><difficult>0</difficult>
                    <bndbox><xmin>263</xmin><ymin>211</ymin><xmax>324</xmax><ymax>339</ymax></bndbox>
                  </object>
                </annotation>
                """;

        VocAnnotation annotation = VocAnnotation.parse(xml.getBytes(StandardCharsets.UTF_8), CLASSES, "5.xml");

        assertThat(annotation.filename()).isEqualTo("000005.jpg");
        assertThat(annotation.size()).isEqualTo(new ImageSize(500, 375));
        assertThat(annotation.objects()).containsExactly(new GroundTruth(Box.fromCorners(262, 210, 324, 339), 1));
    }

    @Test
    void rejectsFilesThatAreNotVocAnnotations() {
        assertThatThrownBy(() -> parse("<annotation><filename>a"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("a.xml: is not well-formed XML");
        assertThatThrownBy(() -> parse("<html/>"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("<annotation>");
        assertThatThrownBy(() -> parse("<annotation><filename>a.png</filename></annotation>"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("has no <size> element");
        assertThatThrownBy(() -> parse(annotation(96, "Trouser", "1", "1", "ten", "10")))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("<xmax> must hold a number");
        assertThatThrownBy(() -> parse("<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><annotation/>"))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("not well-formed");
    }

    @Test
    void rejectsUnknownClassesBadSizesAndBoxesOutsideTheImage() {
        assertThatThrownBy(() -> parse(annotation(96, "Sandal", "1", "1", "10", "10")))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("'Sandal' is not one of");
        assertThatThrownBy(() -> parse(annotation(0, "Trouser", "1", "1", "10", "10")))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("whole positive numbers");
        assertThatThrownBy(() -> parse(annotation(96, "Trouser", "1", "1", "97", "10")))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("leaves the");
        assertThatThrownBy(() -> parse(annotation(96, "Trouser", "20", "1", "10", "10")))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("inside out");
        assertThatThrownBy(() -> parse(annotation(96, "Trouser", "0", "1", "10", "10")))
                .isInstanceOf(LabelFormatException.class).hasMessageContaining("1-based");
    }

    @Test
    void refusesToNameAClassItDoesNotKnow() {
        VocAnnotation annotation = new VocAnnotation("a.png", SIZE,
                List.of(new GroundTruth(Box.fromCorners(0, 0, 1, 1), 3)));

        assertThatThrownBy(() -> annotation.toXml(CLASSES)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("class 3 has no name");
    }

    private static VocAnnotation parse(String xml) throws LabelFormatException {
        return VocAnnotation.parse(xml.getBytes(StandardCharsets.UTF_8), CLASSES, "a.xml");
    }

    private static String annotation(int width, String name, String xmin, String ymin, String xmax, String ymax) {
        return "<annotation><filename>a.png</filename><size><width>" + width + "</width><height>64</height></size>"
                + "<object><name>" + name + "</name><bndbox><xmin>" + xmin + "</xmin><ymin>" + ymin + "</ymin>"
                + "<xmax>" + xmax + "</xmax><ymax>" + ymax + "</ymax></bndbox></object></annotation>";
    }
}
