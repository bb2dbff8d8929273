package org.cvkit.apps.face;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.apps.ExitCode;
import org.cvkit.apps.ImageFiles;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.gallery.Gallery;
import org.cvkit.face.gallery.Match;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvkit face-verify identify PHOTO}: names every face of a photo from the gallery, or calls it unknown. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "Name every face in a photo: the nearest enrolled person when within the threshold, else "
                + "unknown, with the distance.")
final class IdentifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    GalleryOptions gallery;

    @Mixin
    ThresholdOption thresholdOption;

    @Mixin
    AnalyzerOptions analyzerOptions;

    @Parameters(index = "0", paramLabel = "PHOTO", description = "The photo.")
    Path photo;

    @Option(names = "--json", description = "Print {\"faces\":[{\"box\":[x1,y1,x2,y2],\"person\":NAME or null,"
            + "\"nearest\":NAME,\"distance\":D}]} on one line.")
    boolean json;

    @Option(names = "--out", paramLabel = "IMAGE", description = "Write the photo with every face named.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Photos.requireFiles(List.of(photo));
        ImageFiles.requireWritableImage("--out", out);
        Gallery people = thresholdOption.applyTo(gallery.readEnrolled());
        List<IdentifiedFace> faces;
        try (FaceAnalyzer analyzer = analyzerOptions.load();
             Mat image = ImageFiles.read(photo)) {
            FaceIdentifier identifier = FaceIdentifier.analyzing(analyzer, people);
            faces = identifier.identify(image);
            if (faces.isEmpty()) {
                throw new IllegalArgumentException("no face found in " + photo + "; use a photo in which faces are "
                        + "clearly visible and roughly frontal");
            }
            if (out != null) {
                new DetectionPainter().paint(image, faces.stream().map(identifier::toDetection).toList());
                ImageFiles.write(out, image);
            }
        }
        PrintWriter text = spec.commandLine().getOut();
        if (json) {
            FaceJson.print(text, new Faces(faces.stream().map(FaceLine::of).toList()));
            return ExitCode.OK;
        }
        for (int i = 0; i < faces.size(); i++) {
            IdentifiedFace face = faces.get(i);
            Match nearest = face.identification().nearest().orElseThrow();
            double[] box = FaceJson.corners(face.face().box());
            text.printf(Locale.ROOT, "face %d [%.0f, %.0f, %.0f, %.0f]: %s%n", i + 1, box[0], box[1], box[2], box[3],
                    face.identification().isUnknown()
                            ? String.format(Locale.ROOT, "unknown (nearest: %s at %.4f)", nearest.name(),
                                    nearest.distance())
                            : String.format(Locale.ROOT, "%s (distance %.4f)", nearest.name(), nearest.distance()));
        }
        if (out != null) {
            text.println("annotated photo: " + out);
        }
        text.flush();
        return ExitCode.OK;
    }

    /** The {@code --json} object. */
    private record Faces(List<FaceLine> faces) {
    }

    /** One face of the {@code --json} object; {@code person} is {@code null} for an unknown face. */
    @JsonPropertyOrder({"box", "person", "nearest", "distance"})
    private record FaceLine(double[] box, String person, String nearest, double distance) {
        static FaceLine of(IdentifiedFace face) {
            Match nearest = face.identification().nearest().orElseThrow();
            return new FaceLine(FaceJson.corners(face.face().box()), face.identification().person().orElse(null),
                    nearest.name(), nearest.distance());
        }
    }
}
