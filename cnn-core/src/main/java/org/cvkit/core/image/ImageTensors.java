package org.cvkit.core.image;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.opencv_core.Mat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Converts 8-bit images to ND4J float tensors in NCHW layout ({@code [N, C, H, W]}) and back.
 * The {@link ImageTensorFormat} names the tensor's channel order and normalization; converting back applies the
 * inverse normalization, then rounds and clamps to 0..255. Gray images give one-channel tensors. Pixels are read
 * and written with one bulk copy per image.
 */
public final class ImageTensors {

    private static final int MAX_LEVEL = 255;

    private ImageTensors() {
    }

    /**
     * Converts a Mat to a tensor {@code [1, C, H, W]}.
     *
     * @param image  an 8-bit BGR (CV_8UC3) or gray (CV_8UC1) Mat
     * @param format channel order and normalization of the tensor
     * @return a new float tensor
     * @throws IllegalArgumentException if the Mat is empty, not 8-bit, has other than 1 or 3 channels, or the
     *                                  normalization does not fit its channel count
     */
    public static INDArray toTensor(Mat image, ImageTensorFormat format) {
        return pack(List.of(PackedPixels.of(image)), format);
    }

    /**
     * Converts a BufferedImage to a tensor {@code [1, C, H, W]}; images with one colour component give one
     * channel, all others three (alpha is composited over black).
     *
     * @param image  the image, of any type
     * @param format channel order and normalization of the tensor
     * @return a new float tensor
     * @throws IllegalArgumentException if the normalization does not fit the image's channel count
     */
    public static INDArray toTensor(BufferedImage image, ImageTensorFormat format) {
        return pack(List.of(PackedPixels.of(image)), format);
    }

    /**
     * Converts the picture of a video frame to a tensor {@code [1, C, H, W]}, reading the frame's memory directly.
     *
     * @param frame  a frame holding an 8-bit BGR or gray picture
     * @param format channel order and normalization of the tensor
     * @return a new float tensor
     * @throws IllegalArgumentException if the frame holds no image or one that {@link #toTensor(Mat,
     *                                  ImageTensorFormat)} rejects
     */
    public static INDArray toTensor(Frame frame, ImageTensorFormat format) {
        PackedPixels pixels = ImageConversions.readFrame(frame, (Mat view) -> PackedPixels.of(view));
        return pack(List.of(pixels), format);
    }

    /**
     * Stacks Mats of one size and channel count into a batch {@code [N, C, H, W]}, in list order.
     *
     * @param images one or more 8-bit BGR or gray Mats of the same size and channel count
     * @param format channel order and normalization of the tensor
     * @return a new float tensor
     * @throws IllegalArgumentException if the list is empty, the images differ in size or channels, or one is
     *                                  rejected as by {@link #toTensor(Mat, ImageTensorFormat)}
     */
    public static INDArray toBatch(List<Mat> images, ImageTensorFormat format) {
        return pack(images.stream().map(PackedPixels::of).toList(), format);
    }

    /**
     * Stacks BufferedImages of one size and kind (gray or colour) into a batch {@code [N, C, H, W]}, in list order.
     *
     * @param images one or more images of the same size, all gray or all colour
     * @param format channel order and normalization of the tensor
     * @return a new float tensor
     * @throws IllegalArgumentException if the list is empty or the images differ in size or channels
     */
    public static INDArray toBatchFromBufferedImages(List<BufferedImage> images, ImageTensorFormat format) {
        return pack(images.stream().map(PackedPixels::of).toList(), format);
    }

    /**
     * Converts a single-image tensor {@code [1, C, H, W]} back to a Mat.
     *
     * @param tensor a tensor with one image and 1 or 3 channels
     * @param format the format the tensor is in
     * @return a new CV_8UC3 Mat in BGR order, or CV_8UC1 for one channel, which the caller closes
     * @throws IllegalArgumentException if the tensor is not {@code [1, C, H, W]} with C 1 or 3
     */
    public static Mat toMat(INDArray tensor, ImageTensorFormat format) {
        return unpack(tensor, singleImageIndex(tensor), format).toMat();
    }

    /**
     * Converts one image of a batch {@code [N, C, H, W]} back to a Mat.
     *
     * @param batch  a tensor with 1 or 3 channels
     * @param index  which image, from 0 to N - 1
     * @param format the format the tensor is in
     * @return a new CV_8UC3 Mat in BGR order, or CV_8UC1 for one channel, which the caller closes
     * @throws IllegalArgumentException if the tensor is not NCHW with C 1 or 3, or the index is out of range
     */
    public static Mat toMat(INDArray batch, int index, ImageTensorFormat format) {
        return unpack(batch, index, format).toMat();
    }

    /**
     * Converts a single-image tensor {@code [1, C, H, W]} back to an image.
     *
     * @param tensor a tensor with one image and 1 or 3 channels
     * @param format the format the tensor is in
     * @return a new {@code TYPE_3BYTE_BGR} image, or {@code TYPE_BYTE_GRAY} for one channel
     * @throws IllegalArgumentException if the tensor is not {@code [1, C, H, W]} with C 1 or 3
     */
    public static BufferedImage toBufferedImage(INDArray tensor, ImageTensorFormat format) {
        return unpack(tensor, singleImageIndex(tensor), format).toBufferedImage();
    }

