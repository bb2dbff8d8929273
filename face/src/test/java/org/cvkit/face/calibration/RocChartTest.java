package org.cvkit.face.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Draws {@link RocCurveTest#SEPARATED} (EER 0.25) and checks the pixels against the plot area's mapping. */
class RocChartTest {

    private static final RocCurve CURVE = RocCurve.of(RocCurveTest.SEPARATED);
    private static final RocChart CHART = RocChart.ofSize(640, 560);

    @TempDir
    Path directory;

    @Test
    void writesAPngOfTheRequestedSize() throws IOException {
        Path file = directory.resolve("charts/roc.png");
        CHART.writePng(CURVE, file);

        BufferedImage png = ImageIO.read(file.toFile());
        assertThat(png).isNotNull();
        assertThat(png.getWidth()).isEqualTo(640);
        assertThat(png.getHeight()).isEqualTo(560);
        BufferedImage rendered = CHART.render(CURVE);
        for (int y = 0; y < png.getHeight(); y += 7) {
            for (int x = 0; x < png.getWidth(); x += 7) {
                assertThat(png.getRGB(x, y)).isEqualTo(rendered.getRGB(x, y));
            }
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).containsExactly(file);
        }
    }

    @Test
    void thePlotAreaLiesInsideThePicture() {
        Rectangle area = CHART.plotArea();
        assertThat(area.x).isPositive();
        assertThat(area.y).isPositive();
        assertThat(area.x + area.width).isLessThan(640);
        assertThat(area.y + area.height).isLessThan(560);
    }

    @Test
    void theCurveIsDrawnThroughEveryRocPoint() {
        BufferedImage image = CHART.render(CURVE);
        List<Line2D> segments = segments();
        for (Line2D segment : segments) {
            for (int k = 0; k <= 10; k++) {
                double x = segment.getX1() + k / 10.0 * (segment.getX2() - segment.getX1());
                double y = segment.getY1() + k / 10.0 * (segment.getY2() - segment.getY1());
                assertThat(curveColourNear(image, x, y))
                        .as("curve pixel near (%.1f, %.1f) on %s", x, y, segment.getP1()).isTrue();
            }
        }
    }

    @Test
    void nothingElseHasTheCurvesColour() {
        BufferedImage image = CHART.render(CURVE);
        List<Line2D> segments = segments();
        int curvePixels = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (isCurveColour(image.getRGB(x, y))) {
                    curvePixels++;
                    double px = x + 0.5;
                    double py = y + 0.5;
                    double nearest = segments.stream().mapToDouble(s -> s.ptSegDist(px, py)).min().orElseThrow();
                    assertThat(nearest).as("distance of curve-coloured pixel (%d, %d) from the curve", x, y)
                            .isLessThan(2.5);
                }
            }
        }
        Rectangle area = CHART.plotArea();
        // the curve runs from (0, 0) up and right to (1, 1): at least its height plus its width in pixels
        assertThat(curvePixels).isGreaterThan(area.width + area.height);
    }

    @Test
    void theEqualErrorPointIsCircledWhereFalseAcceptsEqualFalseRejects() {
        BufferedImage image = CHART.render(CURVE);
        Point2D centre = toPixel(0.25, 0.75);
        int ringPixels = 0;
        for (int degrees = 0; degrees < 360; degrees += 15) {
            double angle = Math.toRadians(degrees);
            boolean onRing = false;
            for (double radius = 5; radius <= 7; radius += 0.5) {
                int x = (int) Math.floor(centre.getX() + radius * Math.cos(angle));
                int y = (int) Math.floor(centre.getY() + radius * Math.sin(angle));
                onRing |= isMarkerColour(image.getRGB(x, y));
            }
            ringPixels += onRing ? 1 : 0;
        }
        assertThat(ringPixels).isEqualTo(24);
        assertThat(isMarkerColour(image.getRGB((int) centre.getX(), (int) centre.getY() - 15))).isFalse();
    }

    @Test
    void theChanceDiagonalIsDashedGrey() {
        BufferedImage image = CHART.render(CURVE);
        int grey = 0;
        int samples = 200;
        for (int k = 1; k < samples; k++) {
            double rate = (double) k / samples;
            Point2D pixel = toPixel(rate, rate);
            int rgb = image.getRGB((int) pixel.getX(), (int) pixel.getY());
            int r = rgb >> 16 & 0xFF;
            int g = rgb >> 8 & 0xFF;
            int b = rgb & 0xFF;
            grey += Math.abs(r - g) < 8 && Math.abs(g - b) < 8 && r < 200 ? 1 : 0;
        }
        // dashes of 6 pixels with gaps of 4 cover about 60 % of the diagonal
        assertThat(grey).isBetween(samples / 3, samples * 4 / 5);
    }

    @Test
    void refusesPicturesTooSmallToRead() {
        assertThatThrownBy(() -> RocChart.ofSize(479, 640)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a ROC chart needs at least 480 x 480 pixels to stay readable but 479 x 640 was asked for");
        assertThatThrownBy(() -> RocChart.ofSize(480, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The ROC polyline in pixels, from the documented mapping of {@link RocChart#plotArea()}. */
    private static List<Line2D> segments() {
        List<RocPoint> points = CURVE.points();
        List<Line2D> segments = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            segments.add(new Line2D.Double(
                    toPixel(points.get(i - 1).falseAcceptRate(), points.get(i - 1).trueAcceptRate()),
                    toPixel(points.get(i).falseAcceptRate(), points.get(i).trueAcceptRate())));
        }
        return segments;
    }

    private static Point2D toPixel(double falseAcceptRate, double trueAcceptRate) {
        Rectangle area = CHART.plotArea();
        return new Point2D.Double(area.x + falseAcceptRate * area.width, area.y + (1 - trueAcceptRate) * area.height);
    }

    private static boolean curveColourNear(BufferedImage image, double x, double y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (isCurveColour(image.getRGB((int) Math.floor(x) + dx, (int) Math.floor(y) + dy))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Blue like {@link RocChart#CURVE_COLOR} (31, 119, 180), or at least 40 % of it blended with white. */
    private static boolean isCurveColour(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return b - r > 60 && b - g > 24;
    }

    /** Red like {@link RocChart#EQUAL_ERROR_COLOR} (214, 39, 40). */
    private static boolean isMarkerColour(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return r - g > 80 && r - b > 80;
    }
}
