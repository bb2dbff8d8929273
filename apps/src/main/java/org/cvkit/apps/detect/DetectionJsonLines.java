package org.cvkit.apps.detect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.cvkit.core.geometry.Box;
import org.cvkit.detection.geometry.Detection;
import org.cvkit.detection.media.FrameDetections;

/**
 * Writes detections as JSON lines, one object a frame or image:
 * {@code {"frame":N,"time_ms":T,"image":"a.jpg","detections":[{"label":"person","score":0.87,"box":[x1,y1,x2,y2]}]}}
 * with box corners in the input's pixels ({@code image} only for images). Scores keep 4 decimals, coordinates and
 * times 2.
 */
final class DetectionJsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;

    /** @param out where the lines go; flushed after each line, never closed */
    DetectionJsonLines(Writer out) {
        this.out = out;
    }

    /**
     * @param frame what was found in one frame or image
     * @param image the image's file name, or {@code null} for a video frame
     * @throws IOException if writing fails
     */
    void write(FrameDetections frame, String image) throws IOException {
        List<DetectionLine> detections = frame.detections().stream().map(DetectionLine::of).toList();
        out.write(JSON.writeValueAsString(new FrameLine(frame.index(), round(frame.timeMillis(), 100), image,
                detections)));
        out.write('\n');
        out.flush();
    }

    private static double round(double value, double scale) {
        return Math.round(value * scale) / scale;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"frame", "time_ms", "image", "detections"})
    private record FrameLine(long frame, @JsonProperty("time_ms") double timeMillis, String image,
                             List<DetectionLine> detections) {
    }

    private record DetectionLine(String label, double score, double[] box) {
        static DetectionLine of(Detection detection) {
            Box box = detection.box();
            return new DetectionLine(detection.label(), round(detection.score(), 10_000), new double[] {
                round(box.x1(), 100), round(box.y1(), 100), round(box.x2(), 100), round(box.y2(), 100)});
        }
    }
}