    /**
     * Converts one image of a batch {@code [N, C, H, W]} back to an image.
     *
     * @param batch  a tensor with 1 or 3 channels
     * @param index  which image, from 0 to N - 1
     * @param format the format the tensor is in
     * @return a new {@code TYPE_3BYTE_BGR} image, or {@code TYPE_BYTE_GRAY} for one channel
     * @throws IllegalArgumentException if the tensor is not NCHW with C 1 or 3, or the index is out of range
     */
    public static BufferedImage toBufferedImage(INDArray batch, int index, ImageTensorFormat format) {
        return unpack(batch, index, format).toBufferedImage();
    }

    private static INDArray pack(List<PackedPixels> images, ImageTensorFormat format) {
        Objects.requireNonNull(format, "format");
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one image");
        }
        PackedPixels first = images.get(0);
        for (PackedPixels image : images) {
            if (!image.sameLayout(first)) {
                throw new IllegalArgumentException("all images of a batch must share size and channel count, but "
                        + first.layout() + " and " + image.layout() + " differ; resize or convert them first");
            }
        }
        int channels = first.channels();
        format.normalization().requireFits(channels);
        int planeSize = first.width() * first.height();
        int imageSize = planeSize * channels;
        float[] values = new float[Math.multiplyExact(imageSize, images.size())];
        for (int c = 0; c < channels; c++) {
            float[] valueOfLevel = new float[MAX_LEVEL + 1];
            for (int level = 0; level <= MAX_LEVEL; level++) {
                valueOfLevel[level] = (float) format.normalization().normalize(c, level);
            }
            int source = interleavedOffset(format.channelOrder(), channels, c);
            for (int n = 0; n < images.size(); n++) {
                byte[] pixels = images.get(n).data();
                int target = n * imageSize + c * planeSize;
                for (int i = 0; i < planeSize; i++) {
                    values[target + i] = valueOfLevel[pixels[i * channels + source] & 0xFF];
                }
            }
        }
        return Nd4j.create(values, new long[] {images.size(), channels, first.height(), first.width()}, 'c');
    }

    private static PackedPixels unpack(INDArray batch, int index, ImageTensorFormat format) {
        Objects.requireNonNull(format, "format");
        long[] shape = requireImageBatch(batch);
        if (index < 0 || index >= shape[0]) {
            throw new IllegalArgumentException("image index " + index + " is outside the batch of " + shape[0]
                    + " images " + Arrays.toString(shape));
        }
        int channels = (int) shape[1];
        format.normalization().requireFits(channels);
        int height = Math.toIntExact(shape[2]);
        int width = Math.toIntExact(shape[3]);
        int planeSize = Math.multiplyExact(width, height);
        float[] values;
        try (INDArray image = Nd4j.toFlattened('c', batch.slice(index))) {
            values = image.toFloatVector();
        }
        byte[] pixels = new byte[Math.multiplyExact(planeSize, channels)];
        Normalization normalization = format.normalization();
        for (int c = 0; c < channels; c++) {
            int target = interleavedOffset(format.channelOrder(), channels, c);
            int source = c * planeSize;
            for (int i = 0; i < planeSize; i++) {
                long level = Math.round(normalization.denormalize(c, values[source + i]));
                pixels[i * channels + target] = (byte) Math.max(0, Math.min(MAX_LEVEL, level));
            }
        }
        return new PackedPixels(width, height, channels, pixels);
    }

    private static int singleImageIndex(INDArray tensor) {
        long[] shape = requireImageBatch(tensor);
        if (shape[0] != 1) {
            throw new IllegalArgumentException("the tensor holds a batch of " + shape[0] + " images "
                    + Arrays.toString(shape) + "; pick one with the overload that takes an index");
        }
        return 0;
    }

    private static long[] requireImageBatch(INDArray tensor) {
        Objects.requireNonNull(tensor, "tensor");
        long[] shape = tensor.shape();
        if (shape.length != 4) {
            throw new IllegalArgumentException("expected an NCHW image tensor [N, C, H, W] but the shape is "
                    + Arrays.toString(shape) + "; add a batch axis with tensor.reshape(1, C, H, W)");
        }
        if (shape[1] != 1 && shape[1] != 3) {
            throw new IllegalArgumentException("an image tensor needs 1 (gray) or 3 (colour) channels but shape "
                    + Arrays.toString(shape) + " has " + shape[1] + "; is it NHWC rather than NCHW?");
        }
        if (shape[0] == 0 || shape[2] == 0 || shape[3] == 0) {
            throw new IllegalArgumentException("the image tensor " + Arrays.toString(shape) + " is empty");
        }
        return shape;
    }

    /** @return where tensor channel {@code tensorChannel} sits inside an interleaved pixel */
    private static int interleavedOffset(ChannelOrder order, int channels, int tensorChannel) {
        return channels == 1 ? 0 : order.bgrOffset(tensorChannel);
    }
}
