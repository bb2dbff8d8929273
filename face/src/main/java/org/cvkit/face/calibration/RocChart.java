package org.cvkit.face.calibration;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

import org.cvkit.core.io.AtomicFiles;

/**
 * Draws a {@link RocCurve} with Java2D: false-accept rate across, true-accept rate up, both from 0 to 1 with ticks
 * every 0.2 and a light grid, the chance diagonal dashed, the curve in {@link #CURVE_COLOR}, and the equal error
 * point circled in {@link #EQUAL_ERROR_COLOR}. The title gives the pair counts, the AUC and the equal error rate
 * with its threshold.
 */
public final class RocChart {

    /** The colour of the ROC curve. */
    public static final Color CURVE_COLOR = new Color(0x1F77B4);
    /** The colour of the circle around the equal error point. */
    public static final Color EQUAL_ERROR_COLOR = new Color(0xD62728);
    /** The smallest width and height accepted, in pixels. */
    public static final int MIN_SIZE = 480;

    private static final int LEFT_MARGIN = 72;
    private static final int RIGHT_MARGIN = 24;
    private static final int TOP_MARGIN = 52;
    private static final int BOTTOM_MARGIN = 60;
    private static final int TICK_LENGTH = 5;
    private static final int TICKS = 5;
    private static final int MARKER_RADIUS = 6;
    private static final Color GRID_COLOR = new Color(0xE6E6E6);
    private static final Color CHANCE_COLOR = new Color(0x999999);

    private final int width;
    private final int height;

    private RocChart(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /**
     * @param width  the picture's width in pixels, at least {@value #MIN_SIZE}
     * @param height the picture's height in pixels, at least {@value #MIN_SIZE}
     * @return a chart of that size
     * @throws IllegalArgumentException if the picture would be too small to read
     */
    public static RocChart ofSize(int width, int height) {
        if (width < MIN_SIZE || height < MIN_SIZE) {
            throw new IllegalArgumentException("a ROC chart needs at least " + MIN_SIZE + " x " + MIN_SIZE
                    + " pixels to stay readable but " + width + " x " + height + " was asked for");
        }
        return new RocChart(width, height);
    }

    /**
     * The square of rates inside the margins: false-accept rate {@code f} is drawn at
     * {@code x = area.x + f * area.width}, true-accept rate {@code t} at {@code y = area.y + (1 - t) * area.height}.
     *
     * @return the plot area in pixel coordinates
     */
    public Rectangle plotArea() {
        return new Rectangle(LEFT_MARGIN, TOP_MARGIN, width - LEFT_MARGIN - RIGHT_MARGIN,
                height - TOP_MARGIN - BOTTOM_MARGIN);
    }

    /**
     * @param curve the curve to draw
     * @return the chart as an RGB picture
     */
    public BufferedImage render(RocCurve curve) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            drawAxes(g);
            drawChanceDiagonal(g);
            drawCurve(g, curve);
            drawEqualErrorPoint(g, curve.equalErrorRate());
            drawTitle(g, curve);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Draws the chart into a PNG file atomically: the file is complete or not replaced at all.
     *
     * @param curve the curve to draw
     * @param file  where the PNG goes; missing directories are created
     * @throws IOException if the file cannot be written
     */
    public void writePng(RocCurve curve, Path file) throws IOException {
        BufferedImage image = render(curve);
        AtomicFiles.write(file, temporary -> {
            if (!ImageIO.write(image, "png", temporary.toFile())) {
                throw new IOException("no PNG writer is available in this Java runtime");
            }
        });
    }

    private Point2D toPixel(double falseAcceptRate, double trueAcceptRate) {
        Rectangle area = plotArea();
        return new Point2D.Double(area.x + falseAcceptRate * area.width,
                area.y + (1 - trueAcceptRate) * area.height);
    }

    private void drawAxes(Graphics2D g) {
        Rectangle area = plotArea();
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= TICKS; i++) {
            double rate = (double) i / TICKS;
            Point2D onX = toPixel(rate, 0);
            Point2D onY = toPixel(0, rate);
            g.setColor(GRID_COLOR);
            g.draw(new Line2D.Double(onX.getX(), area.y, onX.getX(), area.y + area.height));
            g.draw(new Line2D.Double(area.x, onY.getY(), area.x + area.width, onY.getY()));
            g.setColor(Color.BLACK);
            g.draw(new Line2D.Double(onX.getX(), onX.getY(), onX.getX(), onX.getY() + TICK_LENGTH));
            g.draw(new Line2D.Double(onY.getX() - TICK_LENGTH, onY.getY(), onY.getX(), onY.getY()));
            String label = String.format(Locale.ROOT, "%.1f", rate);
            g.drawString(label, (float) (onX.getX() - metrics.stringWidth(label) / 2.0),
                    (float) (onX.getY() + TICK_LENGTH + metrics.getAscent() + 2));
            g.drawString(label, (float) (onY.getX() - TICK_LENGTH - 4 - metrics.stringWidth(label)),
                    (float) (onY.getY() + metrics.getAscent() / 2.0 - 1));
        }
        g.draw(area);
        String across = "false accept rate (different people accepted)";
        g.drawString(across, area.x + (area.width - metrics.stringWidth(across)) / 2f,
                height - metrics.getDescent() - 8f);
        String up = "true accept rate (same person accepted)";
        AffineTransform unrotated = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(up, -(area.y + (area.height + metrics.stringWidth(up)) / 2f), metrics.getAscent() + 8f);
        g.setTransform(unrotated);
    }

    private void drawChanceDiagonal(Graphics2D g) {
        g.setColor(CHANCE_COLOR);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        Point2D from = toPixel(0, 0);
        Point2D to = toPixel(1, 1);
        g.draw(new Line2D.Double(from, to));
    }

    private void drawCurve(Graphics2D g, RocCurve curve) {
        Path2D.Double line = new Path2D.Double();
        for (RocPoint point : curve.points()) {
            Point2D pixel = toPixel(point.falseAcceptRate(), point.trueAcceptRate());
            if (line.getCurrentPoint() == null) {
                line.moveTo(pixel.getX(), pixel.getY());
            } else {
                line.lineTo(pixel.getX(), pixel.getY());
            }
        }
        g.setColor(CURVE_COLOR);
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
    }

    private void drawEqualErrorPoint(Graphics2D g, EqualErrorRate equalError) {
        Point2D centre = toPixel(equalError.rate(), 1 - equalError.rate());
        g.setColor(EQUAL_ERROR_COLOR);
        g.setStroke(new BasicStroke(2));
        g.draw(new Ellipse2D.Double(centre.getX() - MARKER_RADIUS, centre.getY() - MARKER_RADIUS,
                2 * MARKER_RADIUS, 2 * MARKER_RADIUS));
        String label = String.format(Locale.ROOT, "EER %.3f", equalError.rate());
        g.drawString(label, (float) centre.getX() + MARKER_RADIUS + 4,
                (float) centre.getY() + MARKER_RADIUS + g.getFontMetrics().getAscent());
    }

    private void drawTitle(Graphics2D g, RocCurve curve) {
        EqualErrorRate equalError = curve.equalErrorRate();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("ROC: " + curve.genuinePairs() + " genuine, " + curve.impostorPairs() + " impostor pairs",
                LEFT_MARGIN, 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(String.format(Locale.ROOT, "AUC %.4f    EER %.4f at distance %.4g", curve.auc(),
                equalError.rate(), equalError.threshold()), LEFT_MARGIN, 40);
    }
}
