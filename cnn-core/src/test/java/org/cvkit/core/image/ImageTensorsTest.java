package org.cvkit.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.cvkit.core.image.TestImages.assertPixels;
import static org.cvkit.core.image.TestImages.mat;
import static org.cvkit.core.image.TestImages.uniform;

import java.awt.image.BufferedImage;
import java.util.List;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ImageTensorsTest {

    private static final ImageTensorFormat BGR_LEVELS =
            new ImageTensorFormat(ChannelOrder.BGR, Normalization.scaleOnly(1));
    private static final ImageTensorFormat RGB_LEVELS =
            new ImageTensorFormat(ChannelOrder.RGB, Normalization.scaleOnly(1));

    /** Every level 0..255 appears in every channel, shifted per channel. */
    private static final TestImages.Levels ALL_LEVELS = (row, column, channel) -> (row * 16 + column + 85 * channel) % 256;

    @Test
    void bgrMatBecomesPlanarTensorInTheRequestedChannelOrder() {
        int[][] bgrPixels = {{10, 20, 30}, {40, 50, 60}};
        try (Mat image = mat(1, 2, 3, (row, column, channel) -> bgrPixels[column][channel]);
             INDArray bgr = ImageTensors.toTensor(image, BGR_LEVELS);
             INDArray rgb = ImageTensors.toTensor(image, RGB_LEVELS)) {
            assertThat(bgr.shape()).containsExactly(1, 3, 1, 2);
            assertThat(bgr.dataType()).isEqualTo(DataType.FLOAT);
            assertThat(bgr.ravel().toFloatVector()).containsExactly(10, 40, 20, 50, 30, 60);
            assertThat(rgb.ravel().toFloatVector()).containsExactly(30, 60, 20, 50, 10, 40);
        }
    }

    @Test
    void pureRedLandsInChannelZeroForRgbAndChannelTwoForBgr() {
        try (Mat red = uniform(1, 1, 0, 0, 255);
             INDArray rgb = ImageTensors.toTensor(red, ImageTensorFormat.RGB_UNIT);
             INDArray bgr = ImageTensors.toTensor(red, ImageTensorFormat.BGR_UNIT)) {
            assertThat(rgb.ravel().toFloatVector()).containsExactly(1, 0, 0);
            assertThat(bgr.ravel().toFloatVector()).containsExactly(0, 0, 1);
        }
    }

    @Test
    void everyLevelSurvivesTheRoundTripThroughEachPresetFormat() {
        List<ImageTensorFormat> formats = List.of(ImageTensorFormat.RGB_UNIT, ImageTensorFormat.BGR_UNIT,
                ImageTensorFormat.RGB_IMAGENET, ImageTensorFormat.BGR_CAFFE);
        try (Mat image = mat(16, 16, 3, ALL_LEVELS)) {
            for (ImageTensorFormat format : formats) {
                try (INDArray tensor = ImageTensors.toTensor(image, format);
                     Mat back = ImageTensors.toMat(tensor, format)) {
                    assertPixels(back, 16, 16, 3, ALL_LEVELS);
                }
            }
        }
    }

    @Test
    void unitScalingDividesByTwoHundredFiftyFive() {
        try (Mat image = uniform(1, 1, 51, 102, 255);
             INDArray tensor = ImageTensors.toTensor(image, ImageTensorFormat.BGR_UNIT)) {
            assertThat(tensor.ravel().toFloatVector()).containsExactly(0.2f, 0.4f, 1f);
        }
    }

    @Test
    void imagenetNormalizationSubtractsMeanAndDividesByStdInRgbOrder() {
        // R = 255 -> (1 - 0.485) / 0.229; G = 0 -> -0.456 / 0.224; B = 51 -> (0.2 - 0.406) / 0.225
        try (Mat image = uniform(1, 1, 51, 0, 255);
             INDArray tensor = ImageTensors.toTensor(image, ImageTensorFormat.RGB_IMAGENET)) {
            float[] values = tensor.ravel().toFloatVector();
            assertThat(values[0]).isCloseTo(2.2489083f, within(1e-5f));
            assertThat(values[1]).isCloseTo(-2.0357143f, within(1e-5f));
            assertThat(values[2]).isCloseTo(-0.9155556f, within(1e-5f));
        }
    }

    @Test
    void caffeFormatSubtractsTheBgrMeanWithoutScaling() {
        try (Mat image = uniform(1, 1, 100, 120, 130);
             INDArray tensor = ImageTensors.toTensor(image, ImageTensorFormat.BGR_CAFFE)) {
            float[] values = tensor.ravel().toFloatVector();
            assertThat(values[0]).isCloseTo(-3.939f, within(1e-4f));
            assertThat(values[1]).isCloseTo(3.221f, within(1e-4f));
            assertThat(values[2]).isCloseTo(6.32f, within(1e-4f));
        }
    }

    @Test
    void toMatRoundsToTheNearestLevelAndClampsToTheByteRange() {
        float[] values = {-0.2f, 100.4f / 255, 100.6f / 255, 1.7f};
        try (INDArray tensor = Nd4j.create(values, new long[] {1, 1, 1, 4}, 'c');
             Mat image = ImageTensors.toMat(tensor, ImageTensorFormat.RGB_UNIT)) {
            int[] expected = {0, 100, 101, 255};
            assertPixels(image, 1, 4, 1, (row, column, channel) -> expected[column]);
        }
    }

    @Test
    void grayMatGivesOneChannelTensorAndComesBackGray() {
        try (Mat gray = mat(2, 3, 1, (row, column, channel) -> 40 * row + 10 * column);
             INDArray tensor = ImageTensors.toTensor(gray, ImageTensorFormat.RGB_UNIT);
             Mat back = ImageTensors.toMat(tensor, ImageTensorFormat.RGB_UNIT)) {
            assertThat(tensor.shape()).containsExactly(1, 1, 2, 3);
            assertThat(tensor.ravel().toFloatVector()).containsExactly(0f, 10 / 255f, 20 / 255f, 40 / 255f, 50 / 255f,
                    60 / 255f);
            assertPixels(back, 2, 3, 1, (row, column, channel) -> 40 * row + 10 * column);
        }
    }

    @Test
    void bufferedImageColoursLandInTheirChannels() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xFF0000);
        image.setRGB(1, 0, 0x0080FF);
        try (INDArray rgb = ImageTensors.toTensor(image, RGB_LEVELS);
             INDArray bgr = ImageTensors.toTensor(image, BGR_LEVELS)) {
            assertThat(rgb.ravel().toFloatVector()).containsExactly(255, 0, 0, 128, 0, 255);
            assertThat(bgr.ravel().toFloatVector()).containsExactly(0, 255, 0, 128, 255, 0);
        }
    }

    @Test
    void threeByteBgrSubimageIsReadFromItsOwnRegion() {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, (10 * x) << 16 | (10 * y) << 8 | 7);
            }
        }
        try (INDArray tensor = ImageTensors.toTensor(image.getSubimage(1, 2, 2, 1), RGB_LEVELS)) {
            assertThat(tensor.shape()).containsExactly(1, 3, 1, 2);
            assertThat(tensor.ravel().toFloatVector()).containsExactly(10, 20, 20, 20, 7, 7);
        }
    }

    @Test
    void grayBufferedImageGivesOneChannel() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setSample(0, 0, 0, 17);
        image.getRaster().setSample(1, 0, 0, 250);
        try (INDArray tensor = ImageTensors.toTensor(image, RGB_LEVELS)) {
            assertThat(tensor.shape()).containsExactly(1, 1, 1, 2);
            assertThat(tensor.ravel().toFloatVector()).containsExactly(17, 250);
        }
    }

    @Test
    void tensorBecomesBufferedImageWithTheOriginalColours() {
        try (INDArray tensor = Nd4j.create(new float[] {1, 0, 0, 0.5f, 0, 1}, new long[] {1, 3, 1, 2}, 'c')) {
            BufferedImage image = ImageTensors.toBufferedImage(tensor, ImageTensorFormat.RGB_UNIT);
            assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            assertThat(image.getRGB(0, 0)).isEqualTo(0xFFFF0000);
            assertThat(image.getRGB(1, 0)).isEqualTo(0xFF0080FF);
        }
    }

    @Test
    void grayTensorBecomesByteGrayImage() {
        try (INDArray tensor = Nd4j.create(new float[] {0, 1, 0.2f}, new long[] {1, 1, 1, 3}, 'c')) {
            BufferedImage image = ImageTensors.toBufferedImage(tensor, ImageTensorFormat.BGR_UNIT);
            assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
            assertThat(image.getRaster().getSamples(0, 0, 3, 1, 0, (int[]) null)).containsExactly(0, 255, 51);
        }
    }

    @Test
    void batchStacksImagesInOrderAndGivesEachBack() {
        try (Mat first = uniform(2, 3, 1, 2, 3);
             Mat second = mat(2, 3, 3, ALL_LEVELS);
             INDArray batch = ImageTensors.toBatch(List.of(first, second), ImageTensorFormat.RGB_UNIT);
             Mat secondBack = ImageTensors.toMat(batch, 1, ImageTensorFormat.RGB_UNIT)) {
            assertThat(batch.shape()).containsExactly(2, 3, 2, 3);
            assertThat(batch.getFloat(0, 0, 1, 2)).isEqualTo(3 / 255f);
            assertThat(batch.getFloat(1, 2, 1, 0)).isEqualTo(16 / 255f);
            assertPixels(secondBack, 2, 3, 3, ALL_LEVELS);
            BufferedImage firstBack = ImageTensors.toBufferedImage(batch, 0, ImageTensorFormat.RGB_UNIT);
            assertThat(firstBack.getRGB(2, 1)).isEqualTo(0xFF030201);
        }
    }

    @Test
    void bufferedImagesStackIntoABatch() {
        BufferedImage first = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage second = new BufferedImage(1, 1, BufferedImage.TYPE_3BYTE_BGR);
        first.setRGB(0, 0, 0x010203);
        second.setRGB(0, 0, 0x040506);
        try (INDArray batch = ImageTensors.toBatchFromBufferedImages(List.of(first, second), RGB_LEVELS)) {
            assertThat(batch.shape()).containsExactly(2, 3, 1, 1);
            assertThat(batch.ravel().toFloatVector()).containsExactly(1, 2, 3, 4, 5, 6);
        }
    }

    @Test
    void frameGivesTheSameTensorAsItsMat() {
        try (Mat image = mat(3, 4, 3, ALL_LEVELS);
             Frame frame = ImageConversions.toFrame(image);
             INDArray fromFrame = ImageTensors.toTensor(frame, ImageTensorFormat.RGB_IMAGENET);
             INDArray fromMat = ImageTensors.toTensor(image, ImageTensorFormat.RGB_IMAGENET)) {
            assertThat(fromFrame).isEqualTo(fromMat);
        }
    }

    @Test
    void nonFloatTensorsAreReadToo() {
        try (INDArray tensor = Nd4j.create(new double[] {12, 200}, new long[] {1, 1, 1, 2}, 'c');
             Mat image = ImageTensors.toMat(tensor, RGB_LEVELS)) {
            assertThat(tensor.dataType()).isEqualTo(DataType.DOUBLE);
            assertPixels(image, 1, 2, 1, (row, column, channel) -> column == 0 ? 12 : 200);
        }
    }

    @Test
    void rejectsEmptyMat() {
        try (Mat empty = new Mat()) {
            assertThatThrownBy(() -> ImageTensors.toTensor(empty, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
        }
    }

    @Test
    void rejectsFourChannelMat() {
        try (Mat bgra = uniform(2, 2, 1, 2, 3, 4)) {
            assertThatThrownBy(() -> ImageTensors.toTensor(bgra, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("4 channels").hasMessageContaining("COLOR_BGRA2BGR");
        }
    }

    @Test
    void rejectsFloatMat() {
        try (Mat floats = new Mat(2, 2, CV_32FC3)) {
            assertThatThrownBy(() -> ImageTensors.toTensor(floats, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CV_32F").hasMessageContaining("convertTo");
        }
    }

    @Test
    void rejectsThreeChannelNormalizationForGrayImage() {
        try (Mat gray = uniform(2, 2, 9)) {
            assertThatThrownBy(() -> ImageTensors.toTensor(gray, ImageTensorFormat.RGB_IMAGENET))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3 channels but the image has 1");
        }
    }

    @Test
    void rejectsTensorsThatAreNotNchwImages() {
        try (INDArray rankThree = Nd4j.zeros(DataType.FLOAT, 3, 2, 2);
             INDArray twoChannels = Nd4j.zeros(DataType.FLOAT, 1, 2, 2, 2);
             INDArray nhwc = Nd4j.zeros(DataType.FLOAT, 1, 4, 4, 3)) {
            assertThatThrownBy(() -> ImageTensors.toMat(rankThree, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[3, 2, 2]");
            assertThatThrownBy(() -> ImageTensors.toMat(twoChannels, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 2");
            assertThatThrownBy(() -> ImageTensors.toBufferedImage(nhwc, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NHWC");
        }
    }

    @Test
    void rejectsBatchWhereOneImageIsExpected() {
        try (INDArray batch = Nd4j.zeros(DataType.FLOAT, 2, 3, 2, 2)) {
            assertThatThrownBy(() -> ImageTensors.toMat(batch, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch of 2");
            assertThatThrownBy(() -> ImageTensors.toBufferedImage(batch, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch of 2");
        }
    }

    @Test
    void rejectsIndexOutsideTheBatch() {
        try (INDArray batch = Nd4j.zeros(DataType.FLOAT, 2, 3, 2, 2)) {
            assertThatThrownBy(() -> ImageTensors.toMat(batch, 2, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 2");
            assertThatThrownBy(() -> ImageTensors.toBufferedImage(batch, -1, ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index -1");
        }
    }

    @Test
    void rejectsBatchesOfMixedOrNoImages() {
        try (Mat small = uniform(2, 2, 1, 2, 3);
             Mat large = uniform(2, 3, 1, 2, 3);
             Mat gray = uniform(2, 2, 7)) {
            assertThatThrownBy(() -> ImageTensors.toBatch(List.of(small, large), ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2x3 and 3x2x3");
            assertThatThrownBy(() -> ImageTensors.toBatch(List.of(small, gray), ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2x2x3 and 2x2x1");
            assertThatThrownBy(() -> ImageTensors.toBatch(List.of(), ImageTensorFormat.RGB_UNIT))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        }
    }
}
