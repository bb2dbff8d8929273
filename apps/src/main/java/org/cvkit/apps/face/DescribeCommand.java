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
import org.cvkit.face.analysis.AnalyzedFace;
import org.cvkit.face.analysis.FaceAnalyzer;
import org.cvkit.face.analysis.FaceLandmarks68;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cvkit face-verify describe PHOTO}: every face with its box, score, 68 landmarks and 128-d descriptor. */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Find every face in a photo and print its box, detector score, 68 landmarks and 128-d "
                + "descriptor.")
final class DescribeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AnalyzerOptions analyzerOptions;

    @Parameters(index = "0", paramLabel = "PHOTO", description = "The photo.")
    Path photo;

    @Option(names = "--json", description = "Print {\"faces\":[{\"box\":[x1,y1,x2,y2],\"score\":S,"
            + "\"landmarks\":[[x,y],...],\"descriptor\":[...]}]} on one line.")
    boolean json;

    @Option(names = "--out", paramLabel = "IMAGE", description = "Write the photo with the boxes and landmarks drawn.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Photos.requireFiles(List.of(photo));
        ImageFiles.requireWritableImage("--out", out);
        List<AnalyzedFace> faces;
        try (FaceAnalyzer analyzer = analyzerOptions.load();
             Mat image = ImageFiles.read(photo)) {
            faces = analyzer.analyze(image);
            if (out != null) {
                new DetectionPainter().paint(image, faces.stream().map(face -> face.asDetection(0, "face")).toList());
                ImageFiles.write(out, image);
            }
        }
        PrintWriter text = spec.commandLine().getOut();
        if (json) {
            FaceJson.print(text, new Faces(faces.stream().map(FaceLine::of).toList()));
            return ExitCode.OK;
        }
        text.printf("%s: %s%n", photo.getFileName(), faces.isEmpty() ? "no face found"
                : faces.size() + (faces.size() == 1 ? " face" : " faces"));
        for (int i = 0; i < faces.size(); i++) {
            AnalyzedFace face = faces.get(i);
            double[] box = FaceJson.corners(face.box());
            text.printf(Locale.ROOT, "face %d: box [%.0f, %.0f, %.0f, %.0f], score %.2f, %d landmarks, %d-d descriptor"
                            + "%n", i + 1, box[0], box[1], box[2], box[3], face.score(), FaceLandmarks68.COUNT,
                    face.descriptor().dimension());
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

    /** One face of the {@code --json} object. */
    @JsonPropertyOrder({"box", "score", "landmarks", "descriptor"})
    private record FaceLine(double[] box, double score, double[][] landmarks, float[] descriptor) {
        static FaceLine of(AnalyzedFace face) {
            return new FaceLine(FaceJson.corners(face.box()), FaceJson.score(face.score()),
                    FaceJson.points(face.landmarks()), face.descriptor().toArray());
        }
    }
}
