package org.cvkit.apps.face;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.cvkit.core.geometry.Box;
import org.cvkit.face.analysis.FaceLandmarks68;

/**
 * The JSON the face commands print with {@code --json}: one object on one line. Pixel coordinates keep 2 decimals,
 * as {@code cvkit detect} writes them; distances and descriptors are written exactly.
 */
final class FaceJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaceJson() {
    }

    /**
     * @param out   where the line goes
     * @param value a record or map to write
     */
    static void print(PrintWriter out, Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }

    /**
     * @param box a box in pixels
     * @return {@code [x1, y1, x2, y2]}
     */
    static double[] corners(Box box) {
        return new double[] {pixels(box.x1()), pixels(box.y1()), pixels(box.x2()), pixels(box.y2())};
    }

    /**
     * @param landmarks a face's landmarks
     * @return {@code [[x, y], ...]}, 68 pairs
     */
    static double[][] points(FaceLandmarks68 landmarks) {
        return landmarks.points().stream().map(point -> new double[] {pixels(point.x()), pixels(point.y())})
                .toArray(double[][]::new);
    }

    /**
     * @param score a detector score
     * @return the score with 4 decimals
     */
    static double score(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private static double pixels(double coordinate) {
        return Math.round(coordinate * 100) / 100.0;
    }
}
