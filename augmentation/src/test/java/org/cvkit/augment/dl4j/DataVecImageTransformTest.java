package org.cvkit.augment.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.Range;
import org.cvkit.augment.TestImages;
import org.cvkit.augment.degrade.GaussianNoise;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.core.image.ImageConversions;
import org.datavec.image.data.ImageWritable;
import org.datavec.image.transform.ImageTransform;
import org.datavec.image.transform.PipelineImageTransform;
import org.junit.jupiter.api.Test;

class DataVecImageTransformTest {

    @Test
    void flipsTheFrameAndMapsQueriedPoints() {
        ImageTransform transform = new DataVecImageTransform(new Augmenter(Flip.HORIZONTAL, 1));
        try (Mat image = TestImages.noise(40, 20, 3, 1); Frame frame = ImageConversions.toFrame(image)) {
            ImageWritable output = transform.transform(new ImageWritable(frame));
            try (Mat flipped = ImageConversions.toMat(output.getFrame())) {
                assertThat(TestImages.level(flipped, 39, 5, 2)).isEqualTo(TestImages.level(image, 0, 5, 2));
            }
            assertThat(transform.getCurrentImage()).isSameAs(output);
            assertThat(transform.query(10, 3, 0, 20)).containsExactly(30, 3, 40, 20);
            assertThatThrownBy(() -> transform.query(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pairs");
            output.getFrame().close();
        }
    }

    @Test
    void worksInsideDataVecsPipelineAndFollowsItsRandom() {
        DataVecImageTransform noise = new DataVecImageTransform(new Augmenter(new GaussianNoise(Range.fixed(10)), 1));
        ImageTransform pipeline = new PipelineImageTransform(noise);
        try (Mat image = TestImages.filled(32, 32, 3, 128); Frame frame = ImageConversions.toFrame(image)) {
            byte[] first = levels(pipeline.transform(new ImageWritable(frame), new Random(5)));
            byte[] again = levels(pipeline.transform(new ImageWritable(frame), new Random(5)));
            byte[] other = levels(pipeline.transform(new ImageWritable(frame), new Random(6)));
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
        assertThat(noise.transform(null)).isNull();
    }

    private static byte[] levels(ImageWritable image) {
        try (Frame frame = image.getFrame(); Mat mat = ImageConversions.toMat(frame)) {
            return TestImages.bytes(mat);
        }
    }
}
