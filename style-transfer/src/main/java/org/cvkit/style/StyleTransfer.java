package org.cvkit.style;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.cvkit.core.geometry.ImageSize;
import org.cvkit.core.image.ImageTensorFormat;
import org.cvkit.core.image.ImageTensors;
import org.cvkit.core.image.QualityResize;
import org.cvkit.style.colour.Luminance;
import org.cvkit.style.loss.LossValues;
import org.cvkit.style.loss.LossWeights;
import org.cvkit.style.network.LossNetwork;
import org.cvkit.style.optim.ImageOptimizer;
import org.cvkit.style.optim.OptimizerKind;
import org.imgscalr.Scalr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Neural style transfer (Gatys et al. 2015): optimizes the pixels of an image so that its activations in a loss
 * network match the content image's at the content layer and its Gram matrices match the style image's at the
 * style layers (see {@link TransferObjective}).
 *
 * <p>Coarse to fine: with several scales the image is first optimized at the output size halved (once per extra
 * scale), then upsampled and optimized again; the iterations are shared equally between the scales, and each
 * halving makes an iteration about four times cheaper. The style image is resized to each scale's longest side. With colour preservation the transfer runs on luminance and the
 * result takes the content's colour. Runs are deterministic: the only randomness is the seeded noise of
 * {@link Initialization#NOISE} and {@link Initialization#MIX}.
 *
 * <pre>{@code
 * StyleTransfer transfer = StyleTransfer.builder(LossNetworkPreset.AUTO.create(store, 42))
 *         .optIterations(150).optScales(2).build();
 * TransferResult result = transfer.apply(content, style, 384);
 * }</pre>
 */
public final class StyleTransfer {

    /** Iterations unless set otherwise. */
    public static final int DEFAULT_ITERATIONS = 150;

    private static final ImageTensorFormat PIXELS = ImageTensorFormat.RGB_UNIT;

    private final LossNetwork network;
    private final LossWeights weights;
    private final int iterations;
    private final int scales;
    private final Supplier<ImageOptimizer> optimizer;
    private final Initialization initialization;
    private final boolean preserveColour;
    private final long seed;
    private final ProgressListener progress;
    private final int snapshotEvery;
    private final SnapshotListener snapshots;

    private StyleTransfer(Builder builder) {
        this.network = builder.network;
        this.weights = builder.weights;
        this.iterations = builder.iterations;
        this.scales = builder.scales;
        this.optimizer = builder.optimizer;
        this.initialization = builder.initialization;
        this.preserveColour = builder.preserveColour;
        this.seed = builder.seed;
        this.progress = builder.progress;
        this.snapshotEvery = builder.snapshotEvery;
        this.snapshots = builder.snapshots;
    }

    /**
     * @param network the loss network, with its content and style layers
     * @return a builder for the optional settings
     */
    public static Builder builder(LossNetwork network) {
        return new Builder(network);
    }

    /**
     * Transfers the style of one image onto another.
     *
     * @param content     the content image
     * @param style       the style image, of any size
     * @param longestSide the longest side of the result; the content's aspect ratio is kept
     * @return the stylized image and the losses before and after
     * @throws IllegalArgumentException if the size is too small for the network at the coarsest scale
     * @throws IOException              if a snapshot listener fails
     */
    public TransferResult apply(BufferedImage content, BufferedImage style, int longestSide) throws IOException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(style, "style");
        ScalePlan plan = ScalePlan.of(new ImageSize(content.getWidth(), content.getHeight()), longestSide, scales,
                iterations, network.minimumSide());
        BufferedImage contentInput = preserveColour ? Luminance.of(content) : content;
        BufferedImage styleInput = preserveColour ? Luminance.matched(style, content) : style;
        long start = System.nanoTime();
        INDArray image = null;
        LossValues initial = null;
        LossValues last = null;
        int done = 0;
        try {
            for (int scale = 0; scale < plan.scales(); scale++) {
                int side = plan.longestSides().get(scale);
                BufferedImage contentPicture = QualityResize.toLongestSide(contentInput, side, Scalr.Method.QUALITY);
                ImageSize size = new ImageSize(contentPicture.getWidth(), contentPicture.getHeight());
                try (INDArray contentTensor = ImageTensors.toTensor(contentPicture, PIXELS);
                     INDArray styleTensor = ImageTensors.toTensor(
                             QualityResize.toLongestSide(styleInput, side, Scalr.Method.QUALITY), PIXELS);
                     TransferObjective objective = new TransferObjective(network, contentTensor, styleTensor, weights);
                     ImageOptimizer steps = optimizer.get()) {
                    INDArray next = image == null ? initialization.create(contentTensor, seed) : resized(image, size);
                    if (image != null) {
                        image.close();
                    }
                    image = next;
                    for (int k = 0; k < plan.iterations().get(scale); k++) {
                        LossValues losses = steps.step(image, objective);
                        done++;
                        progress.onIteration(new Progress(done, iterations, scale + 1, plan.scales(), size, losses,
                                Duration.ofNanos(System.nanoTime() - start)));
                        if (snapshotEvery > 0 && done % snapshotEvery == 0) {
                            snapshots.onSnapshot(done, picture(image, content));
                        }
                    }
                    if (scale == plan.scales() - 1) {
                        try (INDArray startingImage = initialization.create(contentTensor, seed)) {
                            initial = objective.losses(startingImage);
                        }
                        last = objective.losses(image);
                    }
                }
            }
            return new TransferResult(picture(image, content), done, Duration.ofNanos(System.nanoTime() - start),
                    initial, last);
        } finally {
            if (image != null) {
                image.close();
            }
        }
    }

    /** @return the image resized to the given size, as a new tensor */
    private static INDArray resized(INDArray image, ImageSize size) {
        BufferedImage picture = ImageTensors.toBufferedImage(image, PIXELS);
        return ImageTensors.toTensor(QualityResize.toSize(picture, size, Scalr.Method.QUALITY), PIXELS);
    }

    /** @return the tensor as a picture, recoloured from the content when colour is preserved */
    private BufferedImage picture(INDArray image, BufferedImage content) {
        BufferedImage picture = ImageTensors.toBufferedImage(image, PIXELS);
        if (!preserveColour) {
            return picture;
        }
        BufferedImage colour = QualityResize.toSize(content, new ImageSize(picture.getWidth(), picture.getHeight()),
                Scalr.Method.QUALITY);
        return Luminance.recombine(picture, colour);
    }

    /** Collects the optional settings of a {@link StyleTransfer}. */
    public static final class Builder {

        private final LossNetwork network;
        private LossWeights weights = LossWeights.DEFAULT;
        private int iterations = DEFAULT_ITERATIONS;
        private int scales = 1;
        private Supplier<ImageOptimizer> optimizer = OptimizerKind.LBFGS::create;
        private Initialization initialization = Initialization.CONTENT;
        private boolean preserveColour;
        private long seed;
        private ProgressListener progress = ignored -> { };
        private int snapshotEvery;
        private SnapshotListener snapshots = (iteration, image) -> { };

        private Builder(LossNetwork network) {
            this.network = Objects.requireNonNull(network, "network");
        }

        /**
         * @param value the weights of content, style and total variation (default {@link LossWeights#DEFAULT})
         * @return this builder
         */
        public Builder optWeights(LossWeights value) {
            this.weights = Objects.requireNonNull(value, "weights");
            return this;
        }

        /**
         * @param value iterations over all scales, positive (default {@value #DEFAULT_ITERATIONS})
         * @return this builder
         */
        public Builder optIterations(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("the number of iterations must be positive but is " + value);
            }
            this.iterations = value;
            return this;
        }

        /**
         * @param value the number of scales, coarse to fine, positive (default 1: the output size only)
         * @return this builder
         */
        public Builder optScales(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("the number of scales must be positive but is " + value);
            }
            this.scales = value;
            return this;
        }

        /**
         * @param value makes a fresh optimizer for each scale (default L-BFGS: {@code OptimizerKind.LBFGS::create})
         * @return this builder
         */
        public Builder optOptimizer(Supplier<ImageOptimizer> value) {
            this.optimizer = Objects.requireNonNull(value, "optimizer");
            return this;
        }

        /**
         * @param value where the optimization starts (default {@link Initialization#CONTENT})
         * @return this builder
         */
        public Builder optInitialization(Initialization value) {
            this.initialization = Objects.requireNonNull(value, "initialization");
            return this;
        }

        /**
         * @param value whether to transfer luminance only and keep the content's colour (default false)
         * @return this builder
         */
        public Builder optPreserveColour(boolean value) {
            this.preserveColour = value;
            return this;
        }

        /**
         * @param value seed of the starting noise (default 0)
         * @return this builder
         */
        public Builder optSeed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param value called after every iteration (default: nothing)
         * @return this builder
         */
        public Builder optProgress(ProgressListener value) {
            this.progress = Objects.requireNonNull(value, "progress");
            return this;
        }

        /**
         * @param every    hand the current image to the listener every this many iterations, positive
         * @param listener receives the pictures
         * @return this builder
         */
        public Builder optSnapshots(int every, SnapshotListener listener) {
            if (every < 1) {
                throw new IllegalArgumentException("snapshots are taken every N iterations with N positive, but N"
                        + " is " + every);
            }
            this.snapshotEvery = every;
            this.snapshots = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** @return the configured transfer */
        public StyleTransfer build() {
            return new StyleTransfer(this);
        }
    }
}
