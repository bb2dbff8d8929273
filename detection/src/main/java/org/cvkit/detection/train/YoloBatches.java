package org.cvkit.detection.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.cvkit.augment.Augmenter;
import org.cvkit.augment.LabeledBox;
import org.cvkit.augment.Sample;
import org.cvkit.core.data.PreProcessedBatches;
import org.cvkit.core.geometry.Box;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageConversions;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.detection.dataset.DetectionSample;
import org.cvkit.detection.geometry.GroundTruth;
import org.cvkit.detection.yolo.YoloTargetEncoder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches of detection samples for a {@link YoloNetwork}: features {@code [N, 3, S, S]} (RGB in [0, 1], each
 * image stretched to the network input with {@link TrainedYolo#toInput}) and labels {@code [N, A·(5+C), G, G]}
 * ({@link YoloTargetEncoder} targets laid out by {@link YoloLoss#labels}). The samples are shuffled anew every
 * epoch, and with an {@link Augmenter} every image is augmented (boxes moving with the pixels) before it is
 * encoded; objects whose boxes an augmentation pushes out of the image are dropped. The constructor and every
 * {@link #reset()} start an epoch, numbered from 0; epoch {@code e} augments its {@code k}-th image with
 * {@code augmenter.apply(sample, e · size + k)}, so runs are reproducible.
 */
public final class YoloBatches extends PreProcessedBatches {

    private static final long serialVersionUID = 1L;

    private final List<DetectionSample> samples;
    private final YoloTargetEncoder encoder;
    private final ImageSize inputSize;
    private final int batchSize;
    private final Augmenter augmenter;
    private final long seed;
    private final List<Integer> order;
    private int epoch = -1;
    private int position;

    /**
     * @param samples   the training samples, at least one; boxes in pixels
     * @param encoder   the grid, anchors and classes of the targets
     * @param inputSize the network input
     * @param batchSize samples per batch, positive (the last batch of an epoch may be smaller)
     * @param augmenter the augmentation, if any
     * @param seed      the seed of the shuffling
     * @throws IllegalArgumentException if there are no samples or the batch size is not positive
     */
    public YoloBatches(List<DetectionSample> samples, YoloTargetEncoder encoder, ImageSize inputSize, int batchSize,
                       Optional<Augmenter> augmenter, long seed) {
        this.samples = List.copyOf(samples);
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        this.inputSize = Objects.requireNonNull(inputSize, "inputSize");
        this.augmenter = augmenter.orElse(null);
        this.seed = seed;
        if (this.samples.isEmpty() || batchSize < 1) {
            throw new IllegalArgumentException("training needs at least one sample and a positive batch size but got "
                    + this.samples.size() + " samples and batch size " + batchSize);
        }
        this.batchSize = batchSize;
        this.order = new ArrayList<>(this.samples.size());
        reset();
    }

    @Override
    public boolean hasNext() {
        return position < samples.size();
    }

    @Override
    public long examplesPerEpoch() {
        return samples.size();
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("the epoch's " + samples.size() + " samples are used up; call reset()");
        }
        int count = Math.min(samples.size() - position, num);
        int grid = encoder.gridSize();
        INDArray features = Nd4j.create(DataType.FLOAT, count, 3, inputSize.height(), inputSize.width());
        INDArray labels = Nd4j.create(DataType.FLOAT, count, totalOutcomes(), grid, grid);
        for (int i = 0; i < count; i++, position++) {
            long index = (long) epoch * samples.size() + position;
            encode(samples.get(order.get(position)), index, features.slice(i), labels.slice(i));
        }
        DataSet batch = new DataSet(features, labels);
        return preProcessed(batch);
    }

    /** Augments and encodes one sample into its slices of the batch. */
    private void encode(DetectionSample sample, long index, INDArray features, INDArray labels) {
        List<LabeledBox> boxes = sample.objects().stream()
                .map(o -> new LabeledBox(o.box(), Integer.toString(o.classIndex()))).toList();
        try (Sample original = Sample.of(ImageConversions.toMat(sample.image()), boxes, List.of());
             Sample augmented = augmenter == null ? original.copy() : augmenter.apply(original, index);
             Mat input = TrainedYolo.toInput(augmented.image(), inputSize);
             INDArray tensor = ImageTensors.toTensor(input, TrainedYolo.INPUT_FORMAT)) {
            features.assign(tensor.slice(0));
            List<GroundTruth> objects = new ArrayList<>();
            for (LabeledBox box : augmented.boxes()) {
                Box normalized = box.box().toNormalized(augmented.size());
                if (normalized.width() > 0 && normalized.height() > 0) {
                    objects.add(new GroundTruth(normalized, Integer.parseInt(box.label())));
                }
            }
            try (INDArray target = YoloLoss.labels(encoder.encode(objects))) {
                labels.assign(target);
            }
        }
    }

    @Override
    public int inputColumns() {
        return 3 * inputSize.width() * inputSize.height();
    }

    @Override
    public int totalOutcomes() {
        return encoder.anchors().size() * (5 + encoder.numClasses());
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    /** Starts the next epoch: a new shuffle and new augmentations. */
    @Override
    public void reset() {
        epoch++;
        position = 0;
        order.clear();
        for (int i = 0; i < samples.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed + epoch));
    }

    @Override
    public int batch() {
        return batchSize;
    }

    /** @return null: detection targets have no class labels in DL4J's sense */
    @Override
    public List<String> getLabels() {
        return null;
    }
}
