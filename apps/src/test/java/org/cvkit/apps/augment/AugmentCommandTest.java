package org.cvkit.apps.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.cvkit.apps.CommandRunner;
import org.cvkit.apps.CommandRunner.Result;
import org.cvkit.apps.ExitCode;
import org.cvkit.detection.media.DetectionPainter;
import org.cvkit.zoo.SharedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentCommandTest {

    private static final String MESSI_VOC = """
            <annotation>
              <folder>samples</folder>
              <filename>messi5.jpg</filename>
              <size><width>548</width><height>342</height><depth>3</depth></size>
              <object>
                <name>person</name>
                <pose>Left</pose>
                <difficult>1</difficult>
                <bndbox><xmin>100</xmin><ymin>50</ymin><xmax>200</xmax><ymax>150</ymax></bndbox>
              </object>
              <object>
                <name>ball</name>
                <bndbox><xmin>1</xmin><ymin>301</ymin><xmax>20</xmax><ymax>342</ymax></bndbox>
              </object>
            </annotation>
            """;

    @TempDir
    Path temp;

    @Test
    void horizontalFlipMirrorsVocBoxesAndKeepsTheirOtherFields() throws IOException {
        Path in = folderWith("messi5.jpg");
        Files.writeString(in.resolve("messi5.xml"), MESSI_VOC);
        Path out = temp.resolve("out");

        Result run = run(in.toString(), out.toString(), "--labels", "voc", "--ops", "hflip");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("wrote 1 images").contains("2 boxes kept, 0 dropped");
        assertThat(listNames(out)).containsExactly("messi5-1.jpg", "messi5-1.xml");
        try (Mat written = imread(out.resolve("messi5-1.jpg").toString())) {
            assertThat(written.cols()).isEqualTo(548);
            assertThat(written.rows()).isEqualTo(342);
        }
        String xml = Files.readString(out.resolve("messi5-1.xml"));
        // 1-based columns x map to 549 - x: 100..200 becomes 349..449 and 1..20 becomes 529..548.
        assertThat(xml).contains("<filename>messi5-1.jpg</filename>").contains("<folder>samples</folder>")
                .containsSubsequence("<name>person</name>", "<pose>Left</pose>", "<difficult>1</difficult>",
                        "<xmin>349</xmin>", "<ymin>50</ymin>", "<xmax>449</xmax>", "<ymax>150</ymax>",
                        "<name>ball</name>", "<xmin>529</xmin>", "<ymin>301</ymin>", "<xmax>548</xmax>",
                        "<ymax>342</ymax>");
    }

    /**
     * One row of the original and its two mirrored copies, 200 pixels high: 548x342 scales to 320x200, so the sheet is
     * 3 * 320 + 2 gaps of 4 wide. The person box is drawn in the first class colour in every tile.
     */
    @Test
    void previewDrawsTheOriginalAndItsCopiesWithTheirBoxes() throws IOException {
        Path in = folderWith("messi5.jpg");
        Files.writeString(in.resolve("messi5.xml"), MESSI_VOC);
        Path sheet = temp.resolve("preview.png");

        Result run = run(in.toString(), temp.resolve("out").toString(), "--labels", "voc", "--ops", "hflip",
                "--copies", "2", "--preview", sheet.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).endsWith("; preview: " + sheet + "\n");
        try (Mat drawn = imread(sheet.toString()); Scalar person = DetectionPainter.classColour(0)) {
            assertThat(drawn.cols()).isEqualTo(3 * 320 + 2 * 4);
            assertThat(drawn.rows()).isEqualTo(200);
            UByteIndexer pixels = drawn.createIndexer();
            // The person box's left edge x = 100 at scale 200 / 342 is column 58 in the original, and its
            // mirror, the right edge x = 449, column 263 in the copies; row 58 is inside the box's height.
            int[] edges = {58, 324 + 263, 648 + 263};
            for (int edge : edges) {
                int matching = 0;
                for (int x = edge - 2; x <= edge + 2; x++) {
                    boolean same = true;
                    for (int channel = 0; channel < 3; channel++) {
                        same &= Math.abs(pixels.get(58, x, channel) - person.get(channel)) <= 2;
                    }
                    matching += same ? 1 : 0;
                }
                assertThat(matching).as("box edge near column " + edge).isPositive();
            }
            pixels.close();
        }
    }

    @Test
    void quarterTurnMovesYoloBoxesAndCopiesClassNames() throws IOException {
        Path in = folderWith("fruits.jpg");
        Files.writeString(in.resolve("fruits.txt"), "3 0.25 0.5 0.2 0.4\n");
        Files.writeString(in.resolve("classes.txt"), "a\nb\nc\napple\n");
        Path out = temp.resolve("out");

        Result run = run(in.toString(), out.toString(), "--labels", "yolo", "--copies", "2",
                "--ops", "rotate=90:90 expand=true");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(listNames(out)).containsExactly("classes.txt", "fruits-1.jpg", "fruits-1.txt", "fruits-2.jpg",
                "fruits-2.txt");
        // 512x480 turned counter-clockwise is 480x512 and (x, y) -> (y, 512 - x): centre (128, 240) -> (240, 384),
        // that is (0.5, 0.75), and the 102.4x192 box becomes 192x102.4, that is 0.4 x 0.2.
        assertThat(Files.readString(out.resolve("fruits-2.txt"))).isEqualTo("3 0.500000 0.750000 0.400000 0.200000\n");
        try (Mat written = imread(out.resolve("fruits-1.jpg").toString())) {
            assertThat(written.cols()).isEqualTo(480);
            assertThat(written.rows()).isEqualTo(512);
        }
        assertThat(run.err()).contains("augment");
    }

    @Test
    void boxesShiftedOffTheImageAreDropped() throws IOException {
        Path in = folderWith("fruits.jpg");
        Files.writeString(in.resolve("fruits.txt"), "1 0.25 0.2 0.2 0.2\n2 0.8 0.2 0.2 0.2\n");
        Path out = temp.resolve("out");

        // Half the width right and half the height down: the first box lands at (0.75, 0.7), the second beyond x = 1.
        Result run = run(in.toString(), out.toString(), "--labels", "yolo", "--ops", "affine translate=0.5:0.5");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("1 boxes kept, 1 dropped");
        assertThat(Files.readString(out.resolve("fruits-1.txt"))).isEqualTo("1 0.750000 0.700000 0.200000 0.200000\n");
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAPipelineFileWorksLikeOps() throws IOException {
        Path in = folderWith("messi5.jpg");
        Path pipeline = Files.writeString(temp.resolve("pipeline.txt"),
                "# colour and noise\nbrightness=0.3\ngauss-noise=10  # sensor noise\n");
        Result first = run(in.toString(), temp.resolve("a").toString(), "--pipeline", pipeline.toString(), "--seed", "5");
        Result again = run(in.toString(), temp.resolve("b").toString(), "--ops", "brightness=0.3, gauss-noise=10",
                "--seed", "5");
        Result other = run(in.toString(), temp.resolve("c").toString(), "--ops", "brightness=0.3, gauss-noise=10",
                "--seed", "6");
        assertThat(List.of(first.exitCode(), again.exitCode(), other.exitCode())).containsOnly(ExitCode.OK);
        byte[] written = Files.readAllBytes(temp.resolve("a/messi5-1.jpg"));
        assertThat(Files.readAllBytes(temp.resolve("b/messi5-1.jpg"))).isEqualTo(written);
        assertThat(Files.readAllBytes(temp.resolve("c/messi5-1.jpg"))).isNotEqualTo(written);
    }

    @Test
    void badInputGivesAOneLineUsageErrorAndWritesNothing() throws IOException {
        Path in = folderWith("messi5.jpg");
        Path out = temp.resolve("out");
        assertUsageError(run(temp.resolve("missing").toString(), out.toString(), "--ops", "hflip"),
                "does not exist");
        assertUsageError(run(in.toString(), out.toString(), "--ops", "hflip,rotat=3"), "unknown op 'rotat'");
        assertUsageError(run(in.toString(), out.toString(), "--ops", "rotate=abc"), "'abc' is not a number");
        assertUsageError(run(in.toString(), out.toString(), "--ops", "hflip", "--copies", "0"),
                "--copies must be at least 1");
        assertUsageError(run(in.toString(), out.toString(), "--ops", "hflip", "--min-box-visibility", "2"),
                "--min-box-visibility must lie within 0:1");
        assertUsageError(run(in.toString(), out.toString(), "--ops", "hflip", "--labels", "coco"),
                "--labels must be voc, yolo or none");
        assertUsageError(run(in.toString(), out.toString(), "--labels", "voc", "--ops", "hflip"),
                "no VOC label file");
        assertUsageError(run(in.toString(), in.toString(), "--ops", "hflip"), "must differ from IN_DIR");
        assertUsageError(run(in.toString(), out.toString(), "--ops", "hflip", "--preview", "sheet.gif"),
                "--preview must be an image file");

        Files.writeString(in.resolve("messi5.xml"), "<annotation><object><name>x</name></object>");
        assertUsageError(run(in.toString(), out.toString(), "--labels", "voc", "--ops", "hflip"),
                "malformed VOC file");
        Files.writeString(in.resolve("messi5.xml"), "<annotation><object><name>x</name><bndbox><xmin>a</xmin>"
                + "</bndbox></object></annotation>");
        assertUsageError(run(in.toString(), out.toString(), "--labels", "voc", "--ops", "hflip"),
                "object 1 has xmin 'a', which is not a number");
        Files.writeString(in.resolve("messi5.txt"), "0 0.5 0.5 0.2\n");
        assertUsageError(run(in.toString(), out.toString(), "--labels", "yolo", "--ops", "hflip"),
                "malformed YOLO label");

        Path mixed = folderWith("messi5.jpg");
        Files.write(mixed.resolve("zz-broken.jpg"), "not a picture".getBytes(StandardCharsets.UTF_8));
        assertUsageError(run(mixed.toString(), out.toString(), "--ops", "hflip"), "cannot read image");

        assertThat(out).doesNotExist();
        try (Stream<Path> left = Files.list(temp)) {
            assertThat(left.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith(".out"));
        }
    }

    @Test
    void aPipelineIsRequired() throws IOException {
        Path in = folderWith("messi5.jpg");
        Result run = run(in.toString(), temp.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("--ops").contains("--pipeline");
    }

    @Test
    void helpListsTheOps() {
        Result run = run("--help");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Ops:").contains("gauss-noise=SIGMA").contains("--min-box-visibility");
    }

    /** Checks the exit code and that the error is one line, after any progress bar drawn before the failure. */
    private static void assertUsageError(Result run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        List<String> errorLines = run.err().lines().filter(line -> !line.isBlank() && !line.contains("img (")).toList();
        assertThat(errorLines).as(run.err()).hasSize(1);
        assertThat(errorLines.get(0)).startsWith("cvkit: ").contains(message);
    }

    /** @return a new folder holding copies of the named OpenCV sample images */
    private Path folderWith(String... samples) throws IOException {
        Path folder = Files.createTempDirectory(temp, "in");
        for (String sample : samples) {
            Files.copy(SharedAssets.resolve(sample), folder.resolve(sample));
        }
        return folder;
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static Result run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "augment";
        System.arraycopy(args, 0, command, 1, args.length);
        return CommandRunner.run(command);
    }
}
