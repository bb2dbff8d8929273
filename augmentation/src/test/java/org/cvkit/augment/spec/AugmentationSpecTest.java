package org.cvkit.augment.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cvkit.augment.OneOf;
import org.cvkit.augment.Range;
import org.cvkit.augment.Sequence;
import org.cvkit.augment.Sometimes;
import org.cvkit.augment.colour.Brightness;
import org.cvkit.augment.colour.Contrast;
import org.cvkit.augment.colour.Grayscale;
import org.cvkit.augment.colour.HueSaturation;
import org.cvkit.augment.degrade.Cutout;
import org.cvkit.augment.degrade.GaussianNoise;
import org.cvkit.augment.degrade.MotionBlur;
import org.cvkit.augment.geometry.BorderMode;
import org.cvkit.augment.geometry.Flip;
import org.cvkit.augment.geometry.RandomAffine;
import org.cvkit.augment.geometry.RandomResizedCrop;
import org.cvkit.augment.geometry.Rotation;
import org.cvkit.core.geometry.ImageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentationSpecTest {

    @Test
    void readsTheIssuesExample() {
        assertThat(AugmentationSpec.parse("hflip,rotate=15,brightness=0.2,gauss-noise=8")).isEqualTo(Sequence.of(
                Flip.HORIZONTAL,
                new Rotation(new Range(-15, 15), false, BorderMode.CONSTANT),
                new Brightness(new Range(-0.2, 0.2)),
                new GaussianNoise(Range.fixed(8))));
    }

    @Test
    void readsProbabilitiesAlternativesRangesAndOptions() {
        assertThat(AugmentationSpec.parse(" hflip@0.5 , rotate=-10:30 expand=true border=reflect,"
                + "brightness=0.1|contrast=0.3@0.8, crop=64x48 area=0.5:1, motion-blur=3:9 angle=45, cutout=0.1 count=3,"
                + "affine scale=0.2 shear=5"))
                .isEqualTo(Sequence.of(
                        new Sometimes(0.5, Flip.HORIZONTAL),
                        new Rotation(new Range(-10, 30), true, BorderMode.REFLECT),
                        new Sometimes(0.8, OneOf.of(new Brightness(new Range(-0.1, 0.1)),
                                new Contrast(new Range(0.7, 1.3)))),
                        new RandomResizedCrop(new ImageSize(64, 48), new Range(0.5, 1),
                                RandomResizedCrop.DEFAULT_ASPECT_RATIO),
                        new MotionBlur(new Range(3, 9), Range.fixed(45)),
                        new Cutout(Range.fixed(0.1), 3),
                        new RandomAffine(new Range(0.8, 1.2), Range.fixed(0), new Range(-5, 5), BorderMode.CONSTANT)));
    }

    @Test
    void hueAndSaturationAreSeparateOps() {
        assertThat(AugmentationSpec.parse("hue=20, saturation=0.5")).isEqualTo(Sequence.of(
                new HueSaturation(new Range(-20, 20), Range.fixed(1)),
                new HueSaturation(Range.fixed(0), new Range(0.5, 1.5))));
    }

    @Test
    void explainsMistakes() {
        assertError("rotat=15", "in 'rotat=15': unknown op 'rotat'; known ops: hflip, vflip, rotate");
        assertError("rotate=abc", "rotate: 'abc' is not a number");
        assertError("rotate=-15", "a single value X means the range -X:X and must not be negative");
        assertError("rotate", "rotate needs a value: write rotate=a number or a range LO:HI");
        assertError("hflip=3", "hflip takes no value");
        assertError("rotate=15 spin=2", "rotate has no option 'spin'; it takes expand, border");
        assertError("rotate=15 border=mirror", "border must be one of constant, replicate, reflect, wrap");
        assertError("hflip@2", "'@2' must give a probability from 0 to 1");
        assertError("hflip|", "an alternative is empty");
        assertError("crop=64", "crop: image size '64' must look like WIDTHxHEIGHT");
        assertError("salt-pepper=1.5", "salt-and-pepper fraction must lie within 0.0:1.0");
        assertError(" , ", "no augmentation step given");
    }

    @Test
    void readsAFileWithCommentsAndLineNumbersInErrors(@TempDir Path folder) throws IOException {
        Path good = Files.writeString(folder.resolve("good.txt"), "# geometry\nhflip@0.5\n\nrotate=10 # small\n"
                + "gauss-noise=4, grayscale\n");
        assertThat(AugmentationSpec.read(good)).isEqualTo(new Sequence(List.of(new Sometimes(0.5, Flip.HORIZONTAL),
                new Rotation(new Range(-10, 10), false, BorderMode.CONSTANT), new GaussianNoise(Range.fixed(4)),
                new Grayscale())));
        Path bad = Files.writeString(folder.resolve("bad.txt"), "hflip\nblur=3\n");
        assertThatThrownBy(() -> AugmentationSpec.read(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.txt line 2: in 'blur=3': unknown op 'blur'");
        Path empty = Files.writeString(folder.resolve("empty.txt"), "# nothing\n");
        assertThatThrownBy(() -> AugmentationSpec.read(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no augmentation step");
    }

    @Test
    void helpListsEveryOp() {
        assertThat(AugmentationSpec.opHelp()).hasSize(19).anySatisfy(line -> assertThat(line).contains("gauss-noise=SIGMA"));
    }

    private static void assertError(String ops, String expected) {
        assertThatThrownBy(() -> AugmentationSpec.parse(ops)).as(ops).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(expected);
    }
}
