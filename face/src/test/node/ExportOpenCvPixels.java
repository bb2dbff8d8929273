import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Step 1 of the fixture generator: decodes photos exactly as cvkit's FaceAnalyzer reads files (OpenCV
 * {@code imread}, {@code IMREAD_COLOR}) and writes the pixels losslessly as PNG, so that face-api in Node sees the
 * very pixels the Java port sees. Run with the module's org.bytedeco jars on the class path (see README.md):
 * {@code java -cp "$(cat cp.txt)" ExportOpenCvPixels.java OUT_DIR PHOTO...}.
 */
public final class ExportOpenCvPixels {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ExportOpenCvPixels OUT_DIR PHOTO...");
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            Path photo = Path.of(args[i]);
            String name = photo.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".png";
            try (Mat image = imread(photo.toString(), IMREAD_COLOR)) {
                if (image.empty() || !imwrite(out.resolve(name).toString(), image)) {
                    throw new IllegalStateException("cannot convert " + photo);
                }
                System.out.println(photo + " -> " + out.resolve(name) + " (" + image.cols() + "x" + image.rows() + ")");
            }
        }
    }
}
