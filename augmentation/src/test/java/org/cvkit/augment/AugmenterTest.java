package org.cvkit.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.cvkit.augment.spec.AugmentationSpec;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final Transform PIPELINE =
            AugmentationSpec.parse("hflip@0.5, rotate=20, brightness=0.2, gauss-noise=5, cutout=0.2@0.5");

    @Test
    void sampleIndexSelectsTheIndexthValueOfTheSeedStream() {
        SplittableRandom stream = new SplittableRandom(42);
        Augmenter augmenter = new Augmenter(PIPELINE, 42);
        for (int index = 0; index < 5; index++) {
            long expectedSeed = stream.nextLong();
            assertThat(augmenter.randomFor(index).nextLong()).isEqualTo(new SplittableRandom(expectedSeed).nextLong());
        }
    }

    @Test
    void sameSeedAndIndexGiveTheSamePixelsAndOtherIndicesDiffer() {
        Augmenter augmenter = new Augmenter(PIPELINE, 7);
        try (Sample input = Sample.of(TestImages.noise(64, 48, 3, 1));
             Sample first = augmenter.apply(input, 3); Sample again = new Augmenter(PIPELINE, 7).apply(input, 3);
             Sample other = augmenter.apply(input, 4); Sample otherSeed = new Augmenter(PIPELINE, 8).apply(input, 3)) {
            assertThat(TestImages.bytes(again.image())).isEqualTo(TestImages.bytes(first.image()));
            assertThat(TestImages.bytes(other.image())).isNotEqualTo(TestImages.bytes(first.image()));
            assertThat(TestImages.bytes(otherSeed.image())).isNotEqualTo(TestImages.bytes(first.image()));
        }
    }

    @Test
    void threadsReproduceTheSequentialResults() throws Exception {
        Augmenter augmenter = new Augmenter(PIPELINE, 11);
        int samples = 16;
        try (Sample input = Sample.of(TestImages.noise(64, 48, 3, 2))) {
            List<byte[]> sequential = IntStream.range(0, samples).mapToObj(i -> pixels(augmenter, input, i)).toList();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<byte[]>> parallel = IntStream.range(0, samples).map(i -> samples - 1 - i)
                        .mapToObj(i -> pool.submit(() -> pixels(augmenter, input, i))).toList();
                for (int i = 0; i < samples; i++) {
                    assertThat(parallel.get(samples - 1 - i).get()).isEqualTo(sequential.get(i));
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static byte[] pixels(Augmenter augmenter, Sample input, long index) {
        try (Sample output = augmenter.apply(input, index)) {
            return TestImages.bytes(output.image());
        }
    }
}
