package org.cvkit.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

class RandomMirrorShiftTest {

    private static final int IMAGES = 300;

    /** {@code IMAGES} copies of the 1x4 image [0, 1, 2, 3]. */
    private static DataSet rows() {
        float[] values = new float[IMAGES * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 4;
        }
        return new DataSet(Nd4j.create(values, new long[] {IMAGES, 1, 1, 4}, 'c'), Nd4j.ones(IMAGES, 2));
    }

    private static List<List<Float>> images(DataSet batch) {
        float[] values = batch.getFeatures().data().asFloat();
        return java.util.stream.IntStream.range(0, IMAGES)
                .mapToObj(i -> {
                    Float[] row = new Float[4];
                    for (int x = 0; x < 4; x++) {
                        row[x] = values[i * 4 + x];
                    }
                    return Arrays.asList(row);
                })
                .toList();
    }

    /* Shifts of [0, 1, 2, 3] by -1, 0, +1 with the border value filling in, and their mirror images. */
    @Test
    void everyImageIsOneOfTheSixMirroredOrShiftedCopiesAndAllOccur() {
        DataSet batch = rows();

        new RandomMirrorShift(1, 7).preProcess(batch);

        Set<List<Float>> allowed = Set.of(List.of(0f, 1f, 2f, 3f), List.of(0f, 0f, 1f, 2f), List.of(1f, 2f, 3f, 3f),
                List.of(3f, 2f, 1f, 0f), List.of(3f, 3f, 2f, 1f), List.of(2f, 1f, 0f, 0f));
        List<List<Float>> images = images(batch);
        assertThat(allowed).containsAll(images);
        assertThat(new HashSet<>(images)).hasSize(6);
        assertThat(batch.getLabels()).isEqualTo(Nd4j.ones(IMAGES, 2));
    }

    @Test
    void withoutShiftsAboutHalfTheImagesAreMirrored() {
        DataSet batch = rows();

        new RandomMirrorShift(0, 3).preProcess(batch);

        long mirrored = images(batch).stream().filter(image -> image.equals(List.of(3f, 2f, 1f, 0f))).count();
        long unchanged = images(batch).stream().filter(image -> image.equals(List.of(0f, 1f, 2f, 3f))).count();
        assertThat(mirrored + unchanged).isEqualTo(IMAGES);
        assertThat(mirrored).isBetween(120L, 180L);
    }

    @Test
    void theSameSeedDrawsTheSameAugmentation() {
        DataSet first = rows();
        DataSet second = rows();

        new RandomMirrorShift(1, 11).preProcess(first);
        new RandomMirrorShift(1, 11).preProcess(second);

        assertThat(first.getFeatures()).isEqualTo(second.getFeatures());
    }

    @Test
    void rejectsNegativeShiftsAndFlatFeatures() {
        assertThatThrownBy(() -> new RandomMirrorShift(-1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 or more");
        INDArray flat = Nd4j.zeros(2, 16);
        assertThatThrownBy(() -> new RandomMirrorShift(1, 0).preProcess(new DataSet(flat, Nd4j.zeros(2, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NCHW");
    }
}
