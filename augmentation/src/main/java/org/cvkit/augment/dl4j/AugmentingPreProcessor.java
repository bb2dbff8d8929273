package org.cvkit.augment.dl4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.Sample;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * Augments the images of every batch a DL4J iterator gives, in place, before any other pre-processor runs:
 * {@code AugmentingPreProcessor.install(iterator, augmenter, format)} is the one line training code needs.
 *
 * <p>Features must be an NCHW image batch {@code [N, C, H, W]} with 1 or 3 channels, in the channel order and
 * normalization that {@code format} names (for DataVec's {@code ImageRecordReader}: BGR levels 0..255, that is
 * {@code new ImageTensorFormat(ChannelOrder.BGR, Normalization.scaleOnly(1))}). Each image becomes an 8-bit Mat, is
 * augmented, and is written back, so levels are rounded to whole 8-bit steps. Labels are left alone: use this for
 * classification, with transforms that keep the image size. Images are numbered in the order they are processed,
 * and image number {@code k} is augmented with {@link Augmenter#apply(Sample, long) augmenter.apply(sample, k)}, so
 * a run over the same batches in the same order is reproducible.
 */
public final class AugmentingPreProcessor implements DataSetPreProcessor {

    private final Augmenter augmenter;
    private final ImageTensorFormat format;
    private final DataSetPreProcessor next;
    private final AtomicLong processed = new AtomicLong();

    /**
     * @param augmenter the seeded augmentation
     * @param format    how the features encode the images
     */
    public AugmentingPreProcessor(Augmenter augmenter, ImageTensorFormat format) {
        this(augmenter, format, null);
    }

    private AugmentingPreProcessor(Augmenter augmenter, ImageTensorFormat format, DataSetPreProcessor next) {
        this.augmenter = Objects.requireNonNull(augmenter, "augmenter");
        this.format = Objects.requireNonNull(format, "format");
        this.next = next;
    }

    /**
     * Makes an iterator augment its batches: the iterator's current pre-processor, if any (a normalizer, say), runs
     * after the augmentation.
     *
     * @param iterator  the iterator to change
     * @param augmenter the seeded augmentation
     * @param format    how the iterator's features encode the images before its own pre-processor runs
     * @return the installed pre-processor
     */
    public static AugmentingPreProcessor install(DataSetIterator iterator, Augmenter augmenter,
                                                 ImageTensorFormat format) {
        AugmentingPreProcessor preProcessor = new AugmentingPreProcessor(augmenter, format, iterator.getPreProcessor());
        iterator.setPreProcessor(preProcessor);
        return preProcessor;
    }

    /**
     * Augments every image of the batch in place, then runs the pre-processor that was installed before, if any.
     *
     * @throws IllegalArgumentException if the features are not an NCHW batch with 1 or 3 channels
     * @throws IllegalStateException    if the augmentation changes an image's size or channel count
     */
    @Override
    public void preProcess(DataSet dataSet) {
        INDArray features = dataSet.getFeatures();
        if (features == null || features.rank() != 4) {
            throw new IllegalArgumentException("expected features as an NCHW image batch [N, C, H, W] but their shape"
                    + " is " + (features == null ? "missing" : Arrays.toString(features.shape()))
                    + "; image iterators such as DataVec's RecordReaderDataSetIterator over ImageRecordReader give it");
        }
        for (int i = 0; i < features.size(0); i++) {
            try (Sample input = Sample.of(ImageTensors.toMat(features, i, format));
                 Sample output = augmenter.apply(input, processed.getAndIncrement())) {
                requireSameLayout(input, output);
                writeBack(features, i, output.image());
            }
        }
        if (next != null) {
            next.preProcess(dataSet);
        }
    }

    private void writeBack(INDArray features, int index, Mat image) {
        try (INDArray tensor = ImageTensors.toTensor(image, format)) {
            features.slice(index).assign(tensor.slice(0));
        }
    }

    private static void requireSameLayout(Sample input, Sample output) {
        if (!output.size().equals(input.size()) || output.channels() != input.channels()) {
            throw new IllegalStateException("the augmentation turned a " + input.size() + "x" + input.channels()
                    + " image into " + output.size() + "x" + output.channels() + ", which no longer fits the batch; "
                    + "end the pipeline with resize=" + input.size() + " or leave out size-changing steps");
        }
    }
}
